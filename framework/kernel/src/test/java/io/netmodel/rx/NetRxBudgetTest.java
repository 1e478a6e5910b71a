package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * net_rx_action's budget (kernel-algorithms.md §1.3-1.4): a burst larger than
 * {@code netdev_budget} is polled in weight-sized steps until the budget is spent, then
 * {@code time_squeeze} counts the cut and ksoftirqd finishes the work.
 */
class NetRxBudgetTest {
    private static int[] burst(int frames, String budget) {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost());
        k.modules().driverAppeared(TinyDriver.plain());
        Simulator sim = new Simulator(1);
        SimHost h = new SimHost("h", k, sim, RxCosts.load(RxCosts.DEFAULT_PROFILE));
        h.write("/proc/sys/net/core/netdev_budget", budget);
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
        for (int cpu = 0; cpu < 2; cpu++) {
            squeezed += k.softnet(cpu).timeSqueeze;
            processed += k.softnet(cpu).processed;
        }
        assertEquals(frames, delivered[0]);
        assertEquals(frames, processed, "softnet processed counts every frame");
        return new int[] {squeezed, (int) h.napi.ksoftirqdWakeups};
    }

    @Test
    void a_burst_over_the_budget_is_squeezed_and_handed_to_ksoftirqd() {
        int[] r = burst(1000, "300");
        assertTrue(r[0] >= 3, "time_squeeze " + r[0]);
        assertEquals(r[0], r[1], "each squeeze wakes ksoftirqd");
    }

    @Test
    void a_burst_within_the_budget_is_not_squeezed() {
        assertEquals(0, burst(1000, "2000")[0]);
    }
}
