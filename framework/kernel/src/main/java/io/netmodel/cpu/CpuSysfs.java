package io.netmodel.cpu;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import io.netmodel.api.vfs.VfsException;
import java.util.BitSet;
import java.util.List;

/**
 * {@code /sys/devices/system/cpu}: the CPU masks of {@code drivers/base/cpu.c}
 * ({@code cpu_root_attrs}) and a {@code cpuN} directory per CPU with its link to its NUMA node
 * ({@code register_cpu_under_node}), on the {@code cpu} bus ({@code /sys/bus/cpu/devices/cpuN}
 * and the {@code subsystem} link). What tools size themselves by: glibc's
 * {@code get_nprocs_conf} ({@code nproc --all}) reads {@code possible}, IRQ-affinity scripts read
 * {@code online}, libvirt reads {@code isolated}.
 *
 * <p>Every modelled CPU is possible and present, and online until a write of 0 to its
 * {@code online} file takes it down ({@link CpuHotplug}; CPU 0 has no such file, as on x86); none
 * is isolated. The masks print {@code "%*pbl"} over {@code nr_cpu_ids} bits: {@code offline} and
 * {@code isolated} are an empty line while every CPU is online.
 * {@code kernel_max} is {@code NR_CPUS - 1} of the reference guest's kernel.
 *
 * <p>{@code cpuN/topology/} ({@code drivers/base/topology.c}) describes the modelled CPUs as the
 * reference guest's vCPUs are: one package and die, each CPU a core of its own, no thread
 * siblings among the modelled CPUs (a host whose SMT is on has siblings the model does not show,
 * {@link SmtControl}: they are neither online nor in these masks), and {@code cluster_id} 65535
 * (x86's {@code BAD_APICID} L2 id of a VM). So {@code lscpu} counts 1 thread per core, N cores,
 * 1 socket.
 *
 * <p>Not modelled: {@code cache/}, {@code cpufreq}, {@code cpuidle}, {@code vulnerabilities}, {@code nohz_full}
 * ({@code CONFIG_NO_HZ_FULL}), {@code topology/ppin} (invisible without a PPIN, as in a VM),
 * {@code uevent}, {@code modalias}.
 */
public final class CpuSysfs {
    /** {@code CONFIG_NR_CPUS} of the reference 6.18 guest ({@code kernel_max} reads 255 there). */
    public static final int NR_CPUS = 256;
    public static final String PATH = "/sys/devices/system/cpu";

    private CpuSysfs() {
    }

    /**
     * Creates the files for the CPUs of {@code hotplug}, each under node {@link NodeSysfs#NODE},
     * and keeps them as CPUs go down and up: {@code online} and {@code offline} follow the mask,
     * an offline CPU's {@code topology/} is gone ({@code topology_remove_dev}, a hotplug state)
     * and the other CPUs' package, die and core-sibling masks lose it.
     */
    public static void register(KTree tree, KernelProfile profile, CpuHotplug hotplug) {
        int cpus = hotplug.possible();
        String possible = Bitmap.printList(hotplug.possibleSet(), cpus) + "\n";
        String none = Bitmap.printList(new BitSet(), cpus) + "\n";
        KDir root = tree.mkdirs(PATH);
        Attr.populate(root, null, List.of(
            Attr.ro("online", x -> Bitmap.printList(hotplug.onlineSet(), cpus) + "\n"),
            Attr.ro("possible", x -> possible),
            Attr.ro("present", x -> possible),
            Attr.ro("offline", x -> offline(hotplug)), // print_cpus_offline: none beyond nr_cpu_ids
            Attr.ro("kernel_max", x -> (NR_CPUS - 1) + "\n"),
            Attr.<Object>ro("isolated", x -> none).since(Behaviour.CPU_ISOLATED_ATTRIBUTE)),
            profile, KAttr.Flavor.SYSFS);
        for (int cpu = 0; cpu < cpus; cpu++) {
            KDir dir = root.dir("cpu" + cpu);
            dir.link("node" + NodeSysfs.NODE, NodeSysfs.PATH + "/node" + NodeSysfs.NODE);
            dir.link("subsystem", "/sys/bus/cpu"); // cpu_subsys: /sys/bus/cpu/devices/cpuN links back
            tree.mkdirs("/sys/bus/cpu/devices").link("cpu" + cpu, dir.path());
            if (CpuHotplug.hotpluggable(cpu)) {
                int n = cpu;
                Attr.populate(dir, null, List.of(Attr.rw("online",
                    x -> (hotplug.online(n) ? 1 : 0) + "\n",
                    (x, data, caller) -> storeOnline(hotplug, n, data))), profile, KAttr.Flavor.SYSFS);
            }
            addTopology(dir, cpu, hotplug, profile);
        }
        hotplug.register(new CpuHotplug.Callback() {
            @Override
            public void cpuDown(int cpu) {
                root.dir("cpu" + cpu).remove("topology");
            }

            @Override
            public void cpuUp(int cpu) {
                addTopology(root.dir("cpu" + cpu), cpu, hotplug, profile);
            }
        });
    }

