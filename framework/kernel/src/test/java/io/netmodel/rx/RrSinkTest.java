package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.UdpRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * tcp_rr, udp_rr and epoll_rr handing their samples to a sink (on virtual time), as xsk_rr does
 * ({@link XskRrSinkTest}): the samples the result of a run that keeps them would carry, with
 * times inside the measured part that never go back, and a result that keeps none.
 */
class RrSinkTest {
    private static final long MS = 1_000_000;

    private static BenchServiceImpl service() {
        TinyDriver d = TinyDriver.plain();
        return new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(), () -> List.of(d),
            () -> null);
    }

    private static final class Recorded implements LatencySink {
        final Samples latencies = new Samples();
        long first = -1;
        long last = Long.MIN_VALUE;
        boolean ordered = true;

        @Override
        public void sample(long atNs, long latencyNs) {
            ordered &= atNs >= last;
            first = first < 0 ? atNs : first;
            last = atNs;
            latencies.add(latencyNs);
        }
    }

    private static void sameSamples(String what, BenchResult kept, BiFunction<BenchServiceImpl, LatencySink, BenchResult> run,
                                    long durationNs) {
        Recorded sink = new Recorded();
        BenchResult streamed = run.apply(service(), sink);
        assertTrue(kept.latencyNs().length > 100, what + ": a run with samples");
        assertArrayEquals(kept.latencyNs(), sink.latencies.toArray(), what);
        assertEquals(0, streamed.latencyNs().length, what + ": the result keeps no samples");
        assertEquals(kept.transactions(), streamed.transactions(), what);
        assertEquals(kept.counters(), streamed.counters(), what);
        assertTrue(sink.ordered && sink.first >= 0 && sink.last < durationNs, what + ": times in the measured part");
    }

    @Test
    void tcp_rr_udp_rr_and_epoll_rr_stream_the_samples_they_would_keep() {
        TcpRrRequest tcp = new TcpRrRequest(50, 50, 20 * MS, 2);
        sameSamples("tcp_rr", service().tcpRr(tcp, (a, b) -> { }), (s, sink) -> s.tcpRr(tcp, (a, b) -> { }, sink), 20 * MS);
        UdpRrRequest udp = new UdpRrRequest(0, 0, 20 * MS, 2);
        sameSamples("udp_rr", service().udpRr(udp, (a, b) -> { }), (s, sink) -> s.udpRr(udp, (a, b) -> { }, sink), 20 * MS);
        EpollRrRequest epoll = new EpollRrRequest(20_000, 5_000, 0, 0, false, 0, 0, 0, 20 * MS, 2);
        sameSamples("epoll_rr", service().epollRr(epoll, (a, b) -> { }), (s, sink) -> s.epollRr(epoll, (a, b) -> { }, sink),
            20 * MS);
    }
}
