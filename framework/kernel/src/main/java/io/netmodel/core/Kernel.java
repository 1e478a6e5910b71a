package io.netmodel.core;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.bus.DriverCore;
import io.netmodel.bus.PciBus;
import io.netmodel.cpu.Cpus;
import io.netmodel.cpu.ProcSoftirqs;
import io.netmodel.cpu.ProcStat;
import io.netmodel.cpu.SmtControl;
import io.netmodel.cpu.SysctlKernel;
import io.netmodel.irq.IrqTable;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.TreeFs;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetProcfs;
import io.netmodel.net.NetdevRegistry;
import io.netmodel.net.SoftnetData;
import io.netmodel.net.SysctlNetCore;
import io.netmodel.net.SysctlNetCoreMore;
import io.netmodel.workqueue.Workqueues;
import java.util.List;

/**
 * One modelled host: its kernel release, hardware, subsystems and file tree, wired together.
 * Plain Java (no OSGi), so tests can build one directly; {@link KernelComponent} publishes it
 * in the framework.
 */
public final class Kernel {
    private final KernelProfile profile;
    private final ModelLock lock = new ModelLock();
    private final KTree tree = new KTree();
    private final long bootNanos = System.nanoTime();
    private final Dmesg dmesg = new Dmesg(System::nanoTime);
    private final Tracepoints trace = new Tracepoints(() -> System.nanoTime() - bootNanos);
    private final io.netmodel.sched.TaskTable tasks;
    private final NetdevRegistry netdevs;
    private final IrqTable irqs;
    private final PciBus bus;
    private final SysctlNetCore sysctls;
    private final SysctlNetCoreMore sysctlsMore;
    private final DriverCore drivers;
    private final ModuleTable modules;
    private final Cpus cpus;
    private final io.netmodel.cpu.CpuHotplug hotplug;
    private final List<SoftnetData> softnet;
    private final io.netmodel.net.SnmpMib snmp = new io.netmodel.net.SnmpMib();
    private final io.netmodel.net.LinuxMib netStatistics = new io.netmodel.net.LinuxMib();
    private final SysctlKernel sysctlKernel;
    private final SmtControl smt;
    private final Workqueues workqueues;
    private final TreeFs fs;
    private final io.netmodel.net.EthtoolCore ethtool;
    private final io.netmodel.api.sched.TaskService taskService;
    private final io.netmodel.api.netlink.NetdevFamily netdevFamily;
    private final io.netmodel.net.RtnlImpl rtnl;

    public Kernel(KernelProfile profile, HostSpec host) {
        this.profile = profile;
        this.hotplug = new io.netmodel.cpu.CpuHotplug(host.cpus(), dmesg::printk);
        this.tasks = new io.netmodel.sched.TaskTable(hotplug, dmesg::printk);
        this.netdevs = new NetdevRegistry(tree, profile, host.cpus(), trace, tasks);
        this.irqs = new IrqTable(hotplug, tree, profile);
        this.bus = new PciBus(tree, profile, hotplug, dmesg::printk);
        this.sysctls = new SysctlNetCore(tree, profile);
        this.sysctlsMore = new SysctlNetCoreMore(tree, profile, host.cpus());
        netdevs.setDefaultQdisc(sysctlsMore::defaultQdisc);
        netdevs.setRpsDefaultMask(sysctlsMore::rpsDefaultMask);
        this.drivers = new DriverCore(bus, profile, netdevs, irqs, dmesg, trace, sysctlsMore::netdevRssKeyFill, hotplug);
        this.modules = new ModuleTable(lock, profile, drivers, dmesg, new ModuleSysfs(tree));
        this.cpus = new Cpus(hotplug, System.currentTimeMillis() / 1000);
        this.softnet = SoftnetData.perCpu(host.cpus());
        new NetProcfs(tree, profile, netdevs, softnet, hotplug::online);
        new io.netmodel.net.ProcNetSnmp(tree, profile, snmp);
        new io.netmodel.net.ProcNetNetstat(tree, profile, netStatistics, snmp);
        new ProcModules(tree, modules);
        new ProcSoftirqs(tree, profile, cpus);
        new ProcStat(tree, cpus, irqs);
        this.sysctlKernel = new SysctlKernel(tree, profile, host.cpus(), dmesg::printk);
        io.netmodel.cpu.CpuSysfs.register(tree, profile, hotplug);
        io.netmodel.cpu.NodeSysfs.register(tree, profile, hotplug);
        this.smt = new SmtControl(tree, host.smt());
        this.workqueues = new Workqueues(tree, profile, host.cpus());
        this.fs = new TreeFs(tree, lock);
        this.ethtool = new io.netmodel.net.EthtoolCore(lock, netdevs, profile.version() + ".0-netmodel");
        this.taskService = new io.netmodel.sched.TaskServiceImpl(lock, tasks, this::napiThreads);
        this.netdevFamily = new io.netmodel.netlink.NetdevFamilyImpl(lock, profile, netdevs);
        this.rtnl = new io.netmodel.net.RtnlImpl(netdevs, lock);
        dmesg.printk("Linux version " + profile.version() + ".0-netmodel (netmodel) #1 SMP"
            + (profile.has(io.netmodel.api.kernel.Behaviour.PREEMPT_DYNAMIC) ? " PREEMPT_DYNAMIC" : ""));
        netdevs.setLog(dmesg::printk);
        NetDeviceImpl lo = NetDeviceImpl.loopback();
        netdevs.register(lo);
        netdevs.devOpen(lo); // lo has no ndo_open: it cannot fail
        for (HostSpec.Nic nic : host.nics()) {
            bus.plug(nic.model(), nic.queuePairs());
        }
    }

