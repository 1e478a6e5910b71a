package io.netmodel.bus;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Errno;
import io.netmodel.core.HostSpec;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PCI function's {@code remove} and the bus's {@code rescan} (drivers/pci/pci-sysfs.c): the
 * device leaves its driver, the bus and sysfs, and a rescan finds it again in its slot, with its
 * MAC, probed by the driver that matches it (a hot-unplug and re-plug, or a NIC reset by script).
 */
class PciRemoveRescanTest {
    private static final String FN = "/sys/bus/pci/devices/0000:00:03.0";

    @Test
    void remove_takes_the_function_its_virtio_device_and_eth0_away() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        assertEquals(0200, h.fs.stat(FN + "/remove").mode() & 07777);
        assertEquals(0200, h.fs.stat(FN + "/rescan").mode() & 07777);
        assertEquals(0200, h.fs.stat("/sys/bus/pci/rescan").mode() & 07777);
        assertEquals(2, h.write(FN + "/remove", "1\n"));
        assertNull(h.kernel.netdevs().byName("eth0"));
        assertFalse(h.exists("/sys/devices/pci0000:00/0000:00:03.0"));
        assertEquals(List.of(), h.fs.list("/sys/bus/pci/devices"));
        assertEquals(List.of(), h.fs.list("/sys/bus/virtio/devices"));
        assertFalse(h.exists("/sys/bus/pci/drivers/virtio-pci/0000:00:03.0"));
        assertEquals(List.of("bind", "module", "uevent", "unbind"),
            h.fs.list("/sys/bus/virtio/drivers/tinynet").stream().sorted().toList(), "the driver stays, deviceless");
        assertFalse(h.read("/proc/interrupts").contains(TinyDriver.IRQ_NAME));
        assertEquals("rescan the PCI bus first (netmodel write /sys/bus/pci/rescan 1)", h.kernel.drivers().howToGetANetdev());
    }

    @Test
    void rescan_finds_it_again_in_its_slot_and_the_driver_probes_it() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        String mac = h.read("/sys/class/net/eth0/address");
        h.write(FN + "/remove", "1");
        assertEquals(2, h.write("/sys/bus/pci/rescan", "1\n"));
        assertEquals("../../../devices/pci0000:00/0000:00:03.0/virtio0", h.fs.readlink("/sys/bus/virtio/devices/virtio0"));
        assertEquals("../../../../bus/virtio/drivers/tinynet", h.fs.readlink("/sys/bus/virtio/devices/virtio0/driver"));
        assertEquals("../../../bus/pci/drivers/virtio-pci", h.fs.readlink(FN + "/driver"));
        assertEquals("3\n", h.read("/sys/class/net/eth0/ifindex"));
        assertEquals(mac, h.read("/sys/class/net/eth0/address"), "the same hardware");
        assertTrue(h.read("/proc/interrupts").contains(TinyDriver.IRQ_NAME));
        assertEquals(2, h.write("/sys/bus/pci/rescan", "1\n"), "nothing left to find");
        assertEquals(List.of("0000:00:03.0"), h.fs.list("/sys/bus/pci/devices"));
    }

    @Test
    void zero_does_nothing_and_what_kstrtoul_refuses_is_einval() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        assertEquals(2, h.write(FN + "/remove", "0\n"));
        assertEquals("2\n", h.read("/sys/class/net/eth0/ifindex"));
        for (String bad : List.of("yes", "1 ", "-1", "99999999999999999999999")) {
            assertEquals(Errno.EINVAL, errno(() -> h.write(FN + "/remove", bad)), bad);
            assertEquals(Errno.EINVAL, errno(() -> h.write("/sys/bus/pci/rescan", bad)), bad);
        }
        assertEquals(3, h.write(FN + "/remove", "0x1"), "base from the prefix");
        assertFalse(h.exists(FN));
    }

    @Test
    void without_autoprobe_the_rescanned_device_waits_for_a_bind() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        h.write(FN + "/remove", "1");
        h.write("/sys/bus/virtio/drivers_autoprobe", "0");
        h.write("/sys/bus/pci/rescan", "1");
        assertTrue(h.exists("/sys/bus/virtio/devices/virtio0"));
        assertNull(h.kernel.netdevs().byName("eth0"));
        h.write("/sys/bus/virtio/drivers/tinynet/bind", "virtio0");
        assertEquals("3\n", h.read("/sys/class/net/eth0/ifindex"));
    }

    @Test
    void one_function_goes_and_comes_back_beside_the_others() throws Exception {
        Host h = Host.of("6.19", new HostSpec(2, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1),
            new HostSpec.Nic(NicModel.VIRTIO_NET, 1), new HostSpec.Nic(NicModel.E1000, 1))));
        h.write("/sys/bus/pci/devices/0000:00:03.0/remove", "1");
        assertEquals(List.of("0000:00:04.0", "0000:00:05.0"), h.fs.list("/sys/bus/pci/devices").stream().sorted().toList());
        assertEquals(List.of("virtio1"), h.fs.list("/sys/bus/virtio/devices"));
        h.write("/sys/bus/pci/devices/0000:00:05.0/rescan", "1"); // a device's rescan: its bus, 00
        assertEquals("../../../devices/pci0000:00/0000:00:03.0/virtio0", h.fs.readlink("/sys/bus/virtio/devices/virtio0"),
            "the lowest free virtio index");
        assertEquals(List.of("0000:00:03.0", "0000:00:04.0", "0000:00:05.0"),
            h.fs.list("/sys/bus/pci/devices").stream().sorted().toList());
    }
}
