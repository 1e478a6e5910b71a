package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel keeps the mount's lookups, attributes and misses for a day; both ways of making it
 * forget them (the epoch bump of Linux 6.16+, and the entry invalidation older kernels get) must
 * show a removed device gone and a new one there as soon as {@code rmmod}/{@code modprobe}
 * return, to real {@code test -e} and {@code cat} processes.
 */
@Timeout(120)
class InvalidationIT {
    private static final String DEV_MTU = "sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/mtu";

    @ParameterizedTest(name = "NETMODEL_FUSE_INVALIDATE={0}")
    @ValueSource(strings = {"auto", "entry"})
    void a_device_goes_and_comes_back_through_the_kernels_cache(String mode) throws Exception {
        try (RunningModel model = RunningModel.up(Map.of("NETMODEL_FUSE_INVALIDATE", mode))) {
            String devMtu = model.file(DEV_MTU).toString();
            String classEth0 = model.file("sys/class/net/eth0").toString();
            assertEquals(0, test(devMtu));                      // looked up and cached
            assertEquals(0, model.netmodel("rmmod", "virtio_net").exit());
            assertEquals(1, test(devMtu));
            assertEquals(1, test(classEth0));                   // a miss, cached for a day
            assertEquals(0, model.netmodel("modprobe", "virtio_net").exit());
            assertEquals(0, test(devMtu));
            assertEquals("1500\n", model.cat("sys/class/net/eth0/mtu").out());

            String counters = model.netmodel("status", "--fuse-counters").out();
            Matcher m = Pattern.compile("notify=(\\d+) notify_mode=(\\w+)").matcher(counters);
            assertTrue(m.find(), counters);
            String expected = mode.equals("entry") || !epochKernel() ? "entry" : "epoch";
            assertEquals(expected, m.group(2), counters);
            assertTrue(Long.parseLong(m.group(1)) >= 2, counters);
        }
    }

    private static int test(String path) {
        return Proc.run(Map.of(), "test", "-e", path).exit();
    }

    /** Linux 6.16 or later (FUSE_NOTIFY_INC_EPOCH). */
    private static boolean epochKernel() {
        Matcher v = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        return v.find() && (Integer.parseInt(v.group(1)) > 6
            || (Integer.parseInt(v.group(1)) == 6 && Integer.parseInt(v.group(2)) >= 16));
    }
}
