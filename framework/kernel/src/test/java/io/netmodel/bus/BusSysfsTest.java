package io.netmodel.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code /sys/bus}: the devices of each bus, and the links between a bound driver and its device
 * ({@code driver_sysfs_add}), with the targets a 6.18 virtio guest shows.
 */
class BusSysfsTest {
    private static final String PCI_FN = "/sys/devices/pci0000:00/0000:00:03.0";

    @Test
    void a_bound_driver_and_its_device_link_to_each_other() throws Exception {
        TinyDriver d = TinyDriver.plain();
        Host h = Host.with("6.19", d);
        assertEquals("../../../../bus/virtio/drivers/tinynet", h.fs.readlink(PCI_FN + "/virtio0/driver"));
        assertEquals("../../../../devices/pci0000:00/0000:00:03.0/virtio0",
            h.fs.readlink("/sys/bus/virtio/drivers/tinynet/virtio0"));
        assertEquals("../../../../bus/virtio/drivers/tinynet", h.fs.readlink("/sys/class/net/eth0/device/driver"));
        assertTrue(h.exists("/sys/class/net/eth0/device/driver/virtio0/net/eth0"), "the links resolve");
    }

    @Test
    void the_pci_function_belongs_to_virtio_pci_and_the_buses_list_their_devices() throws Exception {
        Host h = Host.bare("6.19");
        assertEquals("../../../bus/pci/drivers/virtio-pci", h.fs.readlink(PCI_FN + "/driver"));
        assertEquals("../../../../devices/pci0000:00/0000:00:03.0", h.fs.readlink("/sys/bus/pci/drivers/virtio-pci/0000:00:03.0"));
        assertEquals("../../../devices/pci0000:00/0000:00:03.0", h.fs.readlink("/sys/bus/pci/devices/0000:00:03.0"));
        assertEquals("../../../devices/pci0000:00/0000:00:03.0/virtio0", h.fs.readlink("/sys/bus/virtio/devices/virtio0"));
        assertFalse(h.exists(PCI_FN + "/virtio0/driver"), "no NIC driver loaded");
    }

    @Test
    void unbinding_removes_the_links_and_the_emptied_driver_directory() throws Exception {
        TinyDriver d = TinyDriver.plain();
        Host h = Host.with("6.19", d);
        h.kernel.modules().driverGone(d);
        assertFalse(h.exists(PCI_FN + "/virtio0/driver"));
        assertFalse(h.exists("/sys/bus/virtio/drivers/tinynet"));
        assertTrue(h.exists("/sys/bus/virtio/devices/virtio0"), "the device stays on its bus");
        h.kernel.modules().driverAppeared(d);
        assertEquals("../../../../bus/virtio/drivers/tinynet", h.fs.readlink(PCI_FN + "/virtio0/driver"));
    }

    /**
     * What IRQ-affinity scripts read from the PCI function, in a 6.18 guest's formats: the class
     * of an Ethernet controller, the INTx line, and the CPUs local to a device with no NUMA node
     * (all online ones, {@code %*pb} and {@code %*pbl}).
     */
    @Test
    void the_pci_function_shows_its_class_irq_and_local_cpus() throws Exception {
        Host h = Host.with("6.19", 2, TinyDriver.plain());
        assertEquals("0x020000\n", h.read(PCI_FN + "/class"));
        assertEquals("11\n", h.read(PCI_FN + "/irq"));
        assertEquals("3\n", h.read(PCI_FN + "/local_cpus"));
        assertEquals("0-1\n", h.read(PCI_FN + "/local_cpulist"));
        Host big = Host.with("6.19", 40, TinyDriver.plain());
        assertEquals("ff,ffffffff\n", big.read(PCI_FN + "/local_cpus"));
        assertEquals("0-39\n", big.read(PCI_FN + "/local_cpulist"));
    }

    /**
     * The board's subsystem ids, which irqbalance needs before it reads {@code class} (without
     * them it leaves every IRQ of the device unbalanced): the reference guest's for virtio-net,
     * a pci.ids board row for the others.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}:{2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "VIRTIO_NET, 0x1af4, 0x1041",
        "E1000,      0x1af4, 0x1100",
        "IXGBE,      0x8086, 0x000c",
        "MLX4_EN,    0x15b3, 0x0064",
    })
    void the_pci_function_shows_its_boards_subsystem_ids(NicModel model, String vendor, String device) throws Exception {
        Host h = Host.of("6.19", new io.netmodel.core.HostSpec(2, java.util.List.of(new io.netmodel.core.HostSpec.Nic(model, 1))));
        assertEquals(vendor + "\n", h.read(PCI_FN + "/subsystem_vendor"));
        assertEquals(device + "\n", h.read(PCI_FN + "/subsystem_device"));
        assertEquals(0444, h.fs.stat(PCI_FN + "/subsystem_device").mode() & 07777);
        assertEquals(String.format("pci:v0000%sd0000%ssv0000%ssd0000%sbc02sc00i00%n", hex4(h, "vendor"), hex4(h, "device"),
            vendor.substring(2).toUpperCase(), device.substring(2).toUpperCase()), h.read(PCI_FN + "/modalias"));
    }

    private static String hex4(Host h, String file) throws Exception {
        return h.read(PCI_FN + "/" + file).trim().substring(2).toUpperCase();
    }

    /** The virtio device's ids and status as a 6.18 guest shows them: ACKNOWLEDGE alone without a driver, 0xf with one. */
    @Test
    void the_virtio_device_shows_its_ids_and_driver_status() throws Exception {
        TinyDriver d = TinyDriver.plain();
        Host h = Host.with("6.19", d);
        String virtio = PCI_FN + "/virtio0";
        assertEquals("0x0001\n", h.read(virtio + "/device"));
        assertEquals("0x1af4\n", h.read(virtio + "/vendor"));
        assertEquals("virtio:d00000001v00001AF4\n", h.read(virtio + "/modalias"));
        assertEquals("0x0000000f\n", h.read(virtio + "/status"));
        assertEquals("../../../../bus/virtio", h.fs.readlink(virtio + "/subsystem"));
        assertEquals("../../../bus/pci", h.fs.readlink(PCI_FN + "/subsystem"));
        h.kernel.modules().driverGone(d);
        assertEquals("0x00000001\n", h.read(virtio + "/status"));
    }
}
