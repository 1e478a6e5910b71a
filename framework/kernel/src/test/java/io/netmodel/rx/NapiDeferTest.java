package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.core.Kernel;
import io.netmodel.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * napi_defer_hard_irqs with gro_flush_timeout (kernel-algorithms.md §1.5): with both set, the
 * watchdog polls while traffic lasts and the device interrupt stays masked, so IRQ counts fall;
 * with either at 0 every frame that finds the NAPI idle raises an interrupt.
 */
class NapiDeferTest {
    @ParameterizedTest(name = "defer {0}, gro_flush_timeout {1} ns: {2} interrupts for 100 frames")
    @CsvSource({"0, 0, 100", "0, 50000, 100", "10, 0, 100", "10, 50000, 1"})
    void deferral_suppresses_interrupts_while_traffic_lasts(int defer, long gro, long expectedIrqs) {
        TinyHost one = TinyHost.boot("6.19");
        Kernel k = one.kernel();
        Simulator sim = one.sim();
        SimHost h = one.host();
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", Integer.toString(defer));
        h.write("/sys/class/net/eth0/gro_flush_timeout", Long.toString(gro));
        int[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        for (int i = 0; i < 100; i++) {
            sim.scheduleAt(i * 20_000L, () -> h.napi.rxArrive(0));
        }
        sim.run();
        assertEquals(100, delivered[0]);
        long irqs = 0;
        for (int cpu = 0; cpu < 2; cpu++) {
            irqs += k.irqs().get(h.inputIrqNumber()).count(cpu);
        }
        assertEquals(expectedIrqs, irqs);
        if (defer > 0 && gro > 0) {
            // 2 ms of traffic polled every 50 us, then the 10 deferred empty polls before the IRQ is re-armed
            assertEquals(50, h.napi.watchdogFires, 2, "the watchdog polled instead");
        }
    }
}
