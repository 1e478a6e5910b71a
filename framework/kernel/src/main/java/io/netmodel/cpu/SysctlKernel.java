package io.netmodel.cpu;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.ProcDointvec;

/**
 * The {@code /proc/sys/kernel} rows a tuning script writes and the model keeps:
 * <ul>
 * <li>{@code timer_migration} ({@code kernel/time/timer.c} {@code timer_sysctl[]}:
 *     {@code timer_migration_handler}, {@code proc_dointvec_minmax} 0..1, default 1);</li>
 * <li>{@code sched_rt_period_us} and {@code sched_rt_runtime_us} ({@code kernel/sched/rt.c}
 *     {@code sched_rt_sysctls[]}: {@code sched_rt_handler}; period 1..INT_MAX, default 1000000;
 *     runtime -1..period ({@code extra2} is {@code &sysctl_sched_rt_period}), default 950000;
 *     after the parse {@code sched_rt_global_validate} refuses a runtime above the period (EINVAL),
 *     then {@code sched_dl_global_validate} one whose bandwidth is below what SCHED_DEADLINE
 *     entities hold (EBUSY); a failed write restores both values).</li>
 * </ul>
 * <p>From 6.12 ({@link Behaviour#FAIR_SERVER}) every CPU's fair server ({@link FairServers}) is
 * such an entity, 50 ms every 1000 ms unless its debugfs files say otherwise, in its root domain's
 * {@code total_bw}: a finite runtime whose {@code to_ratio(period, runtime)} (in 2^-20 units,
 * rounded down) times the CPUs is below the servers' sum, with the defaults under 5% of the
 * period, is EBUSY (49999 of 1000000 is, 50000 is not); -1 is not ({@code to_ratio} gives
 * {@code BW_UNIT}). Before 6.12 nothing holds deadline bandwidth in the
 * model (it has no SCHED_DEADLINE tasks), so the check always passes. Not modelled: 6.12-6.14's
 * check over possible rather than online CPUs (EBUSY for -1 on machines with CPUs possible but not
 * present, fixed by 14672f059d83 in 6.15 and stable), {@code RT_GROUP_SCHED}'s extra checks.</p>
 * <p>Values that do not parse or are out of range change nothing (EINVAL, as
 * {@code proc_dointvec_minmax} returns).
 */
public final class SysctlKernel {
    /** {@code RUNTIME_INF}: {@code sched_rt_runtime_us} -1, no RT throttling. */
    public static final int RUNTIME_INF = -1;

    private final boolean fairServer;
    private final FairServers fairServers;
    /** Told after each write that changes how RT and fair tasks share a CPU ({@link #onBandwidthChange}). */
    private final java.util.List<Runnable> bandwidthListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int timerMigration = 1;
    private int rtPeriodUs = 1_000_000;
    private int rtRuntimeUs = 950_000;

    /** The rows in {@code tree}; {@code cpus} fair servers (their debugfs files from 6.12), logging to {@code printk}. */
    public SysctlKernel(KTree tree, KernelProfile profile, int cpus, java.util.function.Consumer<String> printk) {
        this.fairServer = profile.has(Behaviour.FAIR_SERVER);
        this.fairServers = new FairServers(tree, profile, cpus, this::dlBw, printk, this::bandwidthChanged);
        KDir dir = tree.mkdirs("/proc/sys/kernel");
        dir.attr("sched_rt_period_us", 0644, KAttr.Flavor.PROC_SYS, () -> rtPeriodUs + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, 1, Integer.MAX_VALUE);
            validateRt(p.value(), rtRuntimeUs);
            rtPeriodUs = p.value();
            bandwidthChanged();
            return p.consumed();
        });
        dir.attr("sched_rt_runtime_us", 0644, KAttr.Flavor.PROC_SYS, () -> rtRuntimeUs + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, RUNTIME_INF, rtPeriodUs);
            validateRt(rtPeriodUs, p.value());
            rtRuntimeUs = p.value();
            bandwidthChanged();
            return p.consumed();
        });
        dir.attr("timer_migration", 0644, KAttr.Flavor.PROC_SYS, () -> timerMigration + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, 0, 1);
            timerMigration = p.value();
            return p.consumed();
        });
    }

    /**
     * {@code sched_rt_global_validate}: a finite runtime may not exceed the period (EINVAL); then
     * {@code sched_dl_global_validate}: {@code new_bw * cpus < total_bw} is EBUSY, where from 6.12
     * {@code total_bw} is the fair servers' bandwidth on the root domain's {@code cpus}.
     */
    private void validateRt(int periodUs, int runtimeUs) throws VfsException {
        if (runtimeUs != RUNTIME_INF && runtimeUs > periodUs) {
            throw new VfsException(Errno.EINVAL);
        }
        if (fairServer && runtimeUs != RUNTIME_INF
                && FairServers.toRatio(periodUs * 1000L, runtimeUs * 1000L) * fairServers.cpus() < fairServers.totalBw()) {
            throw new VfsException(Errno.EBUSY);
        }
    }

    /** {@code dl_b->bw}: the RT sysctls' {@code to_ratio}, or -1 for {@code RUNTIME_INF}. */
    private long dlBw() {
        return rtRuntimeUs == RUNTIME_INF ? -1 : FairServers.toRatio(rtPeriodUs * 1000L, rtRuntimeUs * 1000L);
    }

    /**
     * Runs {@code r} after every successful write of the two RT sysctls or a fair server's file
     * (under the model lock, as the write): live traffic's tasks waiting for their share ask again.
     */
    public void onBandwidthChange(Runnable r) {
        bandwidthListeners.add(r);
    }

    /** Stops telling {@code r}. */
    public void removeBandwidthListener(Runnable r) {
        bandwidthListeners.remove(r);
    }

    private void bandwidthChanged() {
        for (Runnable r : bandwidthListeners) {
            r.run();
        }
    }

    /** Each CPU's fair server (6.12+; before, their defaults, unused). */
    public FairServers fairServers() {
        return fairServers;
    }

    /** {@code sysctl_timer_migration}. */
    public int timerMigration() {
        return timerMigration;
    }

    /** {@code sysctl_sched_rt_period} in microseconds. */
    public int rtPeriodUs() {
        return rtPeriodUs;
    }

    /** {@code sysctl_sched_rt_runtime} in microseconds; {@link #RUNTIME_INF} when unlimited. */
    public int rtRuntimeUs() {
        return rtRuntimeUs;
    }
}
