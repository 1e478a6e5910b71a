package io.netmodel.cpu;

import io.netmodel.irq.IrqDesc;
import io.netmodel.irq.IrqTable;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;

/**
 * {@code /proc/stat} ({@code fs/proc/stat.c show_stat}), limited to what the model owns: the
 * {@code cpu}/{@code cpuN} time lines, {@code intr}, {@code ctxt}, {@code btime},
 * {@code processes}, {@code procs_running}, {@code procs_blocked} and {@code softirq}. A real
 * host prints exactly these lines (page cache and swap lines left /proc/stat in 2.6), so the
 * file is complete. 0444, size 0, one seq_file show per open.
 */
public final class ProcStat {
    /** {@code USER_HZ}: /proc/stat times are in 1/100 s whatever CONFIG_HZ is. */
    static final long USER_HZ = 100;
    /** x86 {@code gsi_top} of one 24-pin IO-APIC, as on a QEMU/KVM guest. */
    private static final int GSI_TOP = 24;
    /** {@code NR_IRQS_LEGACY}. */
    private static final int NR_IRQS_LEGACY = 16;
    /** {@code NR_VECTORS}. */
    private static final int NR_VECTORS = 256;
    /** {@code show_irq_gap}'s run of zeros. */
    private static final String ZEROS = " 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0";

    private final Cpus cpus;
    private final IrqTable irqs;

    public ProcStat(KTree tree, Cpus cpus, IrqTable irqs) {
        this.cpus = cpus;
        this.irqs = irqs;
        tree.mkdirs("/proc").attr("stat", 0444, KAttr.Flavor.PROC, this::show, null);
    }

    /**
     * {@code show_stat}: the {@code cpu} line sums every possible CPU, the {@code cpuN} lines
     * follow for each online CPU ({@code "cpu  "} then {@code " %llu"} ten times, in USER_HZ
     * ticks); {@code intr} is the total of every CPU's {@code irqs_sum} and x86 summary counters
     * plus ERR, then one count per IRQ number from 0 to {@code nr_irqs - 1}; then
     * {@code ctxt}, {@code btime}, {@code processes}, {@code procs_running},
     * {@code procs_blocked}, and {@code softirq} with the total and one u32 sum per vector.
     *
     * <p>The {@code intr} total sums the counts of the descriptors that exist now; the kernel's
     * per-CPU {@code irqs_sum} also keeps the counts of IRQs freed since (a driver unloaded).
     */
    String show() {
        StringBuilder sb = new StringBuilder(4096);
        long[] total = new long[CpuTime.values().length];
        long intr = 0;
        long softirqTotal = 0;
        int[] perSoftirq = new int[Softirq.values().length];
        for (CpuStat c : cpus.all()) {
            for (int t = 0; t < total.length; t++) {
                total[t] += c.cpustat[t];
            }
            intr += irqs.archIrqStatCpu(c.cpu);
            for (int v = 0; v < perSoftirq.length; v++) {
                perSoftirq[v] += c.softirqs[v];
                softirqTotal += Integer.toUnsignedLong(c.softirqs[v]);
            }
        }
        for (IrqDesc d : irqs.descriptors()) {
            for (int cpu = 0; cpu < cpus.count(); cpu++) {
                intr += d.count(cpu);
            }
        }
        intr += irqs.archIrqStat();

        times(sb.append("cpu "), total);
        for (CpuStat c : cpus.all()) {
            if (cpus.online(c.cpu)) { // for_each_online_cpu
                times(sb.append("cpu").append(c.cpu), c.cpustat);
            }
        }
        sb.append("intr ").append(Long.toUnsignedString(intr));
        showAllIrqs(sb);
        sb.append("\nctxt ").append(Long.toUnsignedString(cpus.nrContextSwitches()))
            .append("\nbtime ").append(cpus.btime())
            .append("\nprocesses ").append(Long.toUnsignedString(cpus.totalForks))
            .append("\nprocs_running ").append(Integer.toUnsignedString(cpus.nrRunning()))
            .append("\nprocs_blocked ").append(Integer.toUnsignedString(cpus.nrIowait()))
            .append('\n');
        sb.append("softirq ").append(softirqTotal);
        for (int sum : perSoftirq) {
            sb.append(' ').append(Integer.toUnsignedString(sum));
        }
        return sb.append('\n').toString();
    }

    /** The ten {@code " %llu"} columns in /proc/stat order (not {@code cpu_usage_stat} order). */
    private static void times(StringBuilder sb, long[] ns) {
        CpuTime[] order = {CpuTime.USER, CpuTime.NICE, CpuTime.SYSTEM, CpuTime.IDLE, CpuTime.IOWAIT,
            CpuTime.IRQ, CpuTime.SOFTIRQ, CpuTime.STEAL, CpuTime.GUEST, CpuTime.GUEST_NICE};
        for (CpuTime t : order) {
            sb.append(' ').append(Long.toUnsignedString(nsecToClockT(ns[t.ordinal()])));
        }
        sb.append('\n');
    }

    /** {@code nsec_to_clock_t}: nanoseconds to USER_HZ ticks, rounding down. */
    static long nsecToClockT(long ns) {
        return Long.divideUnsigned(ns, 1_000_000_000L / USER_HZ);
    }

    /**
     * {@code show_all_irqs}: {@code " %u"} of {@code kstat_irqs_usr(i)} (a u32 summed over CPUs)
     * for each active IRQ, and {@code " 0"} for every number in between and up to {@code nr_irqs}.
     */
    private void showAllIrqs(StringBuilder sb) {
        int next = 0;
        int highest = -1;
        for (IrqDesc d : irqs.descriptors()) {
            gap(sb, d.number() - next);
            long sum = 0;
            for (int cpu = 0; cpu < cpus.count(); cpu++) {
                sum += d.count(cpu);
            }
            sb.append(' ').append(sum & 0xFFFF_FFFFL);
            next = d.number() + 1;
            highest = d.number();
        }
        gap(sb, nrIrqs(cpus.count(), highest) - next);
    }

    private static void gap(StringBuilder sb, int count) {
        for (int left = count; left > 0; left -= 16) {
            sb.append(ZEROS, 0, 2 * Math.min(left, 16));
        }
    }

    /**
     * {@code nr_irqs} on an x86 guest: {@code arch_probe_nr_irqs} (arch/x86/kernel/apic/vector.c)
     * sizes it as {@code gsi_top + NR_IRQS_LEGACY + 8 * nr_cpu_ids + gsi_top * 16} (with MSI),
     * capped at {@code NR_VECTORS * nr_cpu_ids}: 440 on 2 CPUs. With SPARSE_IRQ,
     * {@code irq_expand_nr_irqs} grows it when a descriptor is allocated above.
     */
    static int nrIrqs(int cpuCount, int highestAllocated) {
        int nr = Math.min(NR_VECTORS * cpuCount, GSI_TOP + NR_IRQS_LEGACY + 8 * cpuCount + GSI_TOP * 16);
        return Math.max(nr, highestAllocated + 1);
    }
}
