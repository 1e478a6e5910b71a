package io.netmodel.bus;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.IrqHandler;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NapiPoll;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.Dmesg;
import io.netmodel.irq.IrqAction;
import io.netmodel.irq.IrqTable;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetdevRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * One driver bound to one device: the {@link DeviceContext} its probe uses, and the
 * device-managed resources ({@code devres}) it acquired, released in reverse order on
 * unbind or failed probe.
 */
final class DeviceBinding implements DeviceContext {
    private final BusDeviceImpl device;
    private final NetDriver driver;
    private final KernelProfile profile;
    private final NetdevRegistry netdevs;
    private final IrqTable irqs;
    private final Dmesg dmesg;
    private final Map<String, String> params;
    /** {@code dev->devres_head}: each release keyed by the resource it frees (null: unkeyed). */
    private final Deque<Devres> devres = new ArrayDeque<>();
    /** The devres key of the MSI-X allocation. */
    private static final Object MSIX_VECTORS = new Object();
    /** The MSI-X vectors' descriptors ({@code pci_alloc_irq_vectors}), by vector; empty when none. */
    private io.netmodel.irq.IrqDesc[] vectors = new io.netmodel.irq.IrqDesc[0];
    private final PciBus bus;
    /** IRQ actions requested on this device's MSI-X vectors and not yet freed. */
    private final java.util.Set<IrqAction> msixActions = new java.util.HashSet<>();
    private final io.netmodel.core.Tracepoints trace;
    private final java.util.function.IntFunction<byte[]> rssKeyFill;
    private final io.netmodel.cpu.CpuHotplug hotplug;
    /** The netdevs this binding registered, in order. */
    private final java.util.List<NetDeviceImpl> registered = new java.util.ArrayList<>();

    DeviceBinding(BusDeviceImpl device, PciBus bus, NetDriver driver, KernelProfile profile, NetdevRegistry netdevs,
                  IrqTable irqs, Dmesg dmesg, Map<String, String> params, io.netmodel.core.Tracepoints trace,
                  java.util.function.IntFunction<byte[]> rssKeyFill, io.netmodel.cpu.CpuHotplug hotplug) {
        this.hotplug = hotplug;
        this.bus = bus;
        this.trace = trace;
        this.rssKeyFill = rssKeyFill;
        this.device = device;
        this.driver = driver;
        this.profile = profile;
        this.netdevs = netdevs;
        this.irqs = irqs;
        this.dmesg = dmesg;
        this.params = params;
    }

    NetDriver driver() {
        return driver;
    }

    BusDeviceImpl busDevice() {
        return device;
    }

    @Override
    public BusDevice device() {
        return device;
    }

    @Override
    public KernelProfile kernel() {
        return profile;
    }

