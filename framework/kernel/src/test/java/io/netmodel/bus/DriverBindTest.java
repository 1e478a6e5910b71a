package io.netmodel.bus;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.HostSpec;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A driver's {@code bind} and {@code unbind}, and the bus's {@code drivers_autoprobe} and
 * {@code drivers_probe} ({@code drivers/base/bus.c}): what {@code dpdk-devbind} and
 * hand-written rebinding scripts write, with the kernel's errnos.
 */
class DriverBindTest {
    private static final String DRV = "/sys/bus/virtio/drivers/tinynet";

    @Test
    void a_registered_driver_has_its_directory_bound_or_not() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        for (String f : List.of("bind", "unbind", "uevent")) {
            assertEquals(0200, h.fs.stat(DRV + "/" + f).mode() & 07777, f);
            assertEquals(Errno.EACCES, errno(() -> h.fs.open(DRV + "/" + f, false, Caller.ROOT)), "root cannot read " + f);
        }
        assertEquals("../../../../module/tinynet", h.fs.readlink(DRV + "/module"));
        assertEquals("../../../bus/virtio/drivers/tinynet", h.fs.readlink("/sys/module/tinynet/drivers/virtio:tinynet"));

        h.write(DRV + "/unbind", "virtio0\n");
        assertTrue(h.exists(DRV + "/bind"), "the directory stays while the module is loaded");
        assertEquals(List.of("bind", "module", "uevent", "unbind"), sorted(h.fs.list(DRV)));
    }

    @Test
    void unbind_takes_the_device_away_and_bind_brings_it_back() throws Exception {
        TinyDriver d = TinyDriver.plain();
        Host h = Host.with("6.19", d);
        assertEquals(8, h.write(DRV + "/unbind", "virtio0\n"));
        assertNull(h.kernel.netdevs().byName("eth0"));
        assertEquals(List.of("lo"), h.fs.list("/sys/class/net"));
        assertFalse(h.read("/proc/interrupts").contains(TinyDriver.IRQ_NAME), "its IRQ freed");
        assertFalse(h.exists("/sys/bus/pci/devices/0000:00:03.0/virtio0/driver"));
        assertEquals("0x00000001\n", h.read("/sys/bus/virtio/devices/virtio0/status"), "virtio: ACKNOWLEDGE alone");
        assertTrue(h.kernel.modules().isLoaded("tinynet"), "the module stays loaded");
        assertEquals(Errno.ENODEV, errno(() -> h.write(DRV + "/unbind", "virtio0")), "not bound to it any more");

        assertEquals(7, h.write(DRV + "/bind", "virtio0"));
        assertEquals("3\n", h.read("/sys/class/net/eth0/ifindex"), "a fresh ifindex, as after rmmod and modprobe");
        assertEquals("../../../../bus/virtio/drivers/tinynet", h.fs.readlink("/sys/bus/virtio/devices/virtio0/driver"));
        assertTrue(h.read("/proc/interrupts").contains(TinyDriver.IRQ_NAME));
        assertEquals(Errno.EBUSY, errno(() -> h.write(DRV + "/bind", "virtio0")), "already bound");
    }

    @Test
    void a_name_that_is_not_a_matching_device_on_the_drivers_bus_is_enodev() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        h.write(DRV + "/unbind", "virtio0");
        for (String name : List.of("virtio1", "0000:00:03.0", "virtio0\n\n", " virtio0", "virtio0 ")) {
            assertEquals(Errno.ENODEV, errno(() -> h.write(DRV + "/bind", name)), "bind '" + name + "'");
            assertEquals(Errno.ENODEV, errno(() -> h.write(DRV + "/unbind", name)), "unbind '" + name + "'");
        }
        assertEquals(0, h.write(DRV + "/bind", ""), "sysfs_kf_write: an empty write is no write");
        assertNull(h.kernel.netdevs().byName("eth0"), "nothing bound by a refused write");
    }

    @Test
    void a_non_root_write_is_refused_at_open() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        Caller user = new Caller(1000, 1000, 1);
        assertEquals(Errno.EACCES, errno(() -> h.fs.open(DRV + "/unbind", true, user)));
        assertEquals(Errno.EACCES, errno(() -> h.fs.open("/sys/bus/virtio/drivers_autoprobe", true, user)));
        assertEquals("2\n", h.read("/sys/class/net/eth0/ifindex"));
    }

    @Test
    void without_autoprobe_modprobe_binds_nothing_until_drivers_probe_or_bind() throws Exception {
        Host h = Host.bare("6.19");
        assertEquals("1\n", h.read("/sys/bus/virtio/drivers_autoprobe"));
        assertEquals(0644, h.fs.stat("/sys/bus/virtio/drivers_autoprobe").mode() & 07777);
        assertEquals(0200, h.fs.stat("/sys/bus/virtio/drivers_probe").mode() & 07777);
        assertEquals(List.of("devices", "drivers", "drivers_autoprobe", "drivers_probe", "uevent"),
            sorted(h.fs.list("/sys/bus/virtio")), "as on the reference guest");
        assertEquals(List.of("devices", "drivers", "drivers_autoprobe", "drivers_probe", "rescan", "uevent"),
            sorted(h.fs.list("/sys/bus/pci")), "the guest's less resource_alignment and slots");
        assertEquals(4, h.write("/sys/bus/pci/uevent", "add\n"));
        h.write("/sys/bus/virtio/drivers_autoprobe", "0\n");
        assertEquals("0\n", h.read("/sys/bus/virtio/drivers_autoprobe"));
        assertEquals("1\n", h.read("/sys/bus/pci/drivers_autoprobe"), "each bus has its own");

        h.kernel.modules().driverAppeared(TinyDriver.plain());
        assertTrue(h.exists(DRV + "/bind"));
        assertNull(h.kernel.netdevs().byName("eth0"), "registered, not bound");

        assertEquals(Errno.ENODEV, errno(() -> h.write("/sys/bus/virtio/drivers_probe", "virtio7")));
        assertEquals(8, h.write("/sys/bus/virtio/drivers_probe", "virtio0\n"));
        assertEquals("2\n", h.read("/sys/class/net/eth0/ifindex"));
        assertEquals(8, h.write("/sys/bus/virtio/drivers_probe", "virtio0\n"), "a bound device: nothing to do");
        assertEquals(13, h.write("/sys/bus/pci/drivers_probe", "0000:00:03.0\n"), "the PCI function has virtio-pci");

        h.write("/sys/bus/virtio/drivers_autoprobe", "yes"); // anything but a leading '0' sets it
        assertEquals("1\n", h.read("/sys/bus/virtio/drivers_autoprobe"));
    }

    @Test
    void a_failed_probe_through_bind_returns_its_error_from_5_14_and_the_length_before() throws Exception {
        Host now = Host.bare("6.19");
        now.write("/sys/bus/virtio/drivers_autoprobe", "0");
        now.kernel.modules().driverAppeared(TinyDriver.failing(new DriverException(Errno.EBUSY, "vector busy")));
        assertEquals(Errno.EBUSY, errno(() -> now.write("/sys/bus/virtio/drivers/badnet/bind", "virtio0")));
        assertNull(now.kernel.netdevs().byName("eth0"));

        Host old = Host.bare("5.10");
        old.write("/sys/bus/virtio/drivers_autoprobe", "0");
        old.kernel.modules().driverAppeared(TinyDriver.failing(new DriverException(Errno.EBUSY, "vector busy")));
        assertEquals(7, old.write("/sys/bus/virtio/drivers/badnet/bind", "virtio0"));
        assertNull(old.kernel.netdevs().byName("eth0"), "the probe failed all the same");
        assertTrue(old.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith("] badnet: probe of virtio0 failed with error -16")),
            "before 6.9 the core's pr_warn wording");
    }

    /** What a command that needs eth0 tells the user to do (traffic, bench --live). */
    @Test
    void without_eth0_the_hint_says_what_to_bind_or_to_load() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        h.write(DRV + "/unbind", "virtio0");
        assertEquals("bind virtio0 to tinynet first (netmodel write /sys/bus/virtio/drivers/tinynet/bind virtio0)",
            h.kernel.drivers().howToGetANetdev());
        Host failed = Host.with("6.19", TinyDriver.failing(new DriverException(Errno.EBUSY, "vector busy")));
        assertEquals("load a driver first (netmodel modprobe ...)", failed.kernel.drivers().howToGetANetdev(),
            "not a driver whose probe just failed");
        assertEquals("load a driver first (netmodel modprobe ...)", Host.bare("6.19").kernel.drivers().howToGetANetdev());
    }

    @Test
    void rmmod_after_unbind_takes_the_directory_and_the_module_link() throws Exception {
        TinyDriver d = TinyDriver.plain();
        Host h = Host.with("6.19", d);
        h.write(DRV + "/unbind", "virtio0");
        h.kernel.modules().driverGone(d);
        assertFalse(h.exists(DRV));
        assertFalse(h.exists("/sys/module/tinynet"));
        assertEquals(List.of(), h.fs.list("/sys/bus/virtio/drivers"));
    }

    @Test
    void a_pci_driver_binds_by_pci_address_and_leaves_virtio_pci_functions_alone() throws Exception {
        Host h = Host.of("6.19", new HostSpec(2, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1),
            new HostSpec.Nic(NicModel.E1000, 1))));
        h.kernel.modules().driverAppeared(new PciTestDriver());
        String drv = "/sys/bus/pci/drivers/pcitest";
        assertEquals("../../../../devices/pci0000:00/0000:00:04.0", h.fs.readlink(drv + "/0000:00:04.0"));
        assertEquals(Errno.ENODEV, errno(() -> h.write(drv + "/unbind", "0000:00:03.0")), "virtio-pci's");
        assertEquals(Errno.ENODEV, errno(() -> h.write(drv + "/bind", "0000:00:03.0")), "not in its id table");

        h.write(drv + "/unbind", "0000:00:04.0\n");
        assertFalse(h.exists("/sys/bus/pci/devices/0000:00:04.0/driver"));
        assertEquals(List.of("lo"), h.fs.list("/sys/class/net"));
        h.write("/sys/bus/pci/drivers_probe", "0000:00:04.0");
        assertEquals("../../../bus/pci/drivers/pcitest", h.fs.readlink("/sys/bus/pci/devices/0000:00:04.0/driver"));
        assertEquals(List.of("eth0", "lo"), sorted(h.fs.list("/sys/class/net")));
    }

    @Test
    void a_driver_uevent_takes_an_action_as_kobject_synth_uevent_parses_it() throws Exception {
        Host h = Host.with("6.19", TinyDriver.plain());
        for (String ok : List.of("add", "change\n", "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10",
                "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10 A=1 B2=xyz\n")) {
            assertEquals(ok.length(), h.write(DRV + "/uevent", ok), ok);
        }
        for (String bad : List.of("\n", "ad", "add\n\n", "addx", "add ", "add not-a-uuid",
                "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10 A", "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10 A=",
                "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10 A-B=1", "add 2b6f4a56-0f1c-4d4b-9d8e-52a61c3a9e10  A=1")) {
            assertEquals(Errno.EINVAL, errno(() -> h.write(DRV + "/uevent", bad)), "'" + bad + "'");
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** A PCI driver for the E1000 model's id: a netdev and nothing else. */
    private static final class PciTestDriver implements NetDriver {
        @Override
        public String name() {
            return "pcitest";
        }

        @Override
        public String version() {
            return "0.1";
        }

        @Override
        public List<DeviceId> idTable() {
            return List.of(DeviceId.pci(NicModel.E1000.vendor(), NicModel.E1000.device()));
        }

        @Override
        public void probe(DeviceContext ctx) throws DriverException {
            NetDevice dev = ctx.allocEtherdev(1, 1);
            dev.setMacAddress(ctx.device().macAddress());
            ctx.registerNetdev(dev);
        }
    }
}
