package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.cpu.SysctlKernel;

/**
 * How much of a CPU the RT class may keep from the fair class, by the release's rule, read at
 * every decision (a write acts at once):
 * <ul>
 * <li>before 6.12, RT throttling ({@code kernel/sched/rt.c} {@code sched_rt_runtime_exceeded}):
 *     the RT class runs {@code sched_rt_runtime_us} of every {@code sched_rt_period_us}, the fair
 *     class the rest; -1 ({@code RUNTIME_INF}), or a runtime equal to the period, leaves it
 *     nothing;</li>
 * <li>from 6.12 ({@link Behaviour#FAIR_SERVER}), the fair server: each CPU's deferred
 *     SCHED_DEADLINE server runs the fair class for 50 ms of every 1000 ms period once RT tasks
 *     have kept it off the CPU until zero laxity, so the RT class keeps 950 ms of each second
 *     whatever the two sysctls say (without {@code CONFIG_RT_GROUP_SCHED} they only admit
 *     SCHED_DEADLINE tasks). The server's parameters
 *     ({@code /sys/kernel/debug/sched/fair_server/cpuN/{runtime,period}}) are not in the model.</li>
 * </ul>
 * Either way the fair class's part comes at the end of each period, counted from when the RT
 * task took the CPU ({@link RunQueue#fairWindowFrom}).
 */
final class RtBandwidth {
    private final boolean fairServer;
    private final SysctlKernel sysctls;

    RtBandwidth(KernelProfile profile, SysctlKernel sysctls) {
        this.fairServer = profile.has(Behaviour.FAIR_SERVER);
        this.sysctls = sysctls;
    }

    /** The period the shares repeat in, ns. */
    long periodNs() {
        return fairServer ? SysctlKernel.FAIR_SERVER_PERIOD_NS : sysctls.rtPeriodUs() * 1000L;
    }

    /** The RT class's share of each period, ns; the whole period when the fair class gets nothing. */
    long rtShareNs() {
        return fairServer ? SysctlKernel.FAIR_SERVER_PERIOD_NS - SysctlKernel.FAIR_SERVER_RUNTIME_NS
            : RunQueue.rtShareNs(sysctls.rtPeriodUs(), sysctls.rtRuntimeUs());
    }

    /** How {@code rtTask} and {@code fairTask} share a CPU under this rule, for a report. */
    String describe(String rtTask, String fairTask) {
        if (fairServer) {
            return rtTask + " runs " + rtShareNs() / 1000 + " us of every " + periodNs() / 1000 + " us (the fair server's "
                + SysctlKernel.FAIR_SERVER_RUNTIME_NS / 1_000_000 + " ms per period for the fair class; sched_rt_runtime_us "
                + sysctls.rtRuntimeUs() + " throttles nothing since 6.12); " + fairTask + " the rest";
        }
        int period = sysctls.rtPeriodUs();
        int runtime = sysctls.rtRuntimeUs();
        return rtShareNs() >= periodNs()
            ? "RT throttling off (sched_rt_runtime_us " + runtime + " of " + period + "): " + fairTask
                + " cannot run while " + rtTask + " spins"
            : rtTask + " runs " + runtime + " us of every " + period + " us (RT throttling); " + fairTask + " the rest";
    }
}
