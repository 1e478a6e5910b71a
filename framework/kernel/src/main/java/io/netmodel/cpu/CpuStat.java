package io.netmodel.cpu;

/**
 * One CPU's accounting: {@code kernel_cpustat} (time per {@link CpuTime} bucket, in ns),
 * {@code kernel_stat.softirqs[]} (softirq runs per vector) and the run-queue numbers
 * {@code /proc/stat} reads ({@code rq->nr_switches}, {@code rq->nr_running},
 * {@code rq->nr_iowait}). The simulation updates it where the kernel does:
 *
 * <ul>
 *   <li>{@code account(CpuTime.SOFTIRQ, ns)} from {@code account_softirq_time} /
 *       {@code irqtime_account_irq} (and likewise USER, SYSTEM, IRQ, IDLE, ...);</li>
 *   <li>{@code softirq(Softirq.NET_RX)} from {@code handle_softirqs} before each handler runs
 *       ({@code kstat_incr_softirqs_this_cpu});</li>
 *   <li>{@code nrSwitches++} in {@code __schedule} when it switches tasks;</li>
 *   <li>{@code nrRunning} / {@code nrIowait} as tasks become runnable or block on I/O.</li>
 * </ul>
 *
 * Model-thread only.
 */
public final class CpuStat {
    /** The CPU id. */
    public final int cpu;
    /** {@code kcpustat_cpu(cpu).cpustat[]}: nanoseconds per {@link CpuTime#ordinal()}. */
    public final long[] cpustat = new long[CpuTime.values().length];
    /**
     * {@code kstat_cpu(cpu).softirqs[]}: runs per {@link Softirq#ordinal()}; {@code unsigned int}
     * in the kernel, so a Java int wraps the same way.
     */
    public final int[] softirqs = new int[Softirq.values().length];
    /** {@code cpu_rq(cpu)->nr_switches}: context switches ({@code ctxt} sums them). */
    public long nrSwitches;
    /** {@code cpu_rq(cpu)->nr_running}: runnable model tasks on this CPU. */
    public int nrRunning;
    /** {@code cpu_rq(cpu)->nr_iowait}: tasks of this CPU blocked on I/O. */
    public int nrIowait;

    public CpuStat(int cpu) {
        this.cpu = cpu;
    }

    /** Adds {@code ns} nanoseconds to a time bucket ({@code account_*_time}). */
    public void account(CpuTime bucket, long ns) {
        cpustat[bucket.ordinal()] += ns;
    }

    /** Nanoseconds in a time bucket. */
    public long time(CpuTime bucket) {
        return cpustat[bucket.ordinal()];
    }

    /** {@code kstat_incr_softirqs_this_cpu(vec)}: one run of a softirq handler on this CPU. */
    public void softirq(Softirq vec) {
        softirqs[vec.ordinal()]++;
    }

    /** {@code kstat_softirqs_cpu(vec, cpu)} as the u32 the kernel prints. */
    public long softirqCount(Softirq vec) {
        return Integer.toUnsignedLong(softirqs[vec.ordinal()]);
    }
}
