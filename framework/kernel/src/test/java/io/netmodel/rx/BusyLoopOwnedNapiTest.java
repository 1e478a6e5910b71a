package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * A busy loop that finds its NAPI owned ({@code NAPIF_STATE_SCHED}: the softirq polls it after an
 * IRQ) takes it as soon as it is released, as {@code napi_busy_loop}'s next iteration would, on
 * virtual time: 100K frames/s (Poisson) on 6.19, eth0's IRQ on CPU 0, a reader on CPU 1 spinning
 * on {@code recvfrom(MSG_DONTWAIT)} with {@code SO_BUSY_POLL} 50.
 */
class BusyLoopOwnedNapiTest {
    @Test
    void a_spinning_reader_takes_the_napi_the_softirq_releases() throws Exception {
        Host live = Host.with("6.19", 2, TinyDriver.plain());
        LiveTraffic traffic = new LiveTraffic(live.kernel);
        traffic.begin(new TrafficRequest(100_000, 64, true, 1, 50, 1, 1, true));
        traffic.advanceForTest(300_000_000L);
        TrafficStatus s = traffic.status();
        long softirqFrames = Long.parseLong(live.read("/proc/net/softnet_stat").split(" ")[0], 16);
        // only frames that land while the reader is between loops (reading, in its syscall) raise
        // the IRQ; when the reader retried only after its next datagram, three times as many went
        // through the softirq (2568 of 29880)
        assertTrue(softirqFrames * 20 < s.arrived(),
            softirqFrames + " frames polled by CPU 0's softirq: " + s.arrived() + " arrived, " + s.socket());
        assertTrue(s.delivered() == s.arrived(), "nothing lost: " + s.socket());
    }
}
