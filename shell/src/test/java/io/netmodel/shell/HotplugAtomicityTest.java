package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Files appear and vanish with their device, never half of it: while virtio_net is removed and
 * probed again and again, a reader listing eth0's directories sees either no such directory or
 * all of it ({@code device_add} with the attribute groups, {@code netdev_register_kobject} with
 * the queues; {@code net/core/net-sysfs.c}), never a directory without its files.
 */
@Timeout(300)
class HotplugAtomicityTest {
    private static final String ETH0 = "/sys/class/net/eth0";
    private static ModelHost host;

    @BeforeAll
    static void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(), layout.bundlesDir(),
            TestDirs.felixCache());
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_reader_sees_all_of_eth0_or_none_of_it() throws Exception {
        host.modprobe("virtio_net", Map.of());
        VirtualFs fs = host.fs();
        List<String> dirs = List.of(ETH0, ETH0 + "/queues", ETH0 + "/queues/rx-0", ETH0 + "/queues/tx-0",
            ETH0 + "/queues/tx-0/byte_queue_limits", ETH0 + "/statistics");
        List<List<String>> whole = new ArrayList<>();
        for (String d : dirs) {
            whole.add(fs.list(d));
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong present = new AtomicLong();
        AtomicLong absent = new AtomicLong();
        List<String> halves = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && halves.isEmpty()) {
                for (int i = 0; i < dirs.size(); i++) {
                    try {
                        List<String> seen = fs.list(dirs.get(i));
                        present.incrementAndGet();
                        if (!seen.equals(whole.get(i))) {
                            halves.add(dirs.get(i) + ": " + seen);
                        }
                    } catch (VfsException e) {
                        absent.incrementAndGet();
                        if (e.errno() != Errno.ENOENT) {
                            halves.add(dirs.get(i) + ": errno " + e.errno());
                        }
                    }
                }
            }
        }, "reader");
        reader.start();
        for (int i = 0; i < 200 && halves.isEmpty(); i++) {
            host.rmmod("virtio_net");
            host.modprobe("virtio_net", Map.of());
        }
        done.set(true);
        reader.join();
        assertEquals(List.of(), halves);
        assertTrue(present.get() > 0 && absent.get() > 0,
            "the reader saw both states (present " + present + ", absent " + absent + ")");
    }
}
