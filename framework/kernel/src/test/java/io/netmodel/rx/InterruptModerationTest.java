package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import java.util.ArrayList;
import java.util.List;
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
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost());
        k.modules().driverAppeared(TinyDriver.plain());
        Simulator sim = new Simulator(1);
        SimHost h = new SimHost("h", k, sim, RxCosts.load(RxCosts.DEFAULT_PROFILE));
        h.napi.setCoalescing(rxUsecs, rxFrames);
        List<Long> waits = new ArrayList<>();
        h.napi.setConsumer((p, at) -> waits.add(at - p.sentAtNs));
        for (int i = 0; i <= 100; i++) {
            long t = i * 10_000L;
            sim.scheduleAt(t, () -> h.napi.rxArrive(new Packet(t, true)));
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
}
