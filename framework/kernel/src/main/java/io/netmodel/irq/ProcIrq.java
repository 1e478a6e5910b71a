package io.netmodel.irq;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import java.util.BitSet;
import java.util.List;

/**
 * {@code /proc/irq/}: {@code kernel/irq/proc.c} (kernel-interfaces.md §4.2). {@code /proc/irq/N/}
 * appears when a handler is first registered ({@code register_irq_proc}, {@code register_handler_proc})
 * and vanishes when the descriptor is freed ({@code free_desc}: a legacy line's last
 * {@code free_irq}, an MSI-X vector's {@code pci_free_irq_vectors}); {@code free_irq} removes the
 * action's directory; {@code default_smp_affinity} is always there. Masks are
 * {@code nr_cpu_ids} wide. Every modelled IRQ is a device MSI-X or IO-APIC line whose affinity
 * userspace may set, so {@code smp_affinity} is 0644 and the EPERM path of
 * {@code write_irq_affinity} (managed or per-CPU IRQs) never applies.
 */
final class ProcIrq {
    private static final String ROOT = "/proc/irq";
    /** {@code irq_desc_get_node}: no NUMA node is modelled. */
    private static final int NUMA_NO_NODE = -1;
    /** {@code register_handler_proc}: the action name goes through a 128-byte buffer. */
    private static final int MAX_NAMELEN = 128;

    private final KTree tree;
    private final IrqTable irqs;
    private final KernelProfile profile;
    private final List<Attr<IrqDesc>> table;

    ProcIrq(KTree tree, IrqTable irqs, KernelProfile profile) {
        this.tree = tree;
        this.irqs = irqs;
        this.profile = profile;
        this.table = List.of(
            Attr.rw("smp_affinity", d -> Bitmap.print(affinity(d), nrCpuIds()) + "\n",
                (d, data, caller) -> writeIrqAffinity(d, data, false)),
            Attr.ro("affinity_hint", d -> Bitmap.print(Bitmap.ofLong(d.affinityHint()), nrCpuIds()) + "\n"),
            Attr.rw("smp_affinity_list", d -> Bitmap.printList(affinity(d), nrCpuIds()) + "\n",
                (d, data, caller) -> writeIrqAffinity(d, data, true)),
            Attr.ro("node", d -> NUMA_NO_NODE + "\n"),
            Attr.<IrqDesc>ro("effective_affinity", d -> Bitmap.print(effective(d), nrCpuIds()) + "\n")
                .since(Behaviour.IRQ_EFFECTIVE_AFFINITY),
            Attr.<IrqDesc>ro("effective_affinity_list", d -> Bitmap.printList(effective(d), nrCpuIds()) + "\n")
                .since(Behaviour.IRQ_EFFECTIVE_AFFINITY),
            Attr.ro("spurious", d -> "count " + d.irqCount() + "\nunhandled 0\nlast_unhandled 0 ms\n"));
        tree.mkdirs(ROOT).attr("default_smp_affinity", 0644, KAttr.Flavor.PROC,
            () -> Bitmap.print(Bitmap.ofLong(irqs.defaultAffinity()), nrCpuIds()) + "\n", this::writeDefaultAffinity);
    }

    /**
     * {@code register_irq_proc} then {@code register_handler_proc}: the files (once per
     * descriptor: an MSI-X vector requested again after {@code free_irq} still has them), then
     * the action's directory.
     */
    void register(IrqDesc desc) {
        KDir dir = tree.mkdirs(ROOT + "/" + desc.number());
        if (dir.child("smp_affinity") == null) {
            Attr.populate(dir, desc, table, profile, KAttr.Flavor.PROC);
        }
        registerAction(desc, desc.actions().get(0));
    }

    /** {@code register_handler_proc}: the action's directory, if procfs can hold its name. */
    void registerAction(IrqDesc desc, IrqAction action) {
        KDir dir = tree.mkdirs(ROOT + "/" + desc.number());
        String name = actionDirName(action);
        // proc_mkdir fails (and the handler simply has no directory) for names procfs cannot hold
        if (name != null && !name.isEmpty() && name.indexOf('/') < 0 && !name.equals(".")
            && !name.equals("..") && dir.child(name) == null) {
            dir.dir(name, 0555);
        }
    }

    /** {@code unregister_handler_proc}: the action's directory goes (a later sharer may reuse it). */
    void unregisterAction(IrqDesc desc, IrqAction action) {
        String name = actionDirName(action);
        if (name != null && desc.actions().stream().noneMatch(a -> name.equals(actionDirName(a)))) {
            tree.mkdirs(ROOT + "/" + desc.number()).remove(name);
        }
    }

    private static String actionDirName(IrqAction action) {
        String name = action.name();
        if (name != null && name.length() >= MAX_NAMELEN) {
            name = name.substring(0, MAX_NAMELEN - 1);
        }
        return name;
    }

    /** {@code unregister_handler_proc} + {@code unregister_irq_proc}. */
    void unregister(IrqDesc desc) {
        tree.mkdirs(ROOT).remove(Integer.toString(desc.number()));
    }

    /**
     * {@code write_irq_affinity}: {@code cpumask_parse_user} or {@code cpumask_parselist_user}
     * (EINVAL, EOVERFLOW, ERANGE), then a mask with no online CPU, the empty one included, is
     * EINVAL ({@code irq_select_affinity_usr} on x86); otherwise {@code irq_set_affinity} and the
     * full count.
     */
    private int writeIrqAffinity(IrqDesc desc, byte[] data, boolean list) throws VfsException {
        BitSet mask = list ? Bitmap.parselist(data, nrCpuIds()) : Bitmap.parse(data, nrCpuIds());
        long value = Bitmap.toLong(mask) & irqs.onlineMask();
        if (value == 0) {
            throw new VfsException(Errno.EINVAL);
        }
        desc.setAffinity(Bitmap.toLong(mask));
        return data.length;
    }

    /** {@code default_affinity_write}: parse, at least one online CPU (EINVAL), copy. */
    private int writeDefaultAffinity(byte[] data, Caller caller) throws VfsException {
        long mask = Bitmap.toLong(Bitmap.parse(data, nrCpuIds()));
        if ((mask & irqs.onlineMask()) == 0) {
            throw new VfsException(Errno.EINVAL);
        }
        irqs.setDefaultAffinity(mask);
        return data.length;
    }

    private int nrCpuIds() {
        return irqs.cpus();
    }

    private static BitSet affinity(IrqDesc desc) {
        return Bitmap.ofLong(desc.affinityMask());
    }

    private static BitSet effective(IrqDesc desc) {
        BitSet one = new BitSet();
        one.set(desc.effectiveCpu());
        return one;
    }
}
