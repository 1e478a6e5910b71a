package io.netmodel.bus;

import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.Dmesg;
import io.netmodel.irq.IrqTable;
import io.netmodel.kobj.Kstrtox;
import io.netmodel.net.NetdevRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver core ({@code drivers/base/dd.c}, {@code bus.c}): matches registered drivers against
 * bus devices by id table and runs probe/remove, at {@code driver_register} (when the bus's
 * {@code drivers_autoprobe} is set), at a write to the driver's {@code bind} or the bus's
 * {@code drivers_probe}, and back at {@code unbind} and {@code driver_unregister}. A driver that
 * throws is isolated: its probe fails, what it acquired is released, and the model keeps running.
 */
public final class DriverCore {
    /** A registered driver: its bus ({@code pci}, or {@code virtio} for a virtio NIC's) and its module's live parameters. */
    private record Registration(NetDriver driver, String bus, Map<String, String> params,
                                java.util.Set<BusDeviceImpl> probeFailed) {
        Registration(NetDriver driver, String bus, Map<String, String> params) {
            this(driver, bus, params, new java.util.HashSet<>());
        }
    }

    private final PciBus bus;
    private final KernelProfile profile;
    private final NetdevRegistry netdevs;
    private final IrqTable irqs;
    private final Dmesg dmesg;
    private final io.netmodel.core.Tracepoints trace;
    /** {@code netdev_rss_key_fill}. */
    private final java.util.function.IntFunction<byte[]> rssKeyFill;
    private final io.netmodel.cpu.CpuHotplug hotplug;
    private final Map<BusDeviceImpl, DeviceBinding> bound = new LinkedHashMap<>();
    private String lastProbeFailure;
    /** The bus's {@code klist_drivers}: registered drivers, in registration order. */
    private final List<Registration> registered = new ArrayList<>();

    public DriverCore(PciBus bus, KernelProfile profile, NetdevRegistry netdevs, IrqTable irqs, Dmesg dmesg,
                      io.netmodel.core.Tracepoints trace, java.util.function.IntFunction<byte[]> rssKeyFill,
                      io.netmodel.cpu.CpuHotplug hotplug) {
        this.hotplug = hotplug;
        this.trace = trace;
        this.rssKeyFill = rssKeyFill;
        this.bus = bus;
        this.profile = profile;
        this.netdevs = netdevs;
        this.irqs = irqs;
        this.dmesg = dmesg;
        bus.events(new PciBus.Events() {
            @Override
            public int driversProbe(String busName, byte[] name) throws VfsException {
                return DriverCore.this.driversProbe(busName, name);
            }

            @Override
            public void removing(BusDeviceImpl dev) {
                DeviceBinding b = bound.get(dev);
                if (b != null) {
                    release(b);
                }
                for (Registration r : registered) {
                    r.probeFailed().remove(dev);
                }
            }

            @Override
            public void added(BusDeviceImpl dev) {
                String busName = PciBus.busOf(dev);
                if (bus.autoprobe(busName)) {
                    attach(busName, dev);
                }
            }
        });
    }

