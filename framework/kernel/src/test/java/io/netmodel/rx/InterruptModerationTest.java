package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.core.Kernel;
import io.netmodel.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Interrupt moderation ({@code ethtool -C rx-usecs / rx-frames}): the IRQ comes no sooner than
 * rx-usecs after the previous one, so a frame that finds the NAPI idle may wait for it; with
 * rx-frames, enough waiting frames raise it at once. Frames every 10 µs for 1 ms.
 */
class InterruptModerationTest {
    /** @param maxWaitNs the longest a frame waited, but the last (which no later frame can push out) */
    private record Run(long irqs, long maxWaitNs) {
    }

    private static Run run(long rxUsecs, long rxFrames) {
        TinyHost one = TinyHost.boot("6.19");
        Kernel k = one.kernel();
        Simulator sim = one.sim();
        SimHost h = one.host();
        h.napi.moderation().setCoalescing(rxUsecs, rxFrames);
        List<Long> waits = new ArrayList<>();
        h.napi.setConsumer((p, at) -> waits.add(at - p));
        for (int i = 0; i <= 100; i++) {
            long t = i * 10_000L;
            sim.scheduleAt(t, () -> h.napi.rxArrive(t));
        }
        sim.run();
        assertEquals(101, waits.size());
        long irqs = 0;
        for (int cpu = 0; cpu < 2; cpu++) {
            irqs += k.irqs().get(h.inputIrqNumber()).count(cpu);
        }
        return new Run(irqs, waits.subList(0, waits.size() - 1).stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @ParameterizedTest(name = "rx-usecs {0}: about {1} interrupts")
    @CsvSource({"0, 101", "25, 41", "50, 21", "100, 11"})
    void the_interrupt_rate_is_capped_by_rx_usecs(long rxUsecs, long expected) {
        Run r = run(rxUsecs, 0);
        assertEquals(expected, r.irqs(), "interrupts in 1 ms of frames every 10 µs: one at 0, then one per interval");
    }

    @ParameterizedTest(name = "rx-usecs {0}")
    @CsvSource({"0", "50", "100"})
    void a_frame_waits_at_most_the_moderation_interval(long rxUsecs) {
        Run r = run(rxUsecs, 0);
        assertTrue(r.maxWaitNs() <= rxUsecs * 1000 + 5_000, "worst wait " + r.maxWaitNs() + " ns");
        if (rxUsecs > 0) {
            assertTrue(r.maxWaitNs() > (rxUsecs - 10) * 1000, "some frame waits most of the interval: " + r.maxWaitNs());
        }
    }

    @ParameterizedTest(name = "rx-usecs 100, rx-frames {0}")
    @CsvSource({"2", "4"})
    void enough_waiting_frames_raise_the_interrupt_early(long rxFrames) {
        Run r = run(100, rxFrames);
        assertTrue(r.irqs() > run(100, 0).irqs(), "rx-frames " + rxFrames + " adds interrupts: " + r.irqs());
        assertTrue(r.maxWaitNs() <= (rxFrames - 1) * 10_000 + 5_000, "worst wait " + r.maxWaitNs());
    }
    /**
     * Frames every {@code gapNs} for {@code durationNs} on a NAPI with rx-usecs 16 and mlx4_en's
     * adaptive rates: the interrupts in the first and in the last 100 ms.
     */
    private static long[] adaptiveIrqs(long gapNs, long durationNs) {
        TinyHost one = TinyHost.boot("6.19");
        Kernel k = one.kernel();
        Simulator sim = one.sim();
        SimHost h = one.host();
        h.napi.moderation().setCoalescing(16, 0);
        // pkt-rate-low 400000 / rx-usecs-low 0, pkt-rate-high 450000 / rx-usecs-high 128, sampled every 250 ms
        h.napi.moderation().setAdaptiveRates(400_000, 0, 450_000, 128, 250_000_000L);
        h.napi.setConsumer((p, at) -> { });
        for (long t = gapNs / 2; t < durationNs; t += gapNs) {
            long at = t;
            sim.scheduleAt(at, () -> h.napi.rxArrive(at));
        }
        sim.runUntil(100_000_000L);
        long early = irqs(k, h);
        sim.runUntil(durationNs - 100_000_000L);
        long before = irqs(k, h);
        sim.runUntil(durationNs);
        return new long[] {early, irqs(k, h) - before};
    }

    private static long irqs(Kernel k, SimHost h) {
        return k.irqs().get(h.inputIrqNumber()).count(0) + k.irqs().get(h.inputIrqNumber()).count(1);
    }

    @Test
    void adaptive_rx_drops_moderation_at_a_low_packet_rate_once_it_has_sampled_it() {
        // 100,000 frames/s: below pkt-rate-low. Until the first sample (250 ms) rx-usecs 16 holds
        // (an interrupt every 16 µs, a frame pending at each), then rx-usecs-low 0 (one per frame).
        long[] irqs = adaptiveIrqs(10_000, 400_000_000L);
        assertEquals(100_000_000L / 16_000, irqs[0], "first 100 ms, 16 µs moderation");
        assertEquals(10_000, irqs[1], "last 100 ms, none");
    }

    @Test
    void adaptive_rx_moderates_hard_above_the_high_packet_rate() {
        // 500,000 frames/s: above pkt-rate-high, so rx-usecs-high (128 µs) after the first sample
        long[] irqs = adaptiveIrqs(2_000, 400_000_000L);
        assertTrue(irqs[0] > 5_000, "first 100 ms, 16 µs moderation: " + irqs[0]);
        assertTrue(irqs[1] <= 100_000_000L / 128_000 + 1 && irqs[1] > 100_000_000L / 140_000,
            "about one interrupt per 128 µs in the last 100 ms: " + irqs[1]);
    }
    @Test
    void re_reading_unchanged_settings_keeps_sampling_and_adaptive_off_restores_rx_usecs() {
        TinyHost one = TinyHost.boot("6.19");
        Simulator sim = one.sim();
        SimHost h = one.host();
        h.napi.setConsumer((p, at) -> { });
        for (long t = 0; t < 300_000_000L; t += 10_000_000L) { // live traffic re-reads the settings every 10 ms
            sim.scheduleAt(t, () -> {
                h.napi.moderation().setCoalescing(16, 0);
                h.napi.moderation().setAdaptiveRates(400_000, 0, 450_000, 128, 250_000_000L);
            });
        }
        sim.runUntil(300_000_000L);
        assertEquals(0, h.napi.moderation().intervalNs(), "sampled at 250 ms (no frames: below pkt-rate-low)");
        h.napi.moderation().setCoalescing(16, 0);
        assertEquals(0, h.napi.moderation().intervalNs(), "the sampled value holds until the next sample");
        h.napi.moderation().adaptiveOff();
        assertEquals(16_000, h.napi.moderation().intervalNs());
    }
}