    /** {@code online_store}: {@code kstrtobool} (EINVAL), then down or up (EBUSY for the last CPU); the byte count. */
    private static int storeOnline(CpuHotplug hotplug, int cpu, byte[] data) throws VfsException {
        if (Kstrtox.kstrtobool(data)) {
            hotplug.up(cpu);
        } else {
            hotplug.down(cpu);
        }
        return data.length;
    }

    private static String offline(CpuHotplug hotplug) {
        return Bitmap.printList(Bitmap.ofLong(hotplug.offlineMask()), hotplug.possible()) + "\n";
    }

    private static void addTopology(KDir cpuDir, int cpu, CpuHotplug hotplug, KernelProfile profile) {
        BitSet self = new BitSet();
        self.set(cpu);
        Attr.populate(cpuDir.dir("topology"), null, topology(cpu, self, hotplug), profile, KAttr.Flavor.SYSFS);
    }

    /** {@code topology_attrs}: ids and the masks of the CPUs sharing each level with {@code cpu}. */
    private static List<Attr<Object>> topology(int cpu, BitSet self, CpuHotplug hotplug) {
        int cpus = hotplug.possible();
        String selfMap = Bitmap.print(self, cpus) + "\n";
        String selfList = Bitmap.printList(self, cpus) + "\n";
        Attr.Show<Object> allMap = x -> Bitmap.print(hotplug.onlineSet(), cpus) + "\n"; // cpu_core_mask: online siblings
        Attr.Show<Object> allList = x -> Bitmap.printList(hotplug.onlineSet(), cpus) + "\n";
        return List.of(
            Attr.ro("physical_package_id", x -> "0\n"),
            Attr.ro("core_id", x -> cpu + "\n"),
            Attr.ro("thread_siblings", x -> selfMap),
            Attr.ro("thread_siblings_list", x -> selfList),
            Attr.ro("core_siblings", allMap),
            Attr.ro("core_siblings_list", allList),
            Attr.<Object>ro("die_id", x -> "0\n").since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("core_cpus", x -> selfMap).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("core_cpus_list", x -> selfList).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("die_cpus", allMap).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("die_cpus_list", allList).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("package_cpus", allMap).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("package_cpus_list", allList).since(Behaviour.CPU_TOPOLOGY_DIE),
            Attr.<Object>ro("cluster_id", x -> "65535\n").since(Behaviour.CPU_TOPOLOGY_CLUSTER),
            Attr.<Object>ro("cluster_cpus", x -> selfMap).since(Behaviour.CPU_TOPOLOGY_CLUSTER),
            Attr.<Object>ro("cluster_cpus_list", x -> selfList).since(Behaviour.CPU_TOPOLOGY_CLUSTER));
    }
}
