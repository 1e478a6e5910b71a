package io.netmodel.bus;

import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.Dmesg;
import io.netmodel.irq.IrqTable;
import io.netmodel.net.NetdevRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver core ({@code drivers/base/dd.c}): matches registered drivers against bus devices
 * by id table and runs probe/remove. A driver that throws is isolated: its probe fails, what
 * it acquired is released, and the model keeps running.
 */
public final class DriverCore {
    private final PciBus bus;
    private final KernelProfile profile;
    private final NetdevRegistry netdevs;
    private final IrqTable irqs;
    private final Dmesg dmesg;
    private final io.netmodel.core.Tracepoints trace;
    /** {@code netdev_rss_key_fill}. */
    private final java.util.function.IntFunction<byte[]> rssKeyFill;
    private final Map<BusDeviceImpl, DeviceBinding> bound = new LinkedHashMap<>();

    public DriverCore(PciBus bus, KernelProfile profile, NetdevRegistry netdevs, IrqTable irqs, Dmesg dmesg,
                      io.netmodel.core.Tracepoints trace, java.util.function.IntFunction<byte[]> rssKeyFill) {
        this.trace = trace;
        this.rssKeyFill = rssKeyFill;
        this.bus = bus;
        this.profile = profile;
        this.netdevs = netdevs;
        this.irqs = irqs;
        this.dmesg = dmesg;
    }

    /** {@code driver_register}: probe every unbound matching device; returns how many bound. */
    public int register(NetDriver driver, Map<String, String> params) {
        int count = 0;
        for (BusDeviceImpl dev : bus.devices()) {
            if (!bound.containsKey(dev) && matches(driver, dev)) {
                if (probe(driver, dev, params)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** {@code driver_unregister}: remove from every device it is bound to, newest first. */
    public void unregister(NetDriver driver) {
        List<DeviceBinding> mine = new ArrayList<>();
        for (DeviceBinding b : bound.values()) {
            if (b.driver() == driver) {
                mine.add(0, b);
            }
        }
        for (DeviceBinding b : mine) {
            try {
                driver.remove(b);
            } catch (RuntimeException e) {
                dmesg.printk(driver.name() + " " + b.busDevice().kernelName() + ": remove failed: " + e);
            }
            b.unwind();
            bound.remove(b.busDevice());
            bus.unbound(b.busDevice(), driver.name());
        }
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

    private boolean probe(NetDriver driver, BusDeviceImpl dev, Map<String, String> params) {
        DeviceBinding binding = new DeviceBinding(dev, bus, driver, profile, netdevs, irqs, dmesg, params, trace, rssKeyFill);
        try {
            driver.probe(binding);
            bound.put(dev, binding);
            bus.bound(dev, driver.name(), driver.name());
            binding.ifup();
            return true;
        } catch (DriverException e) {
            probeFailed(driver, dev, binding, e.errno(), e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            probeFailed(driver, dev, binding, Errno.EINVAL, e.toString());
        }
        return false;
    }

    /** {@code really_probe}'s warning (5.x wording), after the driver's own reason. */
    private void probeFailed(NetDriver driver, BusDeviceImpl dev, DeviceBinding binding, int errno, String why) {
        binding.unwind();
        if (why != null) {
            dmesg.printk(driver.name() + " " + dev.kernelName() + ": " + why);
        }
        dmesg.printk(driver.name() + " " + dev.kernelName() + ": probe with driver " + driver.name()
            + " failed with error -" + errno);
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
