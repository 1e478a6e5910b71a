package io.netmodel.cpu;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import java.util.BitSet;
import java.util.List;

/**
 * {@code /sys/devices/system/cpu}: the CPU masks of {@code drivers/base/cpu.c}
 * ({@code cpu_root_attrs}) and a {@code cpuN} directory per CPU with its link to its NUMA node
 * ({@code register_cpu_under_node}). What tools size themselves by: glibc's
 * {@code get_nprocs_conf} ({@code nproc --all}) reads {@code possible}, IRQ-affinity scripts read
 * {@code online}, libvirt reads {@code isolated}.
 *
 * <p>Every modelled CPU is possible, present and online and none is isolated, so {@code online},
 * {@code possible} and {@code present} print the same list ({@code "%*pbl"} over
 * {@code nr_cpu_ids} bits) and {@code offline} and {@code isolated} an empty line.
 * {@code kernel_max} is {@code NR_CPUS - 1} of the reference guest's kernel.
 *
 * <p>Not modelled: CPU hotplug (so no {@code cpuN/online}: its store takes the CPU down),
 * {@code topology/} and {@code cache/} (the model shows only primary SMT threads, see
 * {@link SmtControl}), {@code cpufreq}, {@code cpuidle}, {@code vulnerabilities},
 * {@code nohz_full} ({@code CONFIG_NO_HZ_FULL}), {@code uevent}, {@code modalias}.
 */
public final class CpuSysfs {
    /** {@code CONFIG_NR_CPUS} of the reference 6.18 guest ({@code kernel_max} reads 255 there). */
    public static final int NR_CPUS = 256;
    public static final String PATH = "/sys/devices/system/cpu";

    private CpuSysfs() {
    }

    /** Creates the files for {@code cpus} CPUs, each under node {@link NodeSysfs#NODE}. */
    public static void register(KTree tree, KernelProfile profile, int cpus) {
        BitSet all = new BitSet();
        all.set(0, cpus);
        String list = Bitmap.printList(all, cpus) + "\n";
        String none = Bitmap.printList(new BitSet(), cpus) + "\n";
        KDir root = tree.mkdirs(PATH);
        Attr.populate(root, null, List.of(
            Attr.ro("online", x -> list),
            Attr.ro("possible", x -> list),
            Attr.ro("present", x -> list),
            Attr.ro("offline", x -> none), // print_cpus_offline: none offline, none beyond nr_cpu_ids
            Attr.ro("kernel_max", x -> (NR_CPUS - 1) + "\n"),
            Attr.<Object>ro("isolated", x -> none).since(Behaviour.CPU_ISOLATED_ATTRIBUTE)),
            profile, KAttr.Flavor.SYSFS);
        for (int cpu = 0; cpu < cpus; cpu++) {
            root.dir("cpu" + cpu).link("node" + NodeSysfs.NODE, NodeSysfs.PATH + "/node" + NodeSysfs.NODE);
        }
    }
}
