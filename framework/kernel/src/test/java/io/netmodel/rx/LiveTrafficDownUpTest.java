package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.OpenStopDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ip link set eth0 down} under {@code netmodel traffic}, then {@code up}, advanced by hand:
 * the stopped NIC receives nothing (no arrivals, no {@code rx_packets}), what was in its RX ring is
 * dropped and said in the kernel log, the traffic keeps running and is received again after the up,
 * also when the driver made a new NAPI at {@code ndo_open} (mlx4_en, idpf).
 */
class LiveTrafficDownUpTest {
    private static final long MS = 1_000_000;

    @ParameterizedTest(name = "driver that {0} its NAPI at open")
    @ValueSource(strings = {"keeps", "recreates"})
    void traffic_stops_at_down_and_flows_again_after_up(String shape) throws Exception {
        OpenStopDriver drv = shape.equals("keeps") ? OpenStopDriver.keeping() : OpenStopDriver.recreating();
        Host h = Host.with("6.18", 2, 1, drv);
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        h.write("/sys/class/net/eth0/gro_flush_timeout", "1000000\n"); // frames wait up to 1 ms for a poll
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1));
        t.advanceForTest(5 * MS + 500_000);
        long arrivedUp = t.status().arrived();

        h.kernel.rtnl().setUp("eth0", false);
        t.advanceForTest(6 * MS);
        TrafficStatus down = t.status();
        assertTrue(down.running(), down.toString());
        assertTrue(down.dropped() > 0, "frames in the RX ring at ifdown: " + down);
        assertEquals(down.arrived(), down.delivered() + down.dropped(), down.toString());
        t.advanceForTest(20 * MS);
        assertEquals(down.arrived(), t.status().arrived(), "the stopped NIC receives nothing");
        assertTrue(arrivedUp > 0);
        assertTrue(h.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("netmodel traffic: eth0 is down: ")
            && l.contains("frame(s) in its RX ring dropped")), h.kernel.modules().dmesg().toString());

        h.kernel.rtnl().setUp("eth0", true);
        t.advanceForTest(30 * MS);
        TrafficStatus up = t.status();
        assertTrue(up.running(), up.toString());
        assertEquals(down.arrived() + 1000, up.arrived(), 2, "received again once up: 10 ms at 100k/s");
        assertTrue(up.delivered() > down.delivered(), up.toString());
        String upLine = h.kernel.modules().dmesg().stream().filter(l -> l.contains("netmodel traffic: eth0 is up: "))
            .findFirst().orElseThrow(() -> new AssertionError(h.kernel.modules().dmesg()));
        long notReceived = Long.parseLong(upLine.replaceAll(".*eth0 is up: (\\d+) frame\\(s\\) came while it was down"
            + " and were not received", "$1"));
        assertEquals(1450, notReceived, 1, "down from 5.5 ms to 20 ms at 100k frames/s: " + upLine);
        assertTrue(h.read("/proc/interrupts").contains(OpenStopDriver.IRQ_NAME));
    }
}
