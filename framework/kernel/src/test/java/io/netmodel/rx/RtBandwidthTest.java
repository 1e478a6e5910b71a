package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.testkit.Host;
import org.junit.jupiter.api.Test;

/** What the RT class keeps from the fair class: RT throttling's sysctls up to 6.11, the fair server from 6.12. */
class RtBandwidthTest {
    private static RtBandwidth of(String kernel, String runtimeUs, String periodUs) throws Exception {
        Host h = Host.bare(kernel);
        h.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n"); // any period, then the runtime (6.12's EBUSY)
        h.write("/proc/sys/kernel/sched_rt_period_us", periodUs + "\n");
        h.write("/proc/sys/kernel/sched_rt_runtime_us", runtimeUs + "\n");
        return new RtBandwidth(h.kernel.profile(), h.kernel.sysctlKernel(), 0);
    }

    @Test
    void up_to_6_11_rt_throttling_follows_the_sysctls() throws Exception {
        RtBandwidth b = of("6.11", "9000", "10000");
        assertEquals(10_000_000L, b.periodNs());
        assertEquals(9_000_000L, b.rtShareNs());
        assertEquals("k runs 9000 us of every 10000 us (RT throttling); a the rest", b.describe("k", "a"));
        RtBandwidth off = of("6.11", "-1", "1000000");
        assertEquals(off.periodNs(), off.rtShareNs(), "RUNTIME_INF: the fair class gets nothing");
        assertEquals("RT throttling off (sched_rt_runtime_us -1 of 1000000): a cannot run while k spins",
            off.describe("k", "a"));
    }

    @Test
    void from_6_12_the_fair_server_gives_the_fair_class_50_ms_a_second_whatever_the_sysctls() throws Exception {
        for (String[] rt : new String[][] {{"950000", "1000000"}, {"9000", "10000"}, {"-1", "1000000"}}) {
            RtBandwidth b = of("6.12", rt[0], rt[1]);
            assertEquals(1_000_000_000L, b.periodNs());
            assertEquals(950_000_000L, b.rtShareNs());
            assertEquals("k runs 950000 us of every 1000000 us (the fair server's 50 ms per period for the fair class; "
                + "sched_rt_runtime_us " + rt[0] + " throttles nothing since 6.12); a the rest", b.describe("k", "a"));
        }
    }

    @Test
    void from_6_12_each_cpu_follows_its_own_fair_server_and_runtime_0_leaves_nothing() throws Exception {
        Host h = Host.bare("6.19");
        h.write("/sys/kernel/debug/sched/fair_server/cpu1/period", "100000000\n");
        h.write("/sys/kernel/debug/sched/fair_server/cpu1/runtime", "20000000\n");
        RtBandwidth one = new RtBandwidth(h.kernel.profile(), h.kernel.sysctlKernel(), 1);
        assertEquals(100_000_000L, one.periodNs());
        assertEquals(80_000_000L, one.rtShareNs());
        assertEquals("k runs 80000 us of every 100000 us (the fair server's 20 ms per period for the fair class; "
            + "sched_rt_runtime_us 950000 throttles nothing since 6.12); a the rest", one.describe("k", "a"));
        RtBandwidth zero = new RtBandwidth(h.kernel.profile(), h.kernel.sysctlKernel(), 0);
        assertEquals(950_000_000L, zero.rtShareNs(), "CPU 0 keeps the defaults");
        h.write("/sys/kernel/debug/sched/fair_server/cpu0/runtime", "0\n");
        assertEquals(zero.periodNs(), zero.rtShareNs(), "disabled: the fair class gets nothing");
        assertEquals("fair server of CPU 0 disabled (debugfs fair_server/cpu0/runtime 0): a cannot run while k spins",
            zero.describe("k", "a"));
    }
}
