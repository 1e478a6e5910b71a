package io.netmodel.irq;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.IrqHandler;
import io.netmodel.cpu.CpuHotplug;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.SeqFmt;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IRQ descriptors of one host and {@code /proc/interrupts}
 * ({@code kernel/irq/proc.c show_interrupts} + {@code arch/x86/kernel/irq.c
 * arch_show_interrupts}, layout in kernel-interfaces.md §4.1).
 */
public final class IrqTable {
    /** First dynamically allocated IRQ on x86 (after the IO-APIC legacy range). */
    private static final int FIRST_DYNAMIC_IRQ = 24;
    /** The x86 summary rows the reference 6.18 guest shows, in order. */
    private static final String[][] ARCH_ROWS = {
        {"NMI", "Non-maskable interrupts"}, {"LOC", "Local timer interrupts"},
        {"SPU", "Spurious interrupts"}, {"PMI", "Performance monitoring interrupts"},
        {"IWI", "IRQ work interrupts"}, {"RTR", "APIC ICR read retries"},
        {"RES", "Rescheduling interrupts"}, {"CAL", "Function call interrupts"},
        {"TLB", "TLB shootdowns"}, {"TRM", "Thermal event interrupts"},
        {"HYP", "Hypervisor callback interrupts"},
    };
    private static final String[][] ARCH_ROWS_AFTER_MIS = {
        {"PIN", "Posted-interrupt notification event"}, {"NPI", "Nested posted-interrupt event"},
        {"PIW", "Posted-interrupt wakeup event"},
    };
    /** The rows {@code arch_irq_stat_cpu} sums. */
    private static final String[] ARCH_STAT_CPU_ROWS = {
        "NMI", "LOC", "SPU", "PMI", "IWI", "RTR", "RES", "CAL", "TRM", "HYP",
    };

    /**
     * Device vectors each x86 CPU can hold: FIRST_EXTERNAL_VECTOR (0x20) up to
     * FIRST_SYSTEM_VECTOR (0xec).
     */
    static final int VECTORS_PER_CPU = 0xec - 0x20;

    private final int cpus;
    private final CpuHotplug hotplug;
    /** Counts as " %10u" and one space before the chip (6.13), not "%10u " and " %8s". */
    private final boolean putDecimal;
    private int vectorsInUse;
    private final Map<Integer, IrqDesc> descs = new TreeMap<>();
    /** IRQ numbers in use ({@code allocated_irqs}), for lowest-free allocation. */
    private final BitSet allocated = new BitSet();
    private final Map<String, long[]> archCounts = new TreeMap<>();
    private final ProcIrq procIrq;
    /** {@code irq_default_affinity}: every CPU at boot ({@code init_irq_default_affinity}). */
    private long defaultAffinity;
    private long errCount;
    private long misCount;

    /** A table for a host of {@code cpus} CPUs that stay online (for tests of the IRQ core alone). */
    public IrqTable(int cpus, KTree tree, KernelProfile profile) {
        this(new CpuHotplug(cpus, line -> { }), tree, profile);
    }

    /**
     * The IRQs of a host whose CPUs are {@code hotplug}'s: when one goes down, the vectors on it
     * move ({@code fixup_irqs}: {@link IrqDesc#migrateOff}) and {@code /proc/interrupts} loses its
     * column ({@code for_each_online_cpu}); its counts stay, and come back with it.
     */
    public IrqTable(CpuHotplug hotplug, KTree tree, KernelProfile profile) {
        this.cpus = hotplug.possible();
        this.hotplug = hotplug;
        this.putDecimal = profile.has(Behaviour.PROC_INTERRUPTS_PUT_DECIMAL);
        this.defaultAffinity = onlineMask();
        for (String[] row : ARCH_ROWS) {
            archCounts.put(row[0], new long[cpus]);
        }
        for (String[] row : ARCH_ROWS_AFTER_MIS) {
            archCounts.put(row[0], new long[cpus]);
        }
        tree.mkdirs("/proc").attr("interrupts", 0444, KAttr.Flavor.PROC, this::showInterrupts, null);
        this.procIrq = new ProcIrq(tree, this, profile);
        hotplug.register(new CpuHotplug.Callback() {
            @Override
            public void cpuDown(int cpu) {
                for (IrqDesc d : descs.values()) {
                    d.migrateOff(cpu);
                }
            }

            @Override
            public void cpuUp(int cpu) {
                // non-managed vectors stay where they went
            }
        });
    }

    /**
     * Reserves {@code n} interrupt vectors in the host's vector matrix; false (ENOSPC in the
     * kernel) when they would exceed {@link #VECTORS_PER_CPU} per CPU.
     */
    public boolean reserveVectors(int n) {
        if (vectorsInUse + n > VECTORS_PER_CPU * cpus) {
            return false;
        }
        vectorsInUse += n;
        return true;
    }

    public void releaseVectors(int n) {
        vectorsInUse -= n;
    }

