package io.netmodel.core;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.bus.DriverCore;
import io.netmodel.bus.NicModel;
import io.netmodel.bus.PciBus;
import io.netmodel.irq.IrqTable;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.TreeFs;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetdevRegistry;
import io.netmodel.net.SysctlNetCore;

/**
 * One modelled host: its kernel release, hardware, subsystems and file tree, wired together.
 * Plain Java (no OSGi), so tests can build one directly; {@link KernelComponent} publishes it
 * in the framework.
 */
public final class Kernel {
    private final KernelProfile profile;
    private final ModelLock lock = new ModelLock();
    private final KTree tree = new KTree();
    private final Dmesg dmesg = new Dmesg(System::nanoTime);
    private final NetdevRegistry netdevs;
    private final IrqTable irqs;
    private final PciBus bus;
    private final SysctlNetCore sysctls;
    private final DriverCore drivers;
    private final ModuleTable modules;
    private final TreeFs fs;

    public Kernel(KernelProfile profile, HostSpec host) {
        this.profile = profile;
        this.netdevs = new NetdevRegistry(tree, profile, host.cpus());
        this.irqs = new IrqTable(host.cpus(), tree, profile);
        this.bus = new PciBus(tree, profile);
        this.sysctls = new SysctlNetCore(tree, profile);
        this.drivers = new DriverCore(bus, profile, netdevs, irqs, dmesg);
        this.modules = new ModuleTable(lock, drivers, dmesg);
        this.fs = new TreeFs(tree, lock);
        dmesg.printk("Linux version " + profile.version() + ".0-netmodel (netmodel) #1 SMP PREEMPT_DYNAMIC");
        netdevs.register(NetDeviceImpl.loopback());
        for (NicModel nic : host.nics()) {
            bus.plug(nic);
        }
    }

    public KernelProfile profile() {
        return profile;
    }

    public ModelLock lock() {
        return lock;
    }

    public VirtualFs fs() {
        return fs;
    }

    public ModuleTable modules() {
        return modules;
    }

    public NetdevRegistry netdevs() {
        return netdevs;
    }

    public IrqTable irqs() {
        return irqs;
    }

    public SysctlNetCore sysctls() {
        return sysctls;
    }

    public KTree tree() {
        return tree;
    }
}
