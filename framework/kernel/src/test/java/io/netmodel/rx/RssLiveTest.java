package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.cpu.Softirq;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.Test;

/**
 * Live traffic of several flows on a multi-queue eth0: RSS spreads the flows over the RX queues
 * in use, each queue's interrupt and NAPI take their share, and NAPIs whose interrupts share a
 * CPU share that CPU's {@code net_rx_action} budget ({@link PollList}).
 */
class RssLiveTest {
    private static final long MS = 1_000_000;

    /** Interrupts of queue {@code q}'s vector ({@code cfgnet-TxRx-q}), all CPUs. */
    private static long irqs(Host h, int q) throws Exception {
        for (String line : h.read("/proc/interrupts").split("\n")) {
            if (line.endsWith("cfgnet-TxRx-" + q)) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]);
            }
        }
        throw new AssertionError("no cfgnet-TxRx-" + q + " in /proc/interrupts");
    }

    private static TrafficStatus run(Host h, int flows, double pps, long ms) {
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(pps, 64, false, 1, 0, 1, flows));
        t.advanceForTest(ms * MS);
        return t.status();
    }

    @Test
    void eight_flows_spread_over_four_queues_each_with_its_interrupt() throws Exception {
        Host h = Host.with("6.19", 2, 4, new ConfigNapiDriver(4, false));
        TrafficStatus s = run(h, 8, 100_000, 10);
        assertEquals(s.arrived(), s.delivered(), 2, s.toString());
        long total = 0;
        for (int q = 0; q < 4; q++) {
            long n = irqs(h, q);
            assertTrue(n > 100, "queue " + q + " took " + n + " interrupts");
            total += n;
        }
        assertTrue(total > 900, "four queues, ~1000 frames, an interrupt each at this rate: " + total);
        var eth0 = h.kernel.netdevs().byName("eth0");
        long packets = 0;
        for (int q = 0; q < 4; q++) {
            assertTrue(eth0.rxQueuePackets(q) > 200, "rx_queue_" + q + "_packets " + eth0.rxQueuePackets(q));
            assertEquals(0, eth0.rxQueueBytes(q) % 64, "64-byte frames");
            packets += eth0.rxQueuePackets(q);
        }
        assertEquals(s.delivered(), packets, "the rings' packets add up to what the polls delivered");
        assertEquals(0, eth0.rxQueuePackets(4), "a queue beyond those in use");
        assertEquals(4, s.rxQueueFrames().size(), "the status shows RSS's spread");
        assertEquals(s.arrived(), s.rxQueueFrames().stream().mapToLong(Long::longValue).sum());
        for (long n : s.rxQueueFrames()) {
            assertEquals(s.arrived() / 4.0, n, 2, s.rxQueueFrames().toString());
        }
    }

    @Test
    void one_flow_stays_on_one_queue() throws Exception {
        Host h = Host.with("6.19", 2, 4, new ConfigNapiDriver(4, false));
        run(h, 1, 100_000, 10);
        assertTrue(irqs(h, 0) > 900, "Rps.FLOW_HASH is entry 0 of the table: queue 0");
        assertEquals(0, irqs(h, 1));
        assertEquals(0, irqs(h, 2));
        assertEquals(0, irqs(h, 3));
    }

    @Test
    void after_ethtool_L_the_flows_spread_over_the_new_queue_count() throws Exception {
        ConfigNapiDriver cfg = new ConfigNapiDriver(4, true);
        Host h = Host.with("6.19", 2, 4, cfg);
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1, 0, 1, 8));
        t.advanceForTest(2 * MS);
        cfg.setQueues(2);
        long before2 = irqs(h, 0) + irqs(h, 1); // new vectors: counted from the rebuild
        t.advanceForTest(12 * MS);
        assertTrue(irqs(h, 0) + irqs(h, 1) - before2 > 900, "two queues take it all");
        TrafficStatus s = t.status();
        assertEquals(s.arrived(), s.delivered() + s.dropped(), 2, s.toString());
    }

    /**
     * {@code ethtool -X eth0 weight 1 0 0 0} while traffic runs: the device's table is read per
     * frame, so after it every flow lands on queue 0; {@code -X default} spreads them again.
     */
    @Test
    void ethtool_X_weight_1_0_0_0_sends_every_flow_to_queue_0() throws Exception {
        ConfigNapiDriver cfg = new ConfigNapiDriver(4, false);
        Host h = Host.with("6.19", 2, 4, cfg);
        cfg.dev.setEthtoolOps(new io.netmodel.testkit.RssTableOps(cfg, 4, 4, 128));
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1, 0, 1, 8));
        t.advanceForTest(2 * MS);
        assertTrue(irqs(h, 1) > 20, "spread before -X: " + irqs(h, 1));
        h.kernel.ethtool().setRxfhIndir("eth0", new int[128]); // weight 1 0 0 0: every entry 0
        long[] before = new long[4];
        for (int q = 0; q < 4; q++) {
            before[q] = irqs(h, q);
        }
        t.advanceForTest(12 * MS); // until 12 ms of simulated time
        assertTrue(irqs(h, 0) - before[0] > 700, "queue 0 takes every flow (~1000 frames, some polls take two): " + java.util.Arrays.toString(before) + " -> " + irqs(h, 0) + "," + irqs(h, 1) + "," + irqs(h, 2) + "," + irqs(h, 3));
        for (int q = 1; q < 4; q++) {
            assertTrue(irqs(h, q) - before[q] <= 1, "queue " + q + " after -X: " + (irqs(h, q) - before[q]));
        }
        h.kernel.ethtool().setRxfhIndir("eth0", new int[0]);
        long q3 = irqs(h, 3);
        t.advanceForTest(17 * MS);
        assertTrue(irqs(h, 3) - q3 > 100, "-X default spreads again");
    }

    /**
     * Six queues whose interrupts all land on CPU 0 (the default affinity), each poll using its
     * whole weight: 6 x 64 > netdev_budget (300), so a run is cut after its fifth poll and
     * {@code time_squeeze} counts; with one queue the same load never spends the budget.
     */
    @Test
    void napis_sharing_a_cpu_share_netdev_budget() throws Exception {
        Host six = Host.with("6.19", 2, 6, new ConfigNapiDriver(6, false));
        run(six, 12, 3_000_000, 5);
        Host one = Host.with("6.19", 2, 6, new ConfigNapiDriver(1, false));
        run(one, 12, 3_000_000, 5);
        long squeezedSix = six.kernel.softnet(0).timeSqueeze;
        long squeezedOne = one.kernel.softnet(0).timeSqueeze;
        assertEquals(0, squeezedOne, "one NAPI: 64 a poll never spends 300");
        assertTrue(squeezedSix > 20, "six NAPIs on CPU 0: runs cut by the budget: " + squeezedSix);
        assertTrue(six.kernel.cpus().cpu(0).softirqs[Softirq.NET_RX.ordinal()] > 0);
    }
}
