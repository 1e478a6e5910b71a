package io.netmodel.cpu;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The fair servers (6.12, {@link Behaviour#FAIR_SERVER}): on each CPU a deferred SCHED_DEADLINE
 * entity that runs the fair class for {@code runtime} of every {@code period} once RT tasks have
 * kept it off the CPU, and its debugfs files, {@code /sys/kernel/debug/sched/fair_server/cpuN/
 * {runtime,period}} ({@code kernel/sched/debug.c}, {@code sched_fair_server_write}):
 * <ul>
 * <li>read: {@code %llu\n}, nanoseconds; 50000000 and 1000000000 at boot;</li>
 * <li>write: {@code kstrtoull(buf, 10)} (EINVAL, ERANGE); with the other file's current value,
 *     a runtime above the period or a period outside 100 µs .. 2^22 µs is EINVAL; then
 *     {@code dl_server_apply_params}: EBUSY when {@code __dl_overflow}, i.e. the root domain's
 *     {@code cap_scale(dl_b->bw, cap)} (the RT sysctls' ratio times the CPUs) is below
 *     {@code total_bw - old_bw + new_bw}; never while {@code sched_rt_runtime_us} is -1;</li>
 * <li>runtime 0 disables the server and logs {@code Fair server disabled in CPU N, system may
 *     crash due to starvation.}: an RT task that never sleeps then starves the fair class, as
 *     with RT throttling off before 6.12.</li>
 * </ul>
 * The servers' bandwidth is what {@code sched_rt_runtime_us} may not go below ({@link SysctlKernel}).
 * The model's root domain is all CPUs; {@code /sys/kernel/debug} is 0700, as debugfs mounts it.
 */
public final class FairServers {
    /** {@code dl_server_start}'s defaults (5f6bd380c7bd), ns. */
    public static final long DEFAULT_RUNTIME_NS = 50_000_000L;
    public static final long DEFAULT_PERIOD_NS = 1_000_000_000L;
    /** {@code fair_server_period_min} and {@code _max} (4ae0c2b91110), ns. */
    static final long PERIOD_MIN_NS = 100L * 1000;
    static final long PERIOD_MAX_NS = (1L << 22) * 1000;
    /** {@code BW_SHIFT}: bandwidths are fixed point, 2^20 for a whole CPU. */
    static final int BW_SHIFT = 20;

    private final long[] runtimeNs;
    private final long[] periodNs;
    private final LongSupplier rtBw;
    private final Consumer<String> printk;
    private final Runnable changed;

    /**
     * One server per CPU of {@code cpus}; {@code rtBw} is {@code dl_b->bw} (the RT sysctls'
     * {@link #toRatio}, or -1 for {@code RUNTIME_INF}); {@code changed} runs after each write that
     * took. The files exist from 6.12.
     */
    public FairServers(KTree tree, KernelProfile profile, int cpus, LongSupplier rtBw, Consumer<String> printk,
                       Runnable changed) {
        this.runtimeNs = new long[cpus];
        this.periodNs = new long[cpus];
        this.rtBw = rtBw;
        this.printk = printk;
        this.changed = changed;
        Arrays.fill(runtimeNs, DEFAULT_RUNTIME_NS);
        Arrays.fill(periodNs, DEFAULT_PERIOD_NS);
        if (!profile.has(Behaviour.FAIR_SERVER)) {
            return;
        }
        KDir debug = tree.mkdirs("/sys/kernel").dir("debug", 0700);
        KDir servers = debug.dir("sched").dir("fair_server");
        for (int cpu = 0; cpu < cpus; cpu++) {
            int c = cpu;
            KDir dir = servers.dir("cpu" + cpu);
            dir.attr("runtime", 0644, KAttr.Flavor.PROC, () -> runtimeNs[c] + "\n",
                (data, caller) -> write(c, Kstrtox.kstrtoull(data, 10), periodNs[c], data.length));
            dir.attr("period", 0644, KAttr.Flavor.PROC, () -> periodNs[c] + "\n",
                (data, caller) -> write(c, runtimeNs[c], Kstrtox.kstrtoull(data, 10), data.length));
        }
    }

    /** {@code sched_fair_server_write} after the parse: the checks, then the new parameters. */
    private int write(int cpu, long runtime, long period, int count) throws VfsException {
        if (Long.compareUnsigned(runtime, period) > 0 || Long.compareUnsigned(period, PERIOD_MAX_NS) > 0
                || period < PERIOD_MIN_NS) {
            throw new VfsException(Errno.EINVAL);
        }
        long bw = rtBw.getAsLong();
        long oldBw = toRatio(periodNs[cpu], runtimeNs[cpu]);
        long newBw = toRatio(period, runtime);
        if (bw != -1 && bw * cpus() < totalBw() - oldBw + newBw) {
            throw new VfsException(Errno.EBUSY); // __dl_overflow
        }
        runtimeNs[cpu] = runtime;
        periodNs[cpu] = period;
        if (runtime == 0) {
            printk.accept("Fair server disabled in CPU " + cpu + ", system may crash due to starvation.");
        }
        changed.run();
        return count;
    }

    /** {@code to_ratio}: {@code (runtime << BW_SHIFT) / period}, both ns; 0 for a period of 0. */
    static long toRatio(long periodNs, long runtimeNs) {
        return periodNs == 0 ? 0 : (runtimeNs << BW_SHIFT) / periodNs;
    }

    /** The root domain's {@code total_bw}: every server's bandwidth (the model has no SCHED_DEADLINE tasks). */
    long totalBw() {
        long sum = 0;
        for (int cpu = 0; cpu < runtimeNs.length; cpu++) {
            sum += toRatio(periodNs[cpu], runtimeNs[cpu]);
        }
        return sum;
    }

    /** CPUs in the root domain. */
    int cpus() {
        return runtimeNs.length;
    }

    /** CPU {@code cpu}'s server runtime, ns; 0 when disabled. */
    public long runtimeNs(int cpu) {
        return runtimeNs[cpu];
    }

    /** CPU {@code cpu}'s server period, ns. */
    public long periodNs(int cpu) {
        return periodNs[cpu];
    }
}
