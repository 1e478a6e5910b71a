package io.netmodel.cpu;

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
 *     after the parse {@code sched_rt_global_validate} refuses a runtime above the period, and a
 *     failed write restores both values: EINVAL).</li>
 * </ul>
 * Values that do not parse or are out of range change nothing (EINVAL, as
 * {@code proc_dointvec_minmax} returns).
 */
public final class SysctlKernel {
    /** {@code RUNTIME_INF}: {@code sched_rt_runtime_us} -1, no RT throttling. */
    public static final int RUNTIME_INF = -1;

    private int timerMigration = 1;
    private int rtPeriodUs = 1_000_000;
    private int rtRuntimeUs = 950_000;

    public SysctlKernel(KTree tree) {
        KDir dir = tree.mkdirs("/proc/sys/kernel");
        dir.attr("sched_rt_period_us", 0644, KAttr.Flavor.PROC_SYS, () -> rtPeriodUs + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, 1, Integer.MAX_VALUE);
            validateRt(p.value(), rtRuntimeUs);
            rtPeriodUs = p.value();
            return p.consumed();
        });
        dir.attr("sched_rt_runtime_us", 0644, KAttr.Flavor.PROC_SYS, () -> rtRuntimeUs + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, RUNTIME_INF, rtPeriodUs);
            validateRt(rtPeriodUs, p.value());
            rtRuntimeUs = p.value();
            return p.consumed();
        });
        dir.attr("timer_migration", 0644, KAttr.Flavor.PROC_SYS, () -> timerMigration + "\n", (data, caller) -> {
            ProcDointvec.Parsed p = ProcDointvec.parse(data, 0, 1);
            timerMigration = p.value();
            return p.consumed();
        });
    }

    /** {@code sched_rt_global_validate}: a finite runtime may not exceed the period. */
    private static void validateRt(int periodUs, int runtimeUs) throws VfsException {
        if (runtimeUs != RUNTIME_INF && runtimeUs > periodUs) {
            throw new VfsException(Errno.EINVAL);
        }
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
