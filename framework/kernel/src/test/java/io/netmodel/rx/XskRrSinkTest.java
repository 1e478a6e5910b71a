package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * xsk_rr handing its samples to a sink (on virtual time): the same samples as the result of a
 * run that keeps them, each with its simulated time, and a run that keeps nothing per request,
 * whatever its length.
 */
class XskRrSinkTest {
    private static final long MS = 1_000_000;
    private static final long PERIOD_NS = 8_000;

    private static BenchServiceImpl service() {
        TinyDriver d = TinyDriver.plain();
        return new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(), () -> List.of(d),
            () -> null);
    }

    /** Keeps what the sink was given, to compare; {@code last} checks the times never go back. */
    private static final class Recorded implements io.netmodel.api.bench.LatencySink {
        final Samples latencies = new Samples();
        final Samples times = new Samples();
        long last = Long.MIN_VALUE;
        boolean ordered = true;

        @Override
        public void sample(long atNs, long latencyNs) {
            ordered &= atNs >= last;
            last = atNs;
            latencies.add(latencyNs);
            times.add(atNs);
        }
    }

    @Test
    void the_sink_gets_the_samples_the_result_would_carry_with_their_times() {
        for (XskMode mode : XskMode.values()) {
            XskRrRequest req = new XskRrRequest(31_250, 30_000, mode, 50 * MS, 3);
            BenchResult kept = service().xskRr(req, (a, b) -> { });
            Recorded sink = new Recorded();
            BenchResult streamed = service().xskRr(req, (a, b) -> { }, sink);
            assertArrayEquals(kept.latencyNs(), sink.latencies.toArray(), mode.cliName());
            assertEquals(0, streamed.latencyNs().length, "the result keeps no samples");
            assertEquals(kept.transactions(), streamed.transactions());
            assertEquals(kept.counters(), streamed.counters());
            assertTrue(sink.ordered, "times never go back");
            long[] times = sink.times.toArray();
            assertTrue(times[0] >= 0 && times[times.length - 1] < 50 * MS, "within the measured part");
        }
    }

    @Test
    void a_run_with_a_sink_retains_nothing_per_request() {
        int[] counted = new int[1];
        BenchResult shortRun = service().xskRr(new XskRrRequest(PERIOD_NS, 0, XskMode.INTERRUPTS, 20 * MS, 1),
            (a, b) -> { }, (at, ns) -> counted[0]++);
        BenchResult longRun = service().xskRr(new XskRrRequest(PERIOD_NS, 0, XskMode.INTERRUPTS, 200 * MS, 1),
            (a, b) -> { }, (at, ns) -> counted[0]++);
        assertEquals(shortRun.transactions() + longRun.transactions(), counted[0]);
        assertTrue(longRun.transactions() > 9 * shortRun.transactions(), longRun.transactions() + " requests");
        assertEquals(0, shortRun.latencyNs().length);
        assertEquals(0, longRun.latencyNs().length);
        // what the simulation holds at the end does not grow with the run: the same pending events
        assertEquals(shortRun.counters().get("sim.pending_at_end"), longRun.counters().get("sim.pending_at_end"));
    }
}