    /**
     * {@code driver_register}: the driver's directory appears and, if its bus autoprobes, every
     * unbound matching device is probed; returns how many bound. {@code params} is the module's
     * live parameter map, which a later {@code bind} probes with.
     */
    public int register(NetDriver driver, Map<String, String> params) {
        Registration r = new Registration(driver, busOf(driver), params);
        registered.add(r);
        bus.driverAdded(r.bus(), driver.name(), driver.name(), (data, caller) -> bind(r, data),
            (data, caller) -> unbind(r, data));
        if (!bus.autoprobe(r.bus())) {
            return 0;
        }
        int count = 0;
        for (BusDeviceImpl dev : bus.devices()) {
            if (!bound.containsKey(dev) && matches(driver, dev)) {
                if (probe(r, dev) == 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** {@code driver_unregister}: remove from every device it is bound to, newest first; its directory goes. */
    public void unregister(NetDriver driver) {
        List<DeviceBinding> mine = new ArrayList<>();
        for (DeviceBinding b : bound.values()) {
            if (b.driver() == driver) {
                mine.add(0, b);
            }
        }
        for (DeviceBinding b : mine) {
            release(b);
        }
        for (java.util.Iterator<Registration> it = registered.iterator(); it.hasNext(); ) {
            Registration r = it.next();
            if (r.driver() == driver) {
                it.remove();
                bus.driverRemoved(r.bus(), driver.name(), driver.name());
            }
        }
    }

    /** {@code device_release_driver}: the driver's remove, then its managed resources, then the links. */
    private void release(DeviceBinding b) {
        NetDriver driver = b.driver();
        try {
            driver.remove(b);
        } catch (RuntimeException e) {
            dmesg.printk(driver.name() + " " + b.busDevice().kernelName() + ": remove failed: " + e);
        }
        b.unwind();
        bound.remove(b.busDevice());
        bus.unbound(b.busDevice(), driver.name());
    }

    /**
     * {@code bind_store}: the device named (one trailing newline allowed) on the driver's bus,
     * if the driver's id table matches it, is probed ({@code device_driver_attach}): EBUSY if a
     * driver has it already; ENODEV for no such device or no match. A failed probe is the probe's
     * error from 5.14 ({@link Behaviour#BIND_RETURNS_PROBE_ERROR}), the write's length before.
     */
    private int bind(Registration r, byte[] name) throws VfsException {
        BusDeviceImpl dev = find(r.bus(), name);
        if (dev == null || !matches(r.driver(), dev)) {
            throw new VfsException(Errno.ENODEV);
        }
        if (bound.containsKey(dev)) {
            throw new VfsException(Errno.EBUSY);
        }
        int err = probe(r, dev);
        if (err != 0 && profile.has(Behaviour.BIND_RETURNS_PROBE_ERROR)) {
            throw new VfsException(err);
        }
        return name.length;
    }

    /** {@code unbind_store}: the device named, if this driver has it, is released; else ENODEV. */
    private int unbind(Registration r, byte[] name) throws VfsException {
        BusDeviceImpl dev = find(r.bus(), name);
        DeviceBinding b = dev == null ? null : bound.get(dev);
        if (b == null || b.driver() != r.driver()) {
            throw new VfsException(Errno.ENODEV);
        }
        release(b);
        return name.length;
    }

    /**
     * {@code drivers_probe_store}: ENODEV for no such device; a device without a driver is offered
     * to the bus's drivers in registration order until one probes it ({@code device_attach}, a
     * failed probe passing it on); the write's length whether one did or not.
     */
    private int driversProbe(String busName, byte[] name) throws VfsException {
        BusDeviceImpl dev = find(busName, name);
        if (dev == null) {
            throw new VfsException(Errno.ENODEV);
        }
        boolean hasDriver = bound.containsKey(dev) || (busName.equals("pci") && dev.model().virtio()); // virtio-pci's
        if (!hasDriver) {
            attach(busName, dev);
        }
        return name.length;
    }

    /** {@code device_attach}: the bus's drivers in registration order until one probes {@code dev}. */
    private void attach(String busName, BusDeviceImpl dev) {
        for (Registration r : List.copyOf(registered)) {
            if (r.bus().equals(busName) && matches(r.driver(), dev) && probe(r, dev) == 0) {
                return;
            }
        }
    }

    /**
     * {@code bus_find_device_by_name}: the device whose name on {@code busName} the write names
     * ({@code sysfs_streq}); a PCI address on the pci bus, {@code virtioN} on the virtio bus.
     */
    private BusDeviceImpl find(String busName, byte[] name) {
        for (BusDeviceImpl dev : bus.devices()) {
            boolean virtioBus = busName.equals("virtio");
            if (virtioBus && !dev.model().virtio()) {
                continue;
            }
            if (Kstrtox.sysfsStreq(name, virtioBus ? dev.kernelName() : dev.busAddress())) {
                return dev;
            }
        }
        return null;
    }

    /** The bus a driver registers on: {@code virtio} when its id table names a virtio NIC, else {@code pci}. */
    private static String busOf(NetDriver driver) {
        for (DeviceId id : driver.idTable()) {
            NicModel m = NicModel.byId(id.vendor(), id.device());
            if (m != null && m.virtio()) {
                return "virtio";
            }
        }
        return "pci";
    }

    /**
     * What to do so that the host has a NIC netdev: bind a device a loaded driver matches but does
     * not hold (after an {@code unbind}, or with {@code drivers_autoprobe} off, and not one whose
     * probe by it failed), else rescan the bus if a function was removed, else load a driver. For
     * the messages of commands that need eth0.
     */
    public String howToGetANetdev() {
        for (BusDeviceImpl dev : bus.devices()) {
            if (bound.containsKey(dev)) {
                continue;
            }
            for (Registration r : registered) {
                if (matches(r.driver(), dev) && !r.probeFailed().contains(dev)) {
                    String name = r.bus().equals("virtio") ? dev.kernelName() : dev.busAddress();
                    return "bind " + name + " to " + r.driver().name() + " first (netmodel write /sys/bus/" + r.bus()
                        + "/drivers/" + r.driver().name() + "/bind " + name + ")";
                }
            }
        }
        if (bus.anyRemoved()) {
            return "rescan the PCI bus first (netmodel write /sys/bus/pci/rescan 1)";
        }
        return "load a driver first (netmodel modprobe ...)";
    }

    /** Devices bound to {@code driver}. */
    public int boundCount(NetDriver driver) {
        int n = 0;
        for (DeviceBinding b : bound.values()) {
            if (b.driver() == driver) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code really_probe}: 0 when the driver took the device, else the probe's errno (logged,
     * unwound; a driver's errno that is not positive counts as EINVAL). The failure is remembered
     * for {@link #howToGetANetdev}, a success forgets it.
     */
    private int probe(Registration r, BusDeviceImpl dev) {
        NetDriver driver = r.driver();
        DeviceBinding binding = new DeviceBinding(dev, bus, driver, profile, netdevs, irqs, dmesg, r.params(), trace,
            rssKeyFill, hotplug);
        int err;
        try {
            driver.probe(binding);
            bound.put(dev, binding);
            bus.bound(dev, driver.name());
            binding.ifup();
            r.probeFailed().remove(dev);
            return 0;
        } catch (DriverException e) {
            err = e.errno() > 0 ? e.errno() : Errno.EINVAL;
            probeFailed(driver, dev, binding, err, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            err = Errno.EINVAL;
            probeFailed(driver, dev, binding, err, e.toString());
        }
        r.probeFailed().add(dev);
        return err;
    }

    /**
     * A failed probe: what it acquired is released, the driver's own reason is logged (as its
     * {@code dev_err} would be), then the core's line ({@link Behaviour#PROBE_FAILURE_DEV_ERR}'s
     * wording from 6.9, {@code pr_warn}'s before; none for -ENODEV and -ENXIO, which are debug
     * messages), and {@link #lastProbeFailure} says it.
     */
    private void probeFailed(NetDriver driver, BusDeviceImpl dev, DeviceBinding binding, int errno, String why) {
        binding.unwind();
        String prefix = driver.name() + " " + dev.kernelName() + ": ";
        if (why != null) {
            dmesg.printk(prefix + why);
        }
        if (errno != Errno.ENODEV && errno != ENXIO) {
            dmesg.printk(profile.has(Behaviour.PROBE_FAILURE_DEV_ERR)
                ? prefix + "probe with driver " + driver.name() + " failed with error -" + errno
                : driver.name() + ": probe of " + dev.kernelName() + " failed with error -" + errno);
        }
        lastProbeFailure = prefix + (why != null ? why + " " : "") + "(probe failed with error -" + errno + ")";
    }

    /** {@code ENXIO}: with ENODEV, the probe errors the core does not log ("rejects match"). */
    private static final int ENXIO = 6;

    /** The last failed probe: driver, device, the driver's reason and the errno; null if none failed. */
    public String lastProbeFailure() {
        return lastProbeFailure;
    }

    private static boolean matches(NetDriver driver, BusDeviceImpl dev) {
        for (DeviceId id : driver.idTable()) {
            if (id.matches(dev)) {
                return true;
            }
        }
        return false;
    }
}