    /**
     * {@code pci_alloc_irq_vectors}' domain allocation ({@code msi_domain_alloc_irqs}): a
     * descriptor per MSI-X vector, each the lowest free number, with no action yet. It has no
     * {@code /proc/irq/N/} and no {@code /proc/interrupts} row until its first {@code request_irq},
     * and it outlives {@code free_irq} (counts, affinity and all) until {@link #freeMsix}.
     */
    public IrqDesc[] allocMsix(String busAddress, int n) {
        IrqDesc[] out = new IrqDesc[n];
        for (int vector = 0; vector < n; vector++) {
            int number = allocated.nextClearBit(FIRST_DYNAMIC_IRQ);
            out[vector] = new IrqDesc(number, "PCI-MSIX-" + busAddress, vector, "edge", cpus, hotplug::onlineMask);
            allocated.set(number);
            descs.put(number, out[vector]);
        }
        return out;
    }

    /**
     * {@code pci_free_irq_vectors}: the descriptors are freed ({@code free_desc}, whose
     * {@code unregister_irq_proc} removes {@code /proc/irq/N/}) and their numbers can be given again.
     * Every action must have been freed.
     */
    public void freeMsix(IrqDesc[] vectors) {
        for (IrqDesc d : vectors) {
            if (!d.actions().isEmpty()) {
                throw new IllegalStateException("IRQ " + d.number() + " still has " + d.actions().get(0).name());
            }
            if (descs.remove(d.number(), d)) {
                allocated.clear(d.number());
                procIrq.unregister(d);
            }
        }
    }

    /**
     * {@code request_irq} on an allocated MSI-X vector ({@link #allocMsix}): the first request
     * sets the line up ({@code /proc/irq/N/} once, then the action's directory).
     */
    public IrqAction requestMsix(IrqDesc vector, String action, IrqHandler handler) {
        if (descs.get(vector.number()) != vector) {
            throw new IllegalStateException("IRQ " + vector.number() + " is not allocated");
        }
        if (!vector.actions().isEmpty()) {
            throw new IllegalStateException("IRQ " + vector.number() + " is already requested"); // MSI-X is never shared
        }
        IrqAction a = new IrqAction(vector, action, handler);
        vector.addAction(a);
        setup(vector);
        return a;
    }

    /**
     * {@code request_irq(..., IRQF_SHARED, ...)} on a legacy IO-APIC line (INTx): the first
     * request sets the line up, later ones share it.
     */
    public IrqAction requestLegacy(int gsi, String action, IrqHandler handler) {
        IrqDesc d = descs.get(gsi);
        boolean fresh = d == null;
        if (fresh) {
            d = new IrqDesc(gsi, "IO-APIC", gsi, "fasteoi", cpus, hotplug::onlineMask);
            allocated.set(gsi);
            descs.put(gsi, d);
        } else if (!d.chip().equals("IO-APIC")) {
            throw new IllegalStateException("IRQ " + gsi + " is not a legacy line");
        }
        IrqAction a = new IrqAction(d, action, handler);
        d.addAction(a);
        if (fresh) {
            setup(d);
        } else {
            procIrq.registerAction(d, a);
        }
        return a;
    }

    /**
     * {@code __setup_irq} for a line's first action: {@code irq_setup_affinity} keeps an affinity
     * set before ({@code IRQD_AFFINITY_SET}: by userspace or a driver's hint, and kept across
     * {@code free_irq}) when it has an online CPU, else gives the default affinity (its online
     * part, or every online CPU if none is); then {@code register_irq_proc} (once per descriptor)
     * and {@code register_handler_proc} create {@code /proc/irq/N/} and the action's directory.
     */
    private void setup(IrqDesc d) {
        long set = defaultAffinity;
        if (d.affinitySet()) {
            if ((d.affinityMask() & onlineMask()) != 0) {
                set = d.affinityMask();
            } else {
                d.clearAffinitySet();
            }
        }
        long mask = set & onlineMask();
        d.setAffinityMask(mask != 0 ? mask : onlineMask());
        procIrq.register(d);
    }

    /**
     * {@code free_irq}: the action goes with its {@code /proc/irq/N/<name>} directory. A legacy
     * line's descriptor goes with its last action (its row, {@code /proc/irq/N} and number); an
     * MSI-X vector's stays until {@link #freeMsix}, so its counts and affinity survive an
     * {@code ip link set down} that frees the IRQs of a driver keeping its vectors (ixgbe, igb).
     */
    public void free(IrqAction action) {
        IrqDesc desc = action.desc();
        if (!desc.removeAction(action)) {
            return;
        }
        boolean msix = desc.chip().startsWith("PCI-MSIX-");
        if (desc.actions().isEmpty() && !msix) {
            if (descs.remove(desc.number(), desc)) {
                allocated.clear(desc.number());
                procIrq.unregister(desc);
            }
        } else {
            procIrq.unregisterAction(desc, action);
        }
    }