    @Override
    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(driver.name() + " has no parameter " + name);
        }
        return v;
    }

    @Override
    public NetDevice allocEtherdev(int txQueues, int rxQueues) {
        if (txQueues < 1 || rxQueues < 1) {
            throw new IllegalArgumentException("a netdev needs at least one queue each way");
        }
        return NetDeviceImpl.etherdev(txQueues, rxQueues, device.sysfsPath(), driver.name());
    }

    @Override
    public void registerNetdev(NetDevice dev) throws DriverException {
        NetDeviceImpl impl = own(dev);
        if (impl.alive()) {
            throw new DriverException(Errno.EEXIST, dev.name() + " is already registered");
        }
        netdevs.register(impl);
        devres.push(new Devres(impl, () -> netdevs.unregister(impl)));
        registered.add(impl);
    }

    /**
     * What a distro's network service does once the probe has returned: {@code dev_open} on every
     * netdev the driver registered, which runs its {@code ndo_open}. A refusal leaves that device
     * down (the driver logs why, as Linux drivers do); the binding stays.
     */
    void ifup() {
        for (NetDeviceImpl dev : registered) {
            if (dev.alive()) {
                netdevs.devOpen(dev);
            }
        }
    }

    @Override
    public void napiEnable(Napi napi) {
        netdevs.napiEnable(ownNapi(napi));
    }

    @Override
    public void napiDisable(Napi napi) {
        netdevs.napiDisable(ownNapi(napi));
    }

    /** A NAPI this driver added (to one of its netdevs). */
    private NapiImpl ownNapi(Napi napi) {
        if (!(napi instanceof NapiImpl impl) || !registeredOrAllocated(impl)) {
            throw new IllegalArgumentException("not a NAPI of this device: " + napi);
        }
        return impl;
    }

    private boolean registeredOrAllocated(NapiImpl napi) {
        for (Devres d : devres) {
            if (d.key == napi) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Napi netifNapiAdd(NetDevice dev, NapiPoll poll, int weight) {
        return managed(netdevs.napiAdd(own(dev), poll, weight));
    }

    @Override
    public Napi netifNapiAddConfig(NetDevice dev, NapiPoll poll, int weight, int index) {
        NetDeviceImpl impl = own(dev);
        if (index < 0 || index >= impl.numNapiConfigs()) {
            throw new IllegalArgumentException("napi_config index " + index + " outside 0.."
                + (impl.numNapiConfigs() - 1));
        }
        return managed(netdevs.napiAdd(impl, poll, weight, index));
    }

    private NapiImpl managed(NapiImpl napi) {
        devres.push(new Devres(napi, () -> netdevs.napiDel(napi)));
        return napi;
    }

    @Override
    public void netifNapiDel(Napi napi) {
        release(napi); // a NAPI of another device, or one already deleted, is not held here
    }

    @Override
    public void freeIrq(Irq irq) {
        release(irq);
    }

    /** {@code devres_release}: runs and forgets the release of {@code key}; false if it is not held. */
    private boolean release(Object key) {
        for (java.util.Iterator<Devres> it = devres.iterator(); it.hasNext(); ) {
            Devres d = it.next();
            if (d.key == key) {
                it.remove();
                d.release.run();
                return true;
            }
        }
        return false;
    }

    @Override
    public void napiHashAdd(Napi napi) {
        netdevs.napiHashAdd((NapiImpl) napi);
    }

    @Override
    public void netifQueueSetNapi(NetDevice dev, int index, io.netmodel.api.netdev.QueueType type, Napi napi) {
        NetDeviceImpl impl = own(dev);
        int count = type == io.netmodel.api.netdev.QueueType.RX ? impl.numRxQueues() : impl.numTxQueues();
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(type + " queue " + index + " outside 0.." + (count - 1));
        }
        if (napi != null && napi.dev() != dev) {
            throw new IllegalArgumentException("the NAPI belongs to another device");
        }
        netdevs.queueSetNapi(impl, index, type, (NapiImpl) napi);
    }

    @Override
    public void netifNapiSetIrq(Napi napi, Irq irq) {
        netdevs.napiSetIrq((NapiImpl) napi, irq == null ? -1 : irq.number());
    }

    @Override
    public int numOnlineCpus() {
        return hotplug.numOnline();
    }

    @Override
    public java.util.BitSet cpuOnlineMask() {
        return hotplug.onlineSet();
    }

    /**
     * The instance's callbacks as one hotplug state of the model's: at a CPU's down, after it
     * left the online mask, {@code downPrep} then {@code dead} (Linux runs the first while the
     * CPU is still online and the second after the IRQs moved off it; a driver that only clears
     * and re-deals its affinity, as virtio_net, ends the same); at its up, {@code online}. A
     * callback that throws is logged; the hotplug goes on. Dropped at unbind.
     */
    @Override
    public void cpuhpAddInstance(io.netmodel.api.driver.CpuhpInstance instance) {
        java.util.Objects.requireNonNull(instance, "instance");
        io.netmodel.cpu.CpuHotplug.Callback callback = new io.netmodel.cpu.CpuHotplug.Callback() {
            @Override
            public void cpuDown(int cpu) {
                guarded("cpu down", () -> {
                    instance.downPrep(cpu);
                    instance.dead(cpu);
                });
            }

            @Override
            public void cpuUp(int cpu) {
                guarded("cpu online", () -> instance.online(cpu));
            }
        };
        hotplug.register(callback);
        devres.push(new Devres(instance, () -> hotplug.unregister(callback)));
    }

    private void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            dmesg.printk(driver.name() + " " + device.kernelName() + ": " + what + " callback failed: " + e);
        }
    }

    @Override
    public byte[] netdevRssKeyFill(int len) {
        return rssKeyFill.apply(len);
    }

    @Override
    public int pciAllocIrqVectors(int min, int max) {
        if (vectors.length > 0) {
            throw new IllegalStateException("vectors already allocated for " + device.busAddress());
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("bad vector range " + min + ".." + max);
        }
        int n = Math.min(max, device.msixVectors());
        if (n < min || !irqs.reserveVectors(n)) {
            return 0;
        }
        io.netmodel.irq.IrqDesc[] got = irqs.allocMsix(device.busAddress(), n);
        vectors = got;
        bus.msiIrqsAdd(device, got);
        devres.push(new Devres(MSIX_VECTORS, () -> {
            bus.msiIrqsRemove(device);
            irqs.freeMsix(got);
            irqs.releaseVectors(n);
            vectors = new io.netmodel.irq.IrqDesc[0];
        }));
        return n;
    }

    @Override
    public Irq requestIrq(int vector, String name, IrqHandler handler) throws DriverException {
        if (vector < 0 || vector >= vectors.length) {
            throw new DriverException(Errno.EINVAL, "vector " + vector + " is not allocated (have "
                + vectors.length + ")");
        }
        if (!vectors[vector].actions().isEmpty()) {
            throw new DriverException(Errno.EBUSY, "vector " + vector + " is already requested");
        }
        IrqAction action = traced(irqs.requestMsix(vectors[vector], name, handler));
        msixActions.add(action);
        return action;
    }

    @Override
    public void pciFreeIrqVectors() {
        if (!msixActions.isEmpty()) {
            throw new IllegalStateException("pci_free_irq_vectors with " + msixActions.size()
                + " IRQ(s) still requested on " + device.busAddress());
        }
        release(MSIX_VECTORS);
    }

    @Override
    public void irqSetAffinityAndHint(Irq irq, java.util.BitSet cpus) {
        io.netmodel.irq.IrqDesc desc = requested(irq);
        long mask = io.netmodel.kobj.Bitmap.toLong(cpus);
        desc.setAffinityHint(mask); // the driver's mask as given (affinity_hint shows it)
        if ((mask & irqs.onlineMask()) != 0) {
            desc.setAffinity(mask); // irq_set_affinity_locked keeps the whole mask; the vector goes online
        }
    }

    @Override
    public void irqUpdateAffinityHint(Irq irq, java.util.BitSet cpus) {
        requested(irq).setAffinityHint(io.netmodel.kobj.Bitmap.toLong(cpus));
    }

    private io.netmodel.irq.IrqDesc requested(Irq irq) {
        io.netmodel.irq.IrqDesc desc = irqs.get(irq.number());
        if (desc == null) {
            throw new IllegalArgumentException("IRQ " + irq.number() + " is not requested");
        }
        return desc;
    }

    @Override
    public Irq requestLegacyIrq(String name, IrqHandler handler) throws DriverException {
        return traced(irqs.requestLegacy(device.legacyGsi(), name, handler));
    }

    private IrqAction traced(IrqAction action) {
        trace.hit(io.netmodel.core.Tracepoints.REQUEST_IRQ, 0, "irq", action.number(), "name", action.name());
        devres.push(new Devres(action, () -> {
            trace.hit(io.netmodel.core.Tracepoints.FREE_IRQ, 0, "irq", action.number(), "name", action.name());
            msixActions.remove(action);
            irqs.free(action);
        }));
        return action;
    }

    @Override
    public void log(String message) {
        dmesg.printk(driver.name() + " " + device.kernelName() + ": " + message);
    }

    /**
     * Releases every managed resource, newest first, after unregistering the netdevs: a driver's
     * remove starts with {@code unregister_netdev}, whose {@code dev_close} runs {@code ndo_stop}
     * (freeing what {@code ndo_open} took) before anything else is released.
     */
    void unwind() {
        java.util.List<Devres> netdevRegs = new java.util.ArrayList<>();
        for (Devres d : devres) {
            if (d.key instanceof NetDeviceImpl) {
                netdevRegs.add(d);
            }
        }
        devres.removeAll(netdevRegs);
        netdevRegs.forEach(d -> d.release.run()); // ndo_stop may free IRQs: devres is consistent by now
        registered.clear();
        while (!devres.isEmpty()) {
            devres.pop().release.run();
        }
    }

    /** One managed resource: what it is (for an early release) and how it is freed. */
    private record Devres(Object key, Runnable release) {
    }

    private static NetDeviceImpl own(NetDevice dev) {
        if (!(dev instanceof NetDeviceImpl impl)) {
            throw new IllegalArgumentException("not a netdev from allocEtherdev: " + dev);
        }
        return impl;
    }
}
