package io.netmodel.bus;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.cpu.NodeSysfs;
import io.netmodel.irq.IrqDesc;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import io.netmodel.api.kernel.KernelProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host's PCI bus: devices at fixed slots under {@code /sys/devices/pci0000:00/}, with
 * their {@code vendor}, {@code device}, {@code subsystem_vendor}, {@code subsystem_device},
 * {@code class}, {@code modalias}, {@code irq}, {@code numa_node}, {@code local_cpus} and
 * {@code local_cpulist} files and, while a driver holds MSI-X vectors, {@code msi_irqs/} (what
 * IRQ-affinity scripts and irqbalance read). Devices stay when drivers come and go.
 *
 * <p>{@code /sys/bus/pci} and {@code /sys/bus/virtio} list them ({@code devices/<name>}), and a
 * bound driver has its {@code drivers/<driver>/} directory with a link to each of its devices
 * and one to its module, and each device a {@code driver} link back
 * ({@code driver_sysfs_add}), so {@code readlink /sys/class/net/eth0/device/driver} names the
 * driver. A virtio NIC's PCI function is virtio-pci's, the {@code virtioN} device below it
 * the NIC driver's.
 *
 * <p>A module's driver has its directory from {@code driver_register} to
 * {@code driver_unregister}, bound or not ({@code bus_add_driver}), with {@code bind},
 * {@code unbind} and {@code uevent} (0200), its {@code module} link and the module's
 * {@code drivers/<bus>:<driver>} link back ({@code module_add_driver}); each bus has
 * {@code drivers_autoprobe}, {@code drivers_probe} and {@code uevent} ({@link SysBus} makes
 * those files, {@link DriverCore} does the binding). A function's {@code remove} unplugs it and the bus's {@code rescan} (or a function's) finds it
 * again in its slot, with the same model, queues and MAC; the model prints none of the
 * enumeration lines a rescan logs ({@code pci 0000:00:03.0: [1af4:1041] type 00 ...}). Not
 * modelled: {@code new_id}/{@code remove_id}, a device's {@code driver_override}, and the files
 * of the built-in virtio-pci, whose directory only lists its devices.
 */
public final class PciBus {
    private static final String ROOT = "/sys/devices/pci0000:00";
    /** The driver every virtio PCI function is bound to (built in on the distributions' kernels). */
    private static final String VIRTIO_PCI = "virtio-pci";
    private static final int FIRST_SLOT = 3;
    /** {@code PCI_CLASS_NETWORK_ETHERNET << 8}: every modelled NIC is an Ethernet controller, prog-if 0. */
    private static final int CLASS_ETHERNET = 0x020000;
    private final List<Attr<BusDeviceImpl>> pciAttrs;
    /** {@code VIRTIO_ID_NET}. */
    private static final int VIRTIO_ID_NET = 1;
    /** {@code VIRTIO_CONFIG_S_ACKNOWLEDGE | DRIVER | DRIVER_OK | FEATURES_OK}: a driver bound and running. */
    private static final int VIRTIO_STATUS_OK = 0x1 | 0x2 | 0x4 | 0x8;
    /**
     * A virtio device's own files (drivers/virtio/virtio.c): its virtio ids (the vendor is the
     * PCI function's subsystem vendor, 0x1af4), {@code modalias}, and {@code status}: ACKNOWLEDGE
     * alone while no driver is bound (at {@code register_virtio_device} and again after
     * {@code virtio_dev_remove}), 0xf once one runs. Not modelled: {@code features} (the model
     * negotiates no feature bits), {@code uevent}, {@code power/}, and the FAILED bit a refused
     * probe leaves (0x83).
     */
    private final List<Attr<BusDeviceImpl>> virtioAttrs;
    /** {@code "0x%04x"}: how pci-sysfs and virtio print their 16-bit ids. */
    private static String hex16(int id) {
        return String.format("0x%04x", id) + "\n";
    }

    /** A slot a NIC was plugged into at boot: it keeps its model, queues and MAC through remove and rescan. */
    private record Slot(int index, NicModel model, int queuePairs, String address, byte[] mac) {
        int busNumber() {
            return Integer.parseInt(address.substring(5, 7), 16);
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    /** The device in each slot now; none after {@code remove}, until a rescan. */
    private final java.util.Map<Slot, BusDeviceImpl> present = new java.util.HashMap<>();
    private final KTree tree;
    private final KernelProfile profile;
    private final Consumer<String> log;
    private Events events;
    /** {@code /sys/bus/pci} and {@code /sys/bus/virtio}. */
    private final SysBus sysBus;

    /**
     * {@code hotplug}: the host's CPUs, all on node 0 ({@code local_cpus} prints the online ones);
     * {@code log}: {@code printk}.
     */
    public PciBus(KTree tree, KernelProfile profile, io.netmodel.cpu.CpuHotplug hotplug, Consumer<String> log) {
        this.tree = tree;
        this.profile = profile;
        this.log = log;
        this.sysBus = new SysBus(tree, new SysBus.Handlers() {
            @Override
            public int driversProbe(String bus, byte[] name) throws VfsException {
                return events.driversProbe(bus, name);
            }

            @Override
            public int rescan(byte[] data) throws VfsException {
                return rescanStore(data, -1);
            }
        });
        int cpus = hotplug.possible();
        Attr<BusDeviceImpl> numaNode = profile.has(Behaviour.PCI_NUMA_NODE_WRITABLE)
            ? Attr.rw("numa_node", PciBus::showNumaNode, this::storeNumaNode)
            : Attr.ro("numa_node", PciBus::showNumaNode);
        // drivers/pci/pci-sysfs.c; local_cpus: cpu_online_mask without a node (dev_to_node -1),
        // else cpumask_of_node: the same CPUs on this one-node host
        this.pciAttrs = List.of(
            Attr.ro("vendor", d -> hex16(d.vendor())),
            Attr.ro("device", d -> hex16(d.device())),
            Attr.ro("subsystem_vendor", d -> hex16(d.model().subsystemVendor())),
            Attr.ro("subsystem_device", d -> hex16(d.model().subsystemDevice())),
            Attr.ro("class", d -> String.format("0x%06x", CLASS_ETHERNET) + "\n"),
            // modalias_show: what udev matches a module's "pci:" aliases against (modinfo -F alias)
            Attr.ro("modalias", d -> String.format("pci:v%08Xd%08Xsv%08Xsd%08Xbc%02Xsc%02Xi%02X", d.vendor(),
                d.device(), d.model().subsystemVendor(), d.model().subsystemDevice(), CLASS_ETHERNET >> 16,
                (CLASS_ETHERNET >> 8) & 0xff, CLASS_ETHERNET & 0xff) + "\n"),
            Attr.ro("irq", d -> d.legacyGsi() + "\n"), // pdev->irq: the INTx line, MSI-X or not
            numaNode,
            Attr.ro("local_cpus", d -> Bitmap.print(hotplug.onlineSet(), cpus) + "\n"),
            Attr.ro("local_cpulist", d -> Bitmap.printList(hotplug.onlineSet(), cpus) + "\n"));
        this.virtioAttrs = List.of(
            Attr.ro("device", d -> hex16(VIRTIO_ID_NET)),
            Attr.ro("vendor", d -> hex16(d.model().subsystemVendor())), // virtio_pci_modern_probe: the subsystem vendor
            Attr.ro("modalias", d -> String.format("virtio:d%08Xv%08X", VIRTIO_ID_NET, d.model().subsystemVendor()) + "\n"),
            Attr.ro("status", d -> String.format("0x%08x", driverBound(d) ? VIRTIO_STATUS_OK : 0x1) + "\n"));
    }

    private static String showNumaNode(BusDeviceImpl d) {
        return d.numaNode() + "\n";
    }

    /**
     * {@code numa_node_store}: {@code capable(CAP_SYS_ADMIN)} (modelled as uid 0) or EPERM;
     * {@code kstrtoint(buf, 0)}'s error; a node that is neither {@code NUMA_NO_NODE} nor online is
     * EINVAL. Then the {@code FW_BUG} alert and the new node. The kernel also taints itself
     * ({@code TAINT_FIRMWARE_WORKAROUND}); the model keeps no taint.
     */
    private int storeNumaNode(BusDeviceImpl d, byte[] data, Caller caller) throws VfsException {
        if (caller.uid() != 0) {
            throw new VfsException(Errno.EPERM);
        }
        int node = Kstrtox.kstrtoint(data);
        if (node != NodeSysfs.NUMA_NO_NODE && !NodeSysfs.online(node)) {
            throw new VfsException(Errno.EINVAL);
        }
        log.accept("pci " + d.busAddress() + ": [Firmware Bug]: Overriding NUMA node to " + node
            + ".  Contact your vendor for updates.");
        d.setNumaNode(node);
        return data.length;
    }

    /** A driver is bound: {@code driver_sysfs_add} made the device's {@code driver} link. */
    private boolean driverBound(BusDeviceImpl dev) {
        return tree.find(dev.sysfsPath() + "/driver") != null;
    }

    /**
     * Plugs a NIC into the next free slot ({@code 0000:00:03.0}, ...; more than 29 NICs continue
     * on further buses {@code 0000:01:00.0}, ... as behind PCIe bridges).
     */
    public BusDeviceImpl plug(NicModel model, int queuePairs) {
        int index = slots.size();
        int bus = index < 29 ? 0 : 1 + (index - 29) / 32;
        int slot = index < 29 ? FIRST_SLOT + index : (index - 29) % 32;
        String address = String.format("0000:%02x:%02x.0", bus, slot);
        // QEMU's default MAC is 52:54:00:12:34:56; later NICs count up from there.
        byte[] mac = {0x52, 0x54, 0x00, 0x12, (byte) (0x34 + ((0x56 + index) >> 8)), (byte) (0x56 + index)};
        Slot s = new Slot(index, model, queuePairs, address, mac);
        slots.add(s);
        return add(s);
    }

    /**
     * {@code pci_scan_single_device} and {@code pci_bus_add_device}: the slot's function appears
     * with its files, and a virtio function its {@code virtioN} device ({@code register_virtio_device}:
     * the lowest free index) bound to virtio-pci.
     */
    private BusDeviceImpl add(Slot s) {
        NicModel model = s.model();
        KDir pciDir = tree.mkdirs(ROOT + "/" + s.address());
        int unit = model.virtio() ? freeVirtioIndex() : s.index();
        String path = model.virtio() ? pciDir.dir("virtio" + unit).path() : pciDir.path();
        BusDeviceImpl dev = new BusDeviceImpl(model, s.queuePairs(), s.address(), unit, s.mac(), path);
        Attr.populate(pciDir, dev, pciAttrs, profile, KAttr.Flavor.SYSFS);
        pciDir.attr("remove", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, (data, caller) -> removeStore(s, data));
        pciDir.attr("rescan", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly,
            (data, caller) -> rescanStore(data, s.busNumber()));
        pciDir.link("subsystem", "/sys/bus/pci");
        sysBus.dir("pci").dir("devices").link(s.address(), pciDir.path());
        if (model.virtio()) {
            KDir virtioDir = (KDir) tree.find(path);
            Attr.populate(virtioDir, dev, virtioAttrs, profile, KAttr.Flavor.SYSFS);
            virtioDir.link("subsystem", "/sys/bus/virtio");
            sysBus.dir("virtio").dir("devices").link(dev.kernelName(), path);
            sysBus.link("pci", VIRTIO_PCI, s.address(), pciDir.path());
        }
        present.put(s, dev);
        return dev;
    }

    /** {@code virtio_index_ida}: the lowest index no present virtio device has. */
    private int freeVirtioIndex() {
        java.util.BitSet used = new java.util.BitSet();
        for (BusDeviceImpl d : present.values()) {
            if (d.model().virtio()) {
                used.set(d.unit());
            }
        }
        return used.nextClearBit(0);
    }

    /**
     * {@code remove_store}: {@code kstrtoul(buf, 0)} or EINVAL; a non-zero value stops the device
     * ({@code pci_stop_and_remove_bus_device_locked}: its driver, and a virtio function's virtio
     * device with its driver, are unbound) and removes it from the bus and sysfs. The slot stays:
     * a rescan finds the function again.
     */
    private int removeStore(Slot s, byte[] data) throws VfsException {
        long value = flag(data);
        BusDeviceImpl dev = present.get(s);
        if (value != 0 && dev != null) {
            events.removing(dev);
            if (s.model().virtio()) {
                ((KDir) tree.find("/sys/bus/virtio/devices")).remove(dev.kernelName());
                sysBus.unlink("pci", VIRTIO_PCI, s.address(), ROOT + "/" + s.address());
            }
            ((KDir) tree.find("/sys/bus/pci/devices")).remove(s.address());
            ((KDir) tree.find(ROOT)).remove(s.address());
            present.remove(s);
        }
        return data.length;
    }

    /**
     * {@code rescan_store} (the bus's, every PCI bus) and {@code dev_rescan_store} (a device's,
     * {@code busNumber}'s slots only; -1: all): {@code kstrtoul(buf, 0)} or EINVAL; a non-zero value
     * finds every removed function again, in slot order, and offers each to the drivers
     * ({@code bus_probe_device}: when its bus autoprobes).
     */
    private int rescanStore(byte[] data, int busNumber) throws VfsException {
        if (flag(data) != 0) {
            for (Slot s : slots) {
                if (!present.containsKey(s) && (busNumber < 0 || s.busNumber() == busNumber)) {
                    events.added(add(s));
                }
            }
        }
        return data.length;
    }

    /** {@code if (kstrtoul(buf, 0, &val) < 0) return -EINVAL;}: an overflow is EINVAL too. */
    private static long flag(byte[] data) throws VfsException {
        try {
            return Kstrtox.kstrtoul(data);
        } catch (VfsException e) {
            throw new VfsException(Errno.EINVAL);
        }
    }

    /** Whether a function was removed ({@code remove}) and not found again. */
    boolean anyRemoved() {
        return present.size() < slots.size();
    }

    /**
     * {@code msi_sysfs_populate_desc} (6.2+; {@code populate_msi_sysfs} before): the PCI function's
     * {@code msi_irqs/} names each allocated vector's IRQ, a 0444 file reading {@code msix} (from
     * 3.13; before, a directory holding {@code mode}). Scripts list it to find a NIC's IRQs.
     */
    void msiIrqsAdd(BusDeviceImpl dev, IrqDesc[] vectors) {
        KDir dir = tree.mkdirs(ROOT + "/" + dev.busAddress() + "/msi_irqs");
        boolean attributes = profile.has(Behaviour.MSI_IRQS_ATTRIBUTES);
        for (IrqDesc d : vectors) {
            String name = Integer.toString(d.number());
            KDir parent = attributes ? dir : dir.dir(name, 0755);
            parent.attr(attributes ? name : "mode", 0444, KAttr.Flavor.SYSFS, () -> "msix\n", null);
        }
    }

    /** {@code msi_sysfs_remove_desc}: the vectors are freed, {@code msi_irqs/} goes. */
    void msiIrqsRemove(BusDeviceImpl dev) {
        ((KDir) tree.find(ROOT + "/" + dev.busAddress())).remove("msi_irqs");
    }

    /** {@code driver_sysfs_add}: {@code driver} is bound to {@code dev}. */
    void bound(BusDeviceImpl dev, String driver) {
        sysBus.link(busOf(dev), driver, dev.kernelName(), dev.sysfsPath());
    }

    /** {@code driver_sysfs_remove}: the links go. */
    void unbound(BusDeviceImpl dev, String driver) {
        sysBus.unlink(busOf(dev), driver, dev.kernelName(), dev.sysfsPath());
    }

    /** {@code bus_add_driver}: see {@link SysBus#driverAdded}. */
    void driverAdded(String bus, String driver, String module, KAttr.Store bind, KAttr.Store unbind) {
        sysBus.driverAdded(bus, driver, module, bind, unbind);
    }

    /** {@code bus_remove_driver}: see {@link SysBus#driverRemoved}. */
    void driverRemoved(String bus, String driver, String module) {
        sysBus.driverRemoved(bus, driver, module);
    }

    /** {@code drivers_autoprobe} of {@code bus}: whether a newly registered driver binds the devices it matches. */
    boolean autoprobe(String bus) {
        return sysBus.autoprobe(bus);
    }

    /** What the driver core does when the bus's files ask (drivers/base/bus.c, dd.c). */
    interface Events {
        /** {@code drivers_probe_store}: the bytes consumed, or the errno. */
        int driversProbe(String bus, byte[] name) throws VfsException;

        /** {@code pci_stop_bus_device}: {@code dev} is about to be removed; release its driver. */
        void removing(BusDeviceImpl dev);

        /** {@code bus_probe_device}: {@code dev} appeared (a rescan); probe it if its bus autoprobes. */
        void added(BusDeviceImpl dev);
    }

    /** The driver core, which answers the bus's events (set once, as it is made). */
    void events(Events events) {
        this.events = events;
    }


    static String busOf(BusDeviceImpl dev) {
        return dev.model().virtio() ? "virtio" : "pci";
    }

    /** The devices on the bus now, in slot order. */
    public List<BusDeviceImpl> devices() {
        List<BusDeviceImpl> out = new ArrayList<>();
        for (Slot s : slots) {
            BusDeviceImpl d = present.get(s);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }
}
