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

    /**
     * RFS under live traffic: a connected reader on CPU 1 (the default, the last CPU) records its
     * flow at each recvfrom, so with both tables set the packets go up the stack on CPU 1 without
     * rps_cpus; an unconnected one records nothing and they stay on the IRQ's CPU 0.
     */
    @Test
    void rfs_steers_a_connected_readers_flow_to_its_cpu_and_leaves_an_unconnected_one() throws Exception {
        live.write("/proc/sys/net/core/rps_sock_flow_entries", "4096\n");
        live.write("/sys/class/net/eth0/queues/rx-0/rps_flow_cnt", "256\n");
        traffic.begin(new TrafficRequest(20_000, 64, false, 1, TrafficRequest.SYSCTL_BUSY_READ,
            TrafficRequest.DEFAULT_CPU, 1, false, true));
        traffic.advanceForTest(100 * MS);
        int steered = live.kernel.softnet(1).processed;
        assertTrue(steered > 1900, "CPU 1, the reader's, took them up the stack: " + steered);
        assertTrue(live.kernel.softnet(0).processed <= 1, "only the first, before any recvfrom recorded the flow");
        assertEquals(steered, live.kernel.softnet(1).receivedRps);
        traffic.stop();

        Host other = Host.with("6.19", 2, TinyDriver.plain());
        other.write("/proc/sys/net/core/rps_sock_flow_entries", "4096\n");
        other.write("/sys/class/net/eth0/queues/rx-0/rps_flow_cnt", "256\n");
        LiveTraffic unconnected = new LiveTraffic(other.kernel);
        unconnected.begin(new TrafficRequest(20_000, 64, false, 1));
        unconnected.advanceForTest(100 * MS);
        assertEquals(0, other.kernel.softnet(1).receivedRps);
        assertTrue(other.kernel.softnet(0).processed > 1900, "on the IRQ's CPU: " + other.kernel.softnet(0).processed);
    }

    @Test
    void connect_takes_one_flow() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new TrafficRequest(20_000, 64, false, 1, -1, -1, 2, false, true));
        assertEquals("--connect takes one flow: a connected UDP socket receives from its peer only (got --flows 2)",
            e.getMessage());
    }
}
