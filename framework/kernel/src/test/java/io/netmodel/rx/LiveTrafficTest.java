package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * Traffic on the live kernel, advanced by hand (no pacing thread, no sleeping): the mount's
 * counters move, echoed knobs act at once, and a device removed under the traffic stops it
 * with its in-flight frames counted.
 */
class LiveTrafficTest {
    private static final long MS = 1_000_000;

    private final TinyDriver driver = TinyDriver.plain();
    private final Host live = Host.with("6.19", 2, driver);
    private final LiveTraffic traffic = new LiveTraffic(live.kernel);

    private long irqs() throws Exception {
        long n = 0;
        for (String line : live.read("/proc/interrupts").split("\n")) {
            if (line.contains(TinyDriver.IRQ_NAME)) {
                String[] f = line.trim().split("\\s+");
                n += Long.parseLong(f[1]) + Long.parseLong(f[2]);
            }
        }
        return n;
    }

    private long rxPackets() throws Exception {
        for (String line : live.read("/proc/net/dev").split("\n")) {
            if (line.trim().startsWith("eth0:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[1]);
            }
        }
        throw new AssertionError(live.read("/proc/net/dev"));
    }

    @Test
    void the_mounts_counters_move_with_the_traffic() throws Exception {
        traffic.begin(new TrafficRequest(100_000, 64, false, 1));
        traffic.advanceForTest(10 * MS);
        TrafficStatus s = traffic.status();
        assertEquals(1000, s.arrived(), 1);
        assertTrue(s.delivered() >= s.arrived() - 2, s.toString());
        assertEquals(s.arrived(), rxPackets(), "/proc/net/dev");
        assertEquals(s.arrived(), irqs(), 2, "one interrupt per frame without deferral");
        String softnet = live.read("/proc/net/softnet_stat");
        assertFalse(softnet.startsWith("00000000 00000000") && softnet.contains("\n00000000 "), softnet);
    }

    @Test
    void a_knob_echoed_while_traffic_runs_acts_at_once() throws Exception {
        traffic.begin(new TrafficRequest(100_000, 64, false, 1));
        traffic.advanceForTest(10 * MS);
        long before = irqs();
        live.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        live.write("/sys/class/net/eth0/gro_flush_timeout", "50000\n");
        traffic.advanceForTest(20 * MS);
        assertTrue(irqs() - before < 10, "deferral keeps the IRQ masked: " + (irqs() - before) + " more interrupts");
        assertEquals(2000, traffic.status().arrived(), 1);
    }

    @Test
    void a_device_removed_under_the_traffic_drops_what_was_in_flight_and_a_new_one_receives_again() throws Exception {
        live.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        live.write("/sys/class/net/eth0/gro_flush_timeout", "1000000\n"); // frames wait up to 1 ms for a poll
        traffic.begin(new TrafficRequest(100_000, 64, false, 1, TrafficRequest.SYSCTL_BUSY_READ,
            TrafficRequest.DEFAULT_CPU, 1, false, true)); // connected: every packet marks the socket
        traffic.advanceForTest(5 * MS + 500_000);
        live.kernel.modules().driverGone(driver); // rmmod -f
        traffic.advanceForTest(6 * MS);
        TrafficStatus s = traffic.status();
        assertTrue(s.running(), "the socket stays; the sender goes on");
        assertTrue(s.dropped() > 0, s.toString());
        assertEquals(s.arrived(), s.delivered() + s.dropped(), s.toString());
        assertEquals(50, s.lost(), 1, "0.5 ms without an eth0 at 100K frames/s");
        assertTrue(live.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("eth0 went away with")
            && l.contains("frame(s) in flight: dropped")));
        int oldId = s.socket().skNapiId();
        assertTrue(oldId > 0 && !s.socket().napiLive(), "the socket keeps the gone NAPI's id: " + s.socket());

        live.kernel.modules().driverAppeared(driver); // modprobe: a new eth0, a fresh NAPI id
        traffic.advanceForTest(8 * MS);
        TrafficStatus back = traffic.status();
        assertEquals(back.arrived(), back.delivered() + back.dropped(), 1, back.toString());
        int newId = back.socket().skNapiId();
        assertTrue(newId > oldId && back.socket().napiLive(), "marked by the new NAPI: " + back.socket());
        assertTrue(live.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("receives again, through NAPI "
            + newId)));
        assertEquals(back.delivered(), back.socket().received(), 2, "the thread read what was delivered");
    }

    @Test
    void a_queue_rebuild_under_the_traffic_drops_what_was_in_flight_and_goes_on_through_the_new_napi()
            throws Exception {
        io.netmodel.testkit.ConfigNapiDriver cfg = new io.netmodel.testkit.ConfigNapiDriver(2, true);
        Host h = Host.with("6.19", 2, 2, cfg);
        LiveTraffic t = new LiveTraffic(h.kernel);
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        h.write("/sys/class/net/eth0/gro_flush_timeout", "1000000\n");
        t.begin(new TrafficRequest(100_000, 64, false, 1));
        t.advanceForTest(5 * MS + 500_000);
        cfg.setQueues(2); // same ids (napi_config), but new NAPIs
        t.advanceForTest(6 * MS);
        TrafficStatus s = t.status();
        assertTrue(s.running());
        assertTrue(s.dropped() > 0, s.toString());
        assertEquals(0, s.lost(), "the device never went away");
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "0\n"); // nothing waits in the ring any more
        t.advanceForTest(8 * MS);
        s = t.status();
        assertEquals(s.arrived(), s.delivered() + s.dropped(), 1, s.toString());
        assertTrue(h.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("eth0's NAPI 257 was deleted with")));
        int q = (RxHash.software(0) & 127) % 2; // no RSS key: the software hash, the default spread over two queues
        assertEquals(257 + q, s.socket().skNapiId(), "the one flow's hash picks RX queue " + q + ", whose NAPI marks the socket");
        assertTrue(s.socket().napiLive(), "napi_config gave the new NAPI the same id");
    }

    @Test
    void a_device_taken_down_loses_the_frames_sent_meanwhile_and_receives_again_when_up() throws Exception {
        traffic.begin(new TrafficRequest(100_000, 64, false, 1));
        traffic.advanceForTest(5 * MS);
        live.kernel.rtnl().setUp("eth0", false);
        traffic.advanceForTest(7 * MS);
        assertEquals(200, traffic.status().lost(), 1);
        long arrived = traffic.status().arrived();
        live.kernel.rtnl().setUp("eth0", true);
        traffic.advanceForTest(9 * MS);
        TrafficStatus s = traffic.status();
        assertEquals(arrived + 200, s.arrived(), 1);
        assertTrue(live.kernel.modules().dmesg().stream().anyMatch(l -> l.contains("eth0 went down with")));
    }

    @Test
    void one_stream_at_a_time_and_only_with_an_eth0() {
        traffic.begin(new TrafficRequest(1000, 64, true, 1));
        assertThrows(IllegalStateException.class, () -> traffic.begin(new TrafficRequest(1000, 64, true, 1)));
        traffic.stop();
        LiveTraffic bare = new LiveTraffic(Host.bare("6.19").kernel);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> bare.begin(new TrafficRequest(1000, 64, true, 1)));
        assertTrue(e.getMessage().contains("modprobe"), e.getMessage());
    }
}
