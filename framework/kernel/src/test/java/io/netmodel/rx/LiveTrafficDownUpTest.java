package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.OpenStopDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ip link set eth0 down} under {@code netmodel traffic}, then {@code up}, advanced by hand,
 * with a driver that has {@code ndo_open}/{@code ndo_stop}: at the down its {@code ndo_stop} frees
 * the IRQ and disables (or deletes) the NAPI; the traffic drops what was in flight, loses what is
 * sent while the device is down, and receives again after the up through the NAPI the driver has
 * then: on 6.18 a NAPI without config comes back under a new id (napi_hash_add at napi_enable), one
 * re-added with its config under the old one, and the socket follows.
 */
class LiveTrafficDownUpTest {
    private static final long MS = 1_000_000;

    @ParameterizedTest(name = "driver that {0} its NAPI at open: id {1} after the up")
    @CsvSource({"keeps, 258", "recreates, 257"})
    void traffic_stops_at_down_and_flows_again_after_up(String shape, int idAfterUp) throws Exception {
        OpenStopDriver drv = shape.equals("keeps") ? OpenStopDriver.keeping() : OpenStopDriver.recreating();
        Host h = Host.with("6.18", 2, 1, drv);
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        h.write("/sys/class/net/eth0/gro_flush_timeout", "1000000\n"); // frames wait up to 1 ms for a poll
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1, TrafficRequest.SYSCTL_BUSY_READ,
            TrafficRequest.DEFAULT_CPU, 1, false, true)); // connected: every packet marks the socket
        t.advanceForTest(5 * MS + 500_000);
        assertEquals(257, t.status().socket().skNapiId());

        h.kernel.rtnl().setUp("eth0", false);
        assertFalse(h.read("/proc/interrupts").contains(OpenStopDriver.IRQ_NAME), "ndo_stop freed the IRQ");
        t.advanceForTest(6 * MS);
        TrafficStatus down = t.status();
        assertTrue(down.running(), down.toString());
        assertTrue(down.dropped() > 0, "frames in the RX ring at the down: " + down);
        assertEquals(down.arrived(), down.delivered() + down.dropped(), down.toString());
        t.advanceForTest(20 * MS);
        assertEquals(down.arrived(), t.status().arrived(), "nothing reaches a device that is down");
        assertEquals(1450, t.status().lost(), 1, "sent from 5.5 ms to 20 ms at 100k frames/s");
        assertTrue(h.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("eth0 went down with")));

        h.kernel.rtnl().setUp("eth0", true);
        t.advanceForTest(30 * MS);
        TrafficStatus up = t.status();
        assertTrue(up.running(), up.toString());
        assertEquals(down.arrived() + 1000, up.arrived(), 2, "received again once up: 10 ms at 100k/s");
        assertEquals(idAfterUp, up.socket().skNapiId(), "the first packet marks the socket with the NAPI's id now");
        assertTrue(h.kernel.modules().dmesg().stream().anyMatch(l -> l.endsWith("receives again, through NAPI "
            + idAfterUp)), h.kernel.modules().dmesg().toString());
        assertTrue(h.read("/proc/interrupts").contains(OpenStopDriver.IRQ_NAME), "ndo_open requested it again");
    }
}
