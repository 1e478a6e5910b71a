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
 * {@code /sys/devices/system/node} ({@code drivers/base/node.c}) of a host with
 * {@code CONFIG_NUMA} and one memory node, node 0, holding every CPU, as on a single-socket
 * server or a VM without a NUMA topology: the node state masks ({@code possible}, {@code online},
 * {@code has_cpu}, {@code has_memory}, {@code has_normal_memory}, {@code "%*pbl"} of a nodemask)
 * and {@code node0/} with {@code cpumap} ({@code "%*pb"}), {@code cpulist} ({@code "%*pbl"}),
 * {@code distance} ({@code node_read_distance}: the local distance, 10) and a link to each of its
 * CPUs, on the {@code node} bus ({@code /sys/bus/node/devices/node0}, {@code subsystem}).
 * IRQ-affinity scripts read {@code node*}{@code /cpulist} for their {@code local} and
 * {@code remote} choices.
 *
 * <p>Not modelled: memory ({@code meminfo}, {@code numastat}, {@code vmstat}, {@code memoryN}
 * links, {@code hugepages/}, {@code compact}), {@code has_high_memory} (32-bit
 * {@code CONFIG_HIGHMEM} only), {@code uevent}, {@code power/}.
 */
public final class NodeSysfs {
    /** The host's only node. */
    public static final int NODE = 0;
    /** {@code NUMA_NO_NODE}: what {@code dev_to_node} gives a device without firmware proximity data. */
    public static final int NUMA_NO_NODE = -1;
    public static final String PATH = "/sys/devices/system/node";

    private NodeSysfs() {
    }

    /** {@code node_online(node)}. */
    public static boolean online(int node) {
        return node == NODE;
    }

    /**
     * Creates the files for the CPUs of {@code hotplug}. {@code cpumap} and {@code cpulist} show
     * the node's online CPUs (x86 {@code numa_remove_cpu} takes a CPU going down out of
     * {@code node_to_cpumask_map}); the {@code cpuN} links stay ({@code unregister_cpu_under_node}
     * is for CPUs that are removed, not offlined).
     */
    public static void register(KTree tree, KernelProfile profile, CpuHotplug hotplug) {
        int cpus = hotplug.possible();
        BitSet node = new BitSet();
        node.set(NODE);
        String nodes = Bitmap.printList(node, NODE + 1) + "\n";
        KDir root = tree.mkdirs(PATH);
        Attr.populate(root, null, List.of(
            Attr.ro("possible", x -> nodes),
            Attr.ro("online", x -> nodes),
            Attr.ro("has_normal_memory", x -> nodes),
            Attr.ro("has_memory", x -> nodes),
            Attr.ro("has_cpu", x -> nodes),
            Attr.<Object>ro("has_generic_initiator", x -> "\n").since(Behaviour.NODE_HAS_GENERIC_INITIATOR)),
            profile, KAttr.Flavor.SYSFS);
        KDir dir = root.dir("node" + NODE);
        dir.link("subsystem", "/sys/bus/node"); // node_subsys, and /sys/bus/node/devices/node0 back
        tree.mkdirs("/sys/bus/node/devices").link("node" + NODE, dir.path());
        Attr.populate(dir, null, List.of(
            Attr.ro("cpumap", x -> Bitmap.print(hotplug.onlineSet(), cpus) + "\n"),
            Attr.ro("cpulist", x -> Bitmap.printList(hotplug.onlineSet(), cpus) + "\n"),
            Attr.ro("distance", x -> "10\n")),
            profile, KAttr.Flavor.SYSFS);
        for (int cpu = 0; cpu < cpus; cpu++) {
            dir.link("cpu" + cpu, CpuSysfs.PATH + "/cpu" + cpu);
        }
    }
}