    /** The driver core: what is bound, and how to get a NIC netdev when none is ({@link DriverCore#howToGetANetdev}). */
    public DriverCore drivers() {
        return drivers;
    }

    /** {@code cpu_online_mask} and CPU hotplug ({@code cpuN/online}). */
    public io.netmodel.cpu.CpuHotplug hotplug() {
        return hotplug;
    }

    /** The tasks and the scheduler calls on them ({@code ps}, {@code chrt}, {@code taskset}). */
    public io.netmodel.api.sched.TaskService taskService() {
        return taskService;
    }

    /** The {@code netdev} generic netlink family ({@code ynl --family netdev}). */
    public io.netmodel.api.netlink.NetdevFamily netdevFamily() {
        return netdevFamily;
    }

    /** Every NAPI with its threaded mode and kthread; the caller holds the lock. */
    private List<io.netmodel.api.sched.NapiThread> napiThreads() {
        List<io.netmodel.api.sched.NapiThread> out = new java.util.ArrayList<>();
        for (NetDeviceImpl d : netdevs.devices()) {
            List<io.netmodel.net.NapiImpl> napis = new java.util.ArrayList<>(d.napis());
            napis.sort(java.util.Comparator.comparingInt(io.netmodel.net.NapiImpl::napiId));
            for (io.netmodel.net.NapiImpl n : napis) {
                out.add(new io.netmodel.api.sched.NapiThread(n.napiId(), d.ifindex(), d.name(), n.threaded(),
                    n.thread() == null ? null : n.thread().info()));
            }
        }
        return out;
    }

    /** The probe points ({@code netmodel trace}). */
    public Tracepoints trace() {
        return trace;
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

    /** The ethtool core ({@code netmodel ethtool}). */
    public io.netmodel.net.EthtoolCore ethtool() {
        return ethtool;
    }

    /** {@code printk}: a line in the kernel log ({@code dmesg}). */
    public void printk(String line) {
        dmesg.printk(line);
    }

    public ModuleTable modules() {
        return modules;
    }

    /** The pid space: kthreadd, per-CPU threads, NAPI kthreads. */
    public io.netmodel.sched.TaskTable tasks() {
        return tasks;
    }

    public NetdevRegistry netdevs() {
        return netdevs;
    }

    public IrqTable irqs() {
        return irqs;
    }

    /** The string and CPU-mask rows of {@code /proc/sys/net/core}. */
    public SysctlNetCoreMore sysctlsMore() {
        return sysctlsMore;
    }

    public SysctlNetCore sysctls() {
        return sysctls;
    }

    /** Per-CPU accounting ({@code /proc/stat}, {@code /proc/softirqs}). */
    public Cpus cpus() {
        return cpus;
    }

    /** {@code net->mib}: the SNMP counters of {@code /proc/net/snmp}. */
    public io.netmodel.net.SnmpMib snmp() {
        return snmp;
    }

    /** {@code net->mib.net_statistics}: the TcpExt counters of {@code /proc/net/netstat}. */
    public io.netmodel.net.LinuxMib netStatistics() {
        return netStatistics;
    }

    /** {@code per_cpu(softnet_data, cpu)} ({@code /proc/net/softnet_stat}). */
    public SoftnetData softnet(int cpu) {
        return softnet.get(cpu);
    }

    /** {@code /proc/sys/kernel}: timer_migration, sched_rt_period_us, sched_rt_runtime_us. */
    public SysctlKernel sysctlKernel() {
        return sysctlKernel;
    }

    /** rtnetlink link operations ({@code ip link}). */
    public io.netmodel.api.rtnl.Rtnl rtnl() {
        return rtnl;
    }

    /** {@code /sys/devices/system/cpu/smt}. */
    public SmtControl smt() {
        return smt;
    }

    /** {@code /sys/devices/virtual/workqueue}. */
    public Workqueues workqueues() {
        return workqueues;
    }

    public KTree tree() {
        return tree;
    }
}
