package io.netmodel.bus;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Uevent;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /sys/bus/<bus>/} for the model's two buses, {@code pci} and {@code virtio}
 * ({@code drivers/base/bus.c}), as {@code bus_register} makes it: {@code devices/},
 * {@code drivers/}, {@code drivers_autoprobe} (0644: {@code "1"} at first; a write starting with
 * {@code '0'} clears it, any other sets it, and returns its length), {@code drivers_probe} (0200:
 * a device's name, which the driver core tries every registered driver on) and {@code uevent}
 * (0200), as on the reference guest; the pci bus's {@code rescan} too, not its
 * {@code resource_alignment} or {@code slots/}. Each registered driver's directory, with
 * {@code bind}, {@code unbind}, {@code uevent} and its module links, and the links between a
 * bound driver and its device ({@code driver_sysfs_add}) are made here as well.
 */
final class SysBus {
    /** What the bus's own files do, answered by the PCI bus and the driver core. */
    interface Handlers {
        /** {@code drivers_probe_store}: the bytes consumed, or the errno. */
        int driversProbe(String bus, byte[] name) throws VfsException;

        /** {@code rescan_store} (the pci bus's): the bytes consumed, or the errno. */
        int rescan(byte[] data) throws VfsException;
    }

    private final KTree tree;
    private final Handlers handlers;
    /** {@code subsys_private.drivers_autoprobe} by bus name. */
    private final Map<String, Boolean> autoprobe = new HashMap<>();

    SysBus(KTree tree, Handlers handlers) {
        this.tree = tree;
        this.handlers = handlers;
    }

    /** {@code /sys/bus/<bus>}, made with its files the first time it is asked for. */
    KDir dir(String bus) {
        KDir dir = tree.mkdirs("/sys/bus/" + bus);
        if (dir.child("drivers_autoprobe") == null) {
            dir.dir("devices");
            dir.dir("drivers");
            autoprobe.put(bus, true);
            dir.attr("drivers_autoprobe", 0644, KAttr.Flavor.SYSFS, () -> (autoprobe.get(bus) ? 1 : 0) + "\n",
                (data, caller) -> {
                    autoprobe.put(bus, data.length == 0 || data[0] != '0');
                    return data.length;
                });
            dir.attr("drivers_probe", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly,
                (data, caller) -> handlers.driversProbe(bus, data));
            dir.attr("uevent", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, (data, caller) -> Uevent.synth(data));
            if (bus.equals("pci")) {
                dir.attr("rescan", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, (data, caller) -> handlers.rescan(data));
            }
        }
        return dir;
    }

    /** {@code drivers_autoprobe} of {@code bus}: whether a newly registered driver binds the devices it matches. */
    boolean autoprobe(String bus) {
        dir(bus);
        return autoprobe.get(bus);
    }

    /**
     * {@code bus_add_driver}: {@code driver} of module {@code module} is registered on {@code bus};
     * its directory gets {@code bind} and {@code unbind} ({@code add_bind_files}, stores from the
     * driver core), {@code uevent}, and the module links ({@code module_add_driver}).
     */
    void driverAdded(String bus, String driver, String module, KAttr.Store bind, KAttr.Store unbind) {
        KDir dir = dir(bus).dir("drivers").dir(driver);
        dir.attr("bind", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, bind);
        dir.attr("unbind", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, unbind);
        dir.attr("uevent", 0200, KAttr.Flavor.SYSFS, SysBus::writeOnly, (data, caller) -> Uevent.synth(data));
        if (tree.find("/sys/module/" + module) != null) {
            dir.link("module", "/sys/module/" + module);
            tree.mkdirs("/sys/module/" + module + "/drivers").link(bus + ":" + driver, dir.path());
        }
    }

    /** {@code bus_remove_driver} after the driver left its devices: the directory and the module's link go. */
    void driverRemoved(String bus, String driver, String module) {
        ((KDir) tree.find("/sys/bus/" + bus + "/drivers")).remove(driver);
        if (tree.find("/sys/module/" + module + "/drivers") instanceof KDir drivers) {
            drivers.remove(bus + ":" + driver);
        }
    }

    /** {@code driver_sysfs_add}: {@code driver} on {@code bus} links to device {@code name} at {@code devicePath}, and back. */
    void link(String bus, String driver, String name, String devicePath) {
        KDir dir = dir(bus).dir("drivers").dir(driver);
        dir.remove(name); // idempotent: a link left behind is replaced, never a probe failure
        dir.link(name, devicePath);
        KDir device = (KDir) tree.find(devicePath);
        device.remove("driver");
        device.link("driver", dir.path());
    }

    /** {@code driver_sysfs_remove}: the two links of {@link #link} go. */
    void unlink(String bus, String driver, String name, String devicePath) {
        if (tree.find("/sys/bus/" + bus + "/drivers/" + driver) instanceof KDir dir) {
            dir.remove(name);
            ((KDir) tree.find(devicePath)).remove("driver");
        }
    }

    /** A 0200 file: kernfs refuses a read at open (EACCES, root too), so this never runs. */
    static String writeOnly() throws VfsException {
        throw new VfsException(Errno.EIO);
    }

}
