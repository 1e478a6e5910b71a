package io.netmodel.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.driver.DriverException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Probe and remove through {@code DriverCore}/{@code DeviceBinding}: a failing probe is
 * isolated and its devres unwound, a driver going away takes its netdev, files and IRQs with
 * it, and a rebind gets a fresh ifindex (dev_index_reserve is cyclic).
 */
class DriverCoreTest {
    private static final String VIRTIO0 = "/sys/devices/pci0000:00/0000:00:03.0/virtio0";

    static Stream<Arguments> probeFailures() {
        return Stream.of(
            Arguments.of(new IllegalStateException("driver bug"), 22),
            Arguments.of(new DriverException("bad config space"), 22),
            Arguments.of(new DriverException(Errno.EINVAL, "bad config space"), 22),
            Arguments.of(new DriverException(Errno.EBUSY, "vector busy"), 16));
    }

    @ParameterizedTest(name = "probe throws {0} -> error -{1}")
    @MethodSource("probeFailures")
    void should_isolate_a_failing_probe_and_unwind_what_it_acquired(Exception failure, int errno) throws Exception {
        TinyDriver bad = TinyDriver.failing(failure);
        Host host = Host.with("6.19", bad);

        assertNull(host.kernel.netdevs().byName("eth0"));
        assertEquals(List.of("lo"), host.fs.list("/sys/class/net"));
        assertFalse(host.exists(VIRTIO0 + "/net"));
        assertNull(host.kernel.irqs().get(24), "IRQ freed");
        assertFalse(host.read("/proc/interrupts").contains("tiny0-rx"));
        assertNull(host.kernel.netdevs().napiHash().byId(bad.napi.napiId()), "NAPI unhashed");
        assertTrue(host.kernel.modules().dmesg().stream()
                .anyMatch(l -> l.endsWith("badnet virtio0: probe with driver badnet failed with error -" + errno)),
            () -> String.join("\n", host.kernel.modules().dmesg()));

        // the model keeps working: files answer, and another driver can bind the device
        host.write("/proc/sys/net/core/netdev_budget", "400\n");
        assertEquals("400\n", host.read("/proc/sys/net/core/netdev_budget"));
        host.kernel.modules().driverAppeared(TinyDriver.plain());
        assertEquals("3\n", host.read("/sys/class/net/eth0/ifindex"), "the failed probe consumed ifindex 2");
        assertTrue(host.read("/proc/interrupts").contains(" 24:"));
    }

    @Test
    void should_remove_eth0_its_files_and_irq_when_the_driver_goes() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        assertTrue(host.exists("/sys/class/net/eth0"));
        int napiId = driver.napi.napiId();

        host.kernel.modules().driverGone(driver);

        assertFalse(host.exists("/sys/class/net/eth0"));
        assertFalse(host.exists(VIRTIO0 + "/net"), "the net/ glue directory goes with its last netdev");
        assertTrue(host.exists(VIRTIO0), "the bus device stays");
        assertEquals(List.of("lo"), host.fs.list("/sys/class/net"));
        assertEquals(List.of("lo"), host.kernel.netdevs().devices().stream().map(NetDeviceImpl::name).toList());
        assertNull(host.kernel.irqs().get(24));
        assertNull(host.kernel.netdevs().napiHash().byId(napiId));
        assertTrue(host.kernel.modules().modules().isEmpty());
    }

    @Test
    void should_give_a_rebound_eth0_the_next_ifindex() throws Exception {
        Host host = Host.bare("6.19");
        for (int expected = 2; expected <= 4; expected++) {
            TinyDriver driver = TinyDriver.plain();
            host.kernel.modules().driverAppeared(driver);
            assertEquals("eth0", driver.dev.name());
            assertEquals(expected + "\n", host.read("/sys/class/net/eth0/ifindex"));
            assertEquals("INTERFACE=eth0\nIFINDEX=" + expected + "\n", host.read("/sys/class/net/eth0/uevent"));
            host.kernel.modules().driverGone(driver);
        }
        assertEquals("1\n", host.read("/sys/class/net/lo/ifindex"));
    }

    @Test
    void should_ignore_driver_gone_for_a_driver_that_never_loaded() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        host.kernel.modules().driverGone(TinyDriver.plain());
        assertEquals("2\n", host.read("/sys/class/net/eth0/ifindex"));
    }

    /**
     * The core's line for a failed probe: dev_err with the device from 6.9, pr_warn before, and
     * none for -ENODEV/-ENXIO (a rejected match is a debug message); the boot banner's
     * PREEMPT_DYNAMIC from 5.12.
     */
    @Test
    void a_failed_probe_is_logged_in_its_releases_words() throws Exception {
        Host old = Host.with("6.8", TinyDriver.failing(new DriverException(Errno.EBUSY, "vector busy")));
        assertTrue(old.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith("] badnet: probe of virtio0 failed with error -16")),
            () -> String.join("\n", old.kernel.modules().dmesg()));
        assertTrue(old.kernel.modules().dmesg().get(0).endsWith("Linux version 6.8.0-netmodel (netmodel) #1 SMP PREEMPT_DYNAMIC"));
        Host rejected = Host.with("6.19", TinyDriver.failing(new DriverException(Errno.ENODEV, "not my board")));
        assertTrue(rejected.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith("] badnet virtio0: not my board")));
        assertTrue(rejected.kernel.modules().dmesg().stream().noneMatch(l -> l.contains("failed with error")),
            () -> String.join("\n", rejected.kernel.modules().dmesg()));
        assertEquals("badnet virtio0: not my board (probe failed with error -19)", rejected.kernel.drivers().lastProbeFailure());
        assertTrue(Host.bare("4.4").kernel.modules().dmesg().get(0).endsWith("Linux version 4.4.0-netmodel (netmodel) #1 SMP"));
    }
}
