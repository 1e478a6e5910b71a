package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * The RX ring holds {@code ethtool -G rx} descriptors: frames that arrive while it is full are
 * dropped by the NIC and counted in {@code rx_missed_errors} (the drop column of /proc/net/dev).
 */
class RxRingOverflowTest {
    @Test
    void a_burst_larger_than_the_ring_while_the_irq_is_deferred_overflows_it() throws Exception {
        Host live = Host.with("6.19", 2, TinyDriver.plain());
        SimHost h = new SimHost("h", live.kernel, new io.netmodel.sim.Simulator(1), RxCosts.load(RxCosts.DEFAULT_PROFILE));
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100");
        h.write("/sys/class/net/eth0/gro_flush_timeout", "1000000"); // the watchdog polls 1 ms later
        int[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        h.napi.setRingSize(4, () -> h.eth0.stats().add(io.netmodel.net.NetStats.RX_MISSED_ERRORS, 1));
        h.sim.scheduleAt(0, () -> h.napi.rxArrive(0)); // IRQ, poll, deferral armed
        for (int i = 1; i <= 10; i++) {
            h.sim.scheduleAt(100_000L + i, () -> h.napi.rxArrive(0));
        }
        h.sim.run();
        assertEquals(6, h.napi.ringFullDrops());
        assertEquals(5, delivered[0]);
        assertEquals("6\n", live.read("/sys/class/net/eth0/statistics/rx_missed_errors"));
    }
}
