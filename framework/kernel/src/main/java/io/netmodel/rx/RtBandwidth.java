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
 *     SCHED_DEADLINE tasks). The server's parameters are per CPU
 *     ({@code /sys/kernel/debug/sched/fair_server/cpuN/{runtime,period}}, {@link
 *     io.netmodel.cpu.FairServers}): runtime 0 leaves the fair class nothing.</li>
 * </ul>
 * Either way the fair class's part comes at the end of each period, counted from when the RT
 * task took the CPU ({@link RunQueue#fairWindowFrom}).
 */
final class RtBandwidth {
    private final boolean fairServer;
    private final SysctlKernel sysctls;
    private final int cpu;

    /** The rule on CPU {@code cpu} (from 6.12 each CPU has its own fair server). */
    RtBandwidth(KernelProfile profile, SysctlKernel sysctls, int cpu) {
        this.fairServer = profile.has(Behaviour.FAIR_SERVER);
        this.sysctls = sysctls;
        this.cpu = cpu;
    }

    /** The period the shares repeat in, ns. */
    long periodNs() {
        return fairServer ? sysctls.fairServers().periodNs(cpu) : sysctls.rtPeriodUs() * 1000L;
    }

    /** The RT class's share of each period, ns; the whole period when the fair class gets nothing. */
    long rtShareNs() {
        return fairServer ? periodNs() - sysctls.fairServers().runtimeNs(cpu)
            : RunQueue.rtShareNs(sysctls.rtPeriodUs(), sysctls.rtRuntimeUs());
    }

    /** How {@code rtTask} and {@code fairTask} share a CPU under this rule, for a report. */
    String describe(String rtTask, String fairTask) {
        if (fairServer) {
            long runtime = sysctls.fairServers().runtimeNs(cpu);
            if (runtime == 0) {
                return "fair server of CPU " + cpu + " disabled (debugfs fair_server/cpu" + cpu + "/runtime 0): "
                    + fairTask + " cannot run while " + rtTask + " spins";
            }
            String each = runtime % 1_000_000 == 0 ? runtime / 1_000_000 + " ms" : runtime / 1000 + " us";
            return rtTask + " runs " + rtShareNs() / 1000 + " us of every " + periodNs() / 1000 + " us (the fair server's "
                + each + " per period for the fair class; sched_rt_runtime_us " + sysctls.rtRuntimeUs()
                + " throttles nothing since 6.12); " + fairTask + " the rest";
        }
        int period = sysctls.rtPeriodUs();
        int runtime = sysctls.rtRuntimeUs();
        return rtShareNs() >= periodNs()
            ? "RT throttling off (sched_rt_runtime_us " + runtime + " of " + period + "): " + fairTask
                + " cannot run while " + rtTask + " spins"
            : rtTask + " runs " + runtime + " us of every " + period + " us (RT throttling); " + fairTask + " the rest";
    }
}
