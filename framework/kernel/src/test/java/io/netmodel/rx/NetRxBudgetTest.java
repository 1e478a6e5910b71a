package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.core.Kernel;
import io.netmodel.cpu.Softirq;
import io.netmodel.sim.Simulator;
import org.junit.jupiter.api.Test;

/**
 * net_rx_action's budget and time limit and __do_softirq's restarts (kernel-algorithms.md
 * §1.3-1.4; {@link NetRxAction}), on a burst that lands in the RX ring at once and is polled in
 * weight-sized (64) steps on the IRQ's CPU.
 */
class NetRxBudgetTest {
    /** What a burst did: time_squeeze, ksoftirqd wake-ups, NET_RX runs, and when the last poll ended. */
    private record Burst(int squeezed, long ksoftirqd, long netRxRuns, long endNs) {
    }

    private static Burst burst(String kernel, int frames, String... sysctls) {
        TinyHost one = TinyHost.boot(kernel);
        Kernel k = one.kernel();
        Simulator sim = one.sim();
        SimHost h = one.host();
        for (int i = 0; i + 1 < sysctls.length; i += 2) {
            h.write("/proc/sys/net/core/" + sysctls[i], sysctls[i + 1]);
        }
        int[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        sim.scheduleAt(0, () -> {
            for (int i = 0; i < frames; i++) {
                h.napi.rxArrive(0);
            }
        });
        sim.run();
        int squeezed = 0;
        int processed = 0;
        long runs = 0;
        for (int cpu = 0; cpu < 2; cpu++) {
            squeezed += k.softnet(cpu).timeSqueeze;
            processed += k.softnet(cpu).processed;
            runs += k.cpus().cpu(cpu).softirqs[Softirq.NET_RX.ordinal()];
        }
        assertEquals(frames, delivered[0]);
        assertEquals(frames, processed, "softnet processed counts every frame");
        return new Burst(squeezed, h.pollList(h.napi.irqCpu()).ksoftirqdWakeups, runs, sim.now());
    }

    @Test
    void one_napi_is_polled_once_per_run_so_the_default_budget_never_runs_out() {
        Burst b = burst("6.19", 1000); // 16 polls: 15 of 64, one of 40
        assertEquals(0, b.squeezed(), "netdev_budget 300 is never spent by one poll of 64");
        assertEquals(16, b.netRxRuns(), "one net_rx_action run per poll");
        assertEquals(1, b.ksoftirqd(), "__do_softirq hands over after 10 runs; ksoftirqd does the other 6");
    }

    @Test
    void a_budget_below_the_weight_squeezes_every_run() {
        Burst b = burst("6.19", 1000, "netdev_budget", "32");
        assertEquals(16, b.squeezed(), "each poll spends more than the budget, the last (40 frames) too");
        assertEquals(1, b.ksoftirqd());
    }

    @Test
    void netdev_budget_usecs_zero_squeezes_every_run_where_it_is_allowed() {
        // Before 6.14 the sysctl takes 0: time_limit = jiffies, and time_after_eq holds at once
        assertEquals(1, burst("6.13", 1, "netdev_budget_usecs", "0").squeezed());
        assertEquals(0, burst("6.13", 1).squeezed());
    }

    @Test
    void before_3_19_a_run_repolls_until_the_budget_is_spent() {
        Burst b = burst("3.18", 1000); // runs of 5 polls: 320, 640, 960 frames, then 40
        assertEquals(3, b.squeezed());
        assertEquals(4, b.netRxRuns());
        assertEquals(0, b.ksoftirqd(), "four runs are within __do_softirq's ten");
    }

    @Test
    void before_3_19_a_long_run_is_cut_at_two_jiffies_and_ksoftirqd_takes_over() {
        Burst b = burst("3.18", 40_000, "netdev_budget", "1000000"); // about 17 ms of polling
        assertTrue(b.endNs() > 2 * NetRxAction.TICK_NS, "the burst outlasts two ticks: " + b.endNs());
        assertTrue(b.squeezed() >= 1, "time_squeeze " + b.squeezed());
        assertTrue(b.ksoftirqd() >= 1, "past MAX_SOFTIRQ_TIME ksoftirqd runs the rest");
    }

    @Test
    void the_tick_ends_inline_processing_before_ten_runs() {
        // Two frames' worth of runs straddling the first tick: __do_softirq stops restarting at
        // the tick (MAX_SOFTIRQ_TIME is one jiffy at HZ=250) even though fewer than ten ran.
        TinyHost one = TinyHost.boot("6.19");
        Simulator sim = one.sim();
        SimHost h = one.host();
        h.napi.setConsumer((p, at) -> { });
        long justBeforeTick = NetRxAction.TICK_NS - 1_000;
        sim.scheduleAt(justBeforeTick, () -> {
            for (int i = 0; i < 64 * 3; i++) {
                h.napi.rxArrive(0);
            }
        });
        sim.run();
        assertEquals(1, h.pollList(h.napi.irqCpu()).ksoftirqdWakeups, "the first run ends after the tick: no restart");
    }

    @Test
    void a_task_woken_on_the_cpu_ends_the_restarts_at_once() {
        // need_resched(): the first poll's packets wake a task on the IRQ's CPU, so __do_softirq
        // hands the rest to ksoftirqd after that poll instead of restarting ten times
        for (boolean wakes : new boolean[] {false, true}) {
            TinyHost one = TinyHost.boot("6.19");
            Simulator sim = one.sim();
            SimHost h = one.host();
            int cpu = h.napi.irqCpu();
            PollList list = h.pollList(cpu);
            long[] wakeupsAtSecondPoll = {-1};
            int[] delivered = {0};
            h.napi.setConsumer((p, at) -> {
                if (delivered[0] == 0 && wakes) {
                    h.cpus[cpu].setTaskRunnable(true); // the reader's wake-up
                }
                if (++delivered[0] == 65) {
                    wakeupsAtSecondPoll[0] = list.ksoftirqdWakeups;
                }
            });
            sim.scheduleAt(0, () -> {
                for (int i = 0; i < 1000; i++) {
                    h.napi.rxArrive(0);
                }
            });
            sim.run();
            assertEquals(1000, delivered[0]);
            assertEquals(wakes ? 1 : 0, wakeupsAtSecondPoll[0], wakes ? "handed over after one poll" : "restarts inline");
            assertEquals(1, list.ksoftirqdWakeups);
        }
    }
}
