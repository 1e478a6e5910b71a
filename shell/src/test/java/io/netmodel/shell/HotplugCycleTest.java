package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.VfsException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * modprobe/rmmod of the virtio_net bundle in a real embedded Felix, 100 times: the tree comes
 * back identical (but for the cyclic ifindex), and threads, bundles and heap do not grow.
 */
@Timeout(300)
class HotplugCycleTest {
    private static final Set<String> VOLATILE = Set.of("ifindex", "iflink", "uevent");
    private static ModelHost host;

    @BeforeAll
    static void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(), layout.bundlesDir(), cache);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_hundred_rmmod_modprobe_cycles_leave_the_same_state_and_no_growth() throws Exception {
        host.modprobe("virtio_net", Map.of());
        TreeMap<String, String> first = TreeSnapshot.take(host.fs(), VOLATILE);
        assertTrue(first.containsKey("/sys/class/net/eth0"), "eth0 after modprobe");

        long heapAt20 = 0;
        int threadsAt20 = 0;
        int bundlesAt20 = 0;
        for (int i = 1; i <= 100; i++) {
            host.rmmod("virtio_net");
            assertFalse(exists("/sys/class/net/eth0"), "eth0 gone after rmmod #" + i);
            host.modprobe("virtio_net", Map.of());
            if (i == 20) {
                heapAt20 = usedHeapAfterGc();
                threadsAt20 = ManagementFactory.getThreadMXBean().getThreadCount();
                bundlesAt20 = host.bundleCount();
            }
        }
        assertEquals(first, TreeSnapshot.take(host.fs(), VOLATILE));
        assertEquals(bundlesAt20, host.bundleCount(), "bundles");
        assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threadsAt20 + 1, "threads");
        long growth = usedHeapAfterGc() - heapAt20;
        assertTrue(growth < 8L << 20, "heap grew by " + growth + " bytes over 80 cycles");
    }

    private static boolean exists(String path) {
        try {
            host.fs().stat(path);
            return true;
        } catch (VfsException e) {
            return false;
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