    /** {@code irq_default_affinity}, one bit per CPU. */
    public long defaultAffinity() {
        return defaultAffinity;
    }

    /** Sets {@code irq_default_affinity}; IRQs already requested keep theirs. */
    public void setDefaultAffinity(long mask) {
        this.defaultAffinity = mask;
    }

    /** {@code cpu_online_mask}. */
    public long onlineMask() {
        return hotplug.onlineMask();
    }

    public IrqDesc get(int number) {
        return descs.get(number);
    }

    public int cpus() {
        return cpus;
    }

    /** A per-CPU x86 counter row (LOC, RES, CAL, ...). */
    public void countArch(String mnemonic, int cpu) {
        archCounts.get(mnemonic)[cpu]++;
    }

    /** Allocated descriptors in IRQ order, read-only (for {@code /proc/stat}'s {@code intr} line). */
    public Collection<IrqDesc> descriptors() {
        return Collections.unmodifiableCollection(descs.values());
    }

    /**
     * {@code arch_irq_stat_cpu} (arch/x86/kernel/irq.c): the summary counters of {@code cpu}
     * that {@code /proc/stat} adds to {@code intr}. TLB and the KVM rows (PIN, NPI, PIW) are not
     * part of it.
     */
    public long archIrqStatCpu(int cpu) {
        long sum = 0;
        for (String row : ARCH_STAT_CPU_ROWS) {
            sum += archCounts.get(row)[cpu];
        }
        return sum;
    }

    /** {@code arch_irq_stat}: ERR ({@code irq_err_count}). */
    public long archIrqStat() {
        return errCount;
    }


    /** {@code prec}: 3, one more per power of ten up to {@code nr_irqs}, at most 10. */
    private int prec() {
        int nrIrqs = descs.isEmpty() ? 0 : ((TreeMap<Integer, IrqDesc>) descs).lastKey() + 1;
        int prec = 3;
        for (long j = 1000; prec < 10 && j <= nrIrqs; j *= 10) {
            prec++;
        }
        return prec;
    }

    String showInterrupts() {
        int prec = prec();
        StringBuilder sb = new StringBuilder(256 + (descs.size() + ARCH_ROWS.length + 4) * (40 + 11 * cpus));
        sb.append(" ".repeat(prec + 8));
        long online = hotplug.onlineMask();
        for (int cpu = 0; cpu < cpus; cpu++) {
            if ((online & (1L << cpu)) == 0) {
                continue;                                                        // for_each_online_cpu
            }
            SeqFmt.left(sb.append("CPU"), Integer.toString(cpu), 8);             // "CPU%-8d"
        }
        sb.append('\n');
        for (IrqDesc d : descs.values()) {
            List<IrqAction> actions = d.actions();
            if (actions.isEmpty() && !d.anyCount()) {
                continue;                                                        // no action, no count: outsparse
            }
            SeqFmt.right(sb, d.number(), prec).append(':');                      // "%*d:"
            for (int cpu = 0; cpu < cpus; cpu++) {
                if ((online & (1L << cpu)) == 0) {
                    continue;
                }
                SeqFmt.right(sb.append(' '), d.count(cpu), 10);                  // " %10u"
            }
            if (!putDecimal) {
                sb.append(' ');                                                  // "%10u " then " %8s"
            }
            SeqFmt.right(sb.append(' '), d.chip(), 8);                           // ' ', "%8s"
            SeqFmt.right(sb.append(' '), d.hwirq(), prec);                       // " %*lu"
            SeqFmt.left(sb.append('-'), d.flow(), 8);                            // "-%-8s"
            for (int i = 0; i < actions.size(); i++) {
                sb.append(i == 0 ? "  " : ", ").append(actions.get(i).name());  // "  %s", ", %s"
            }
            sb.append('\n');
        }
        for (String[] row : ARCH_ROWS) {
            archRow(sb, prec, row);
        }
        SeqFmt.right(SeqFmt.right(sb, "ERR", prec).append(": "), errCount, 10).append('\n');
        SeqFmt.right(SeqFmt.right(sb, "MIS", prec).append(": "), misCount, 10).append('\n');
        for (String[] row : ARCH_ROWS_AFTER_MIS) {
            archRow(sb, prec, row);
        }
        return sb.toString();
    }

    /** {@code "%*s: "}, then {@code "%10u "} per CPU, then the row's description. */
    private void archRow(StringBuilder sb, int prec, String[] row) {
        SeqFmt.right(sb, row[0], prec).append(": ");
        long[] counts = archCounts.get(row[0]);
        long online = hotplug.onlineMask();
        for (int cpu = 0; cpu < cpus; cpu++) {
            if ((online & (1L << cpu)) == 0) {
                continue;
            }
            SeqFmt.right(sb, counts[cpu], 10).append(' ');
        }
        sb.append("  ").append(row[1]).append('\n');
    }
}
