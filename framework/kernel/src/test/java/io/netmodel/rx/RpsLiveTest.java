package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * Live traffic reads RX queue 0's {@code rps_cpus} as the mount shows it now: a write during the
 * traffic steers the next packets (virtual time, advanced by hand).
 */
class RpsLiveTest {
    private static final long MS = 1_000_000;

    private final Host live = Host.with("6.19", 2, TinyDriver.plain());
    private final LiveTraffic traffic = new LiveTraffic(live.kernel);

    @Test
    void writing_rps_cpus_under_live_traffic_steers_the_next_packets() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(100 * MS);
        assertEquals(0, live.kernel.softnet(1).receivedRps);
        int processedOn0 = live.kernel.softnet(0).processed;
        assertTrue(processedOn0 > 1000, "the IRQ's CPU took them up the stack: " + processedOn0);

        live.write("/sys/class/net/eth0/queues/rx-0/rps_cpus", "2\n");
        traffic.advanceForTest(200 * MS);
        int steered = live.kernel.softnet(1).processed;
        assertTrue(steered > 1000, "CPU 1's backlog took the rest: " + steered);
        assertTrue(live.read("/proc/interrupts").matches("(?s).*\\nCAL: +0 +" + steered + " .*"), live.read("/proc/interrupts"));
        assertEquals(steered, live.kernel.softnet(1).receivedRps, "one IPI per packet at 20k/s");
        assertTrue(live.kernel.softnet(0).processed - processedOn0 <= 1, "at most the packet in flight at the write");

        live.write("/sys/class/net/eth0/queues/rx-0/rps_cpus", "0\n");
        traffic.advanceForTest(300 * MS);
        assertTrue(live.kernel.softnet(0).processed - processedOn0 > 1000, "off again: back on CPU 0");
        assertTrue(live.kernel.softnet(1).processed - steered <= 1);
        assertTrue(traffic.status().socket().received() > 5000, traffic.status().toString());
    }
}
