package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.cpu.Softirq;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.RssTableOps;
import org.junit.jupiter.api.Test;

/**
 * Live traffic of several flows on a multi-queue eth0: RSS spreads the flows over the RX queues
 * in use by their hashes (the software hash without an RSS key, the Toeplitz hash of the fields
 * the NIC reads with one: predicted here from the tuples through the verified {@link Toeplitz}), each queue's interrupt and NAPI take their share, and NAPIs whose interrupts share a
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

    /**
     * The queue RSS puts each of {@code flows} flows on, predicted from their hashes: entry
     * {@code hash mod size} of {@code indir} (the hash's low bits), or without a table the device's
     * default spread, entry {@code hash & 127} of a 128-entry {@code i % n} table.
     */
    private static int[] queues(int[] hashes, int[] indir, int n) {
        int[] q = new int[hashes.length];
        for (int f = 0; f < hashes.length; f++) {
            q[f] = indir == null ? (hashes[f] & 127) % n : indir[hashes[f] & (indir.length - 1)];
        }
        return q;
    }

    /** How many of the flows each of {@code n} queues takes. */
    private static int[] flowsPerQueue(int[] queueOfFlow, int n) {
        int[] c = new int[n];
        for (int q : queueOfFlow) {
            c[q]++;
        }
        return c;
    }

    /** The software hashes of flows 0 .. n-1 (no RSS key on the device). */
    private static int[] softwareHashes(int n) {
        int[] h = new int[n];
        for (int f = 0; f < n; f++) {
            h[f] = RxHash.software(f);
        }
        return h;
    }

    /** The Toeplitz hashes of flows 0 .. n-1 under {@code key}, of their addresses and, with {@code ports}, ports. */
    private static int[] toeplitzHashes(byte[] key, int n, boolean ports) {
        int[] h = new int[n];
        for (int f = 0; f < n; f++) {
            h[f] = Toeplitz.hash(key, LiveFlows.rssInput(f, ports));
        }
        return h;
    }

    /**
     * Flows send in turn, so each queue's share of the frames is the share of the flows its hash
     * gives it (within one frame per flow), and a queue no flow hashes to gets nothing, not even
     * an interrupt: RSS by the flows' hashes is uneven, unlike a round-robin.
     */
    private static void assertFramesFollowFlows(Host h, TrafficStatus s, int[] perQueue, int flows) throws Exception {
        var eth0 = h.kernel.netdevs().byName("eth0");
        for (int q = 0; q < perQueue.length; q++) {
            double expected = (double) s.arrived() * perQueue[q] / flows;
            assertEquals(expected, s.rxQueueFrames().get(q), perQueue[q], "queue " + q + " of " + java.util.Arrays.toString(perQueue)
                + ": " + s.rxQueueFrames());
            if (perQueue[q] == 0) {
                assertEquals(0, irqs(h, q), "queue " + q + " has no flow");
                assertEquals(0, eth0.rxQueuePackets(q));
            }
        }
    }

    @Test
    void eight_flows_land_on_the_queues_their_software_hashes_pick() throws Exception {
        Host h = Host.with("6.19", 2, 4, new ConfigNapiDriver(4, false));
        TrafficStatus s = run(h, 8, 100_000, 10);
        assertEquals(s.arrived(), s.delivered(), 2, s.toString());
        int[] perQueue = flowsPerQueue(queues(softwareHashes(8), null, 4), 4);
        assertFramesFollowFlows(h, s, perQueue, 8);
        var eth0 = h.kernel.netdevs().byName("eth0");
        long packets = 0;
        for (int q = 0; q < 4; q++) {
            assertEquals(0, eth0.rxQueueBytes(q) % 64, "64-byte frames");
            packets += eth0.rxQueuePackets(q);
            if (perQueue[q] > 0) {
                assertTrue(irqs(h, q) > 100 * perQueue[q], "queue " + q + " took " + irqs(h, q) + " interrupts");
            }
        }
        assertEquals(s.delivered(), packets, "the rings' packets add up to what the polls delivered");
        assertEquals(0, eth0.rxQueuePackets(4), "a queue beyond those in use");
        assertEquals(4, s.rxQueueFrames().size(), "the status shows RSS's spread");
        assertEquals(s.arrived(), s.rxQueueFrames().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void one_flow_stays_on_one_queue() throws Exception {
        Host h = Host.with("6.19", 2, 4, new ConfigNapiDriver(4, false));
        run(h, 1, 100_000, 10);
        int q = queues(softwareHashes(1), null, 4)[0];
        for (int i = 0; i < 4; i++) {
            if (i == q) {
                assertTrue(irqs(h, i) > 900, "flow 0 hashes to queue " + q + ": " + irqs(h, i));
            } else {
                assertEquals(0, irqs(h, i), "queue " + i);
            }
        }
    }

    /** A 4-queue NIC on 6.19 whose ethtool ops hold a 128-entry table and the kernel's key. */
    private record RssNic(Host host, RssTableOps ops) { }

    /** {@link RssNic} with its ops configured by {@code how} (4-tuple hashing, a hidden key). */
    private static RssNic rssNic(java.util.function.UnaryOperator<RssTableOps> how) throws Exception {
        ConfigNapiDriver cfg = new ConfigNapiDriver(4, false);
        Host h = Host.with("6.19", 2, 4, cfg);
        RssTableOps ops = how.apply(new RssTableOps(cfg, 4, 4, 128));
        cfg.dev.setEthtoolOps(ops);
        return new RssNic(h, ops);
    }

    /**
     * A NIC that hashes UDP on the IP addresses only (ixgbe's and igb's default): the flows differ
     * only in their source ports, so all of them have one hash and one queue.
     */
    @Test
    void a_nic_hashing_udp_on_the_addresses_puts_every_flow_on_one_queue() throws Exception {
        RssNic nic = rssNic(o -> o);
        Host h = nic.host();
        RssTableOps ops = nic.ops();
        TrafficStatus s = run(h, 8, 100_000, 10);
        int[] perQueue = flowsPerQueue(queues(toeplitzHashes(ops.getRxfh().key(), 8, false), ops.getRxfh().indir(), 4), 4);
        assertEquals(1, java.util.Arrays.stream(perQueue).filter(n -> n > 0).count(), java.util.Arrays.toString(perQueue));
        assertFramesFollowFlows(h, s, perQueue, 8);
    }

    /**
     * A driver that reports no key (igb through 6.19: no {@code get_rxfh_key_size}) still has
     * its NIC hash with the key it wrote: the flows follow that key's Toeplitz hashes, not the
     * stack's software hash.
     */
    @Test
    void a_nic_whose_driver_hides_its_key_still_hashes_with_it() throws Exception {
        RssNic nic = rssNic(o -> o.udp4Tuple().keyHidden());
        Host h = nic.host();
        RssTableOps ops = nic.ops();
        assertEquals(0, ops.getRxfh().key().length);
        TrafficStatus s = run(h, 8, 100_000, 10);
        int[] perQueue = flowsPerQueue(queues(toeplitzHashes(ops.rssHashKey(), 8, true), ops.getRxfh().indir(), 4), 4);
        assertFramesFollowFlows(h, s, perQueue, 8);
    }

    /** On the 4-tuple, the Toeplitz hashes of the source ports spread the flows, unevenly. */
    @Test
    void a_nic_hashing_the_4_tuple_spreads_the_flows_by_their_toeplitz_hashes() throws Exception {
        RssNic nic = rssNic(o -> o.udp4Tuple());
        Host h = nic.host();
        RssTableOps ops = nic.ops();
        TrafficStatus s = run(h, 8, 100_000, 10);
        int[] perQueue = flowsPerQueue(queues(toeplitzHashes(ops.getRxfh().key(), 8, true), ops.getRxfh().indir(), 4), 4);
        assertFramesFollowFlows(h, s, perQueue, 8);
    }

    /** {@code ethtool -X eth0 hkey ...} while traffic runs: from the next slice the flows follow the new key. */
    @Test
    void ethtool_X_hkey_moves_the_flows_at_the_next_slice() throws Exception {
        RssNic nic = rssNic(o -> o.udp4Tuple());
        Host h = nic.host();
        RssTableOps ops = nic.ops();
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1, 0, 1, 16));
        t.advanceForTest(5 * MS);
        byte[] key = new byte[40];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0x6d + 7 * i);
        }
        int[] indir = ops.getRxfh().indir();
        int[] before = flowsPerQueue(queues(toeplitzHashes(ops.getRxfh().key(), 16, true), indir, 4), 4);
        int[] after = flowsPerQueue(queues(toeplitzHashes(key, 16, true), indir, 4), 4);
        assertTrue(!java.util.Arrays.equals(before, after), "the test's key moves flows: " + java.util.Arrays.toString(before));
        long[] base = t.status().rxQueueFrames().stream().mapToLong(Long::longValue).toArray();
        long arrivedBase = t.status().arrived();
        h.kernel.ethtool().setRxfh("eth0", null, key);
        assertTrue(java.util.Arrays.equals(key, h.kernel.ethtool().getRxfh("eth0").key()), "-x shows the new key");
        t.advanceForTest(15 * MS);
        TrafficStatus s = t.status();
        long n = s.arrived() - arrivedBase;
        for (int q = 0; q < 4; q++) {
            assertEquals((double) n * after[q] / 16, s.rxQueueFrames().get(q) - base[q], after[q] + 1,
                "queue " + q + " under the new key " + java.util.Arrays.toString(after));
        }
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
        RssNic nic = rssNic(o -> o.udp4Tuple());
        Host h = nic.host();
        RssTableOps ops = nic.ops();
        int[] perQueue = flowsPerQueue(queues(toeplitzHashes(ops.getRxfh().key(), 8, true), ops.getRxfh().indir(), 4), 4);
        int busy = 1;
        while (busy < 4 && perQueue[busy] == 0) {
            busy++;
        }
        assertTrue(busy < 4, "some flow hashes to a queue other than 0: " + java.util.Arrays.toString(perQueue));
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(100_000, 64, false, 1, 0, 1, 8));
        t.advanceForTest(2 * MS);
        assertTrue(irqs(h, busy) > 10, "spread before -X: " + irqs(h, busy));
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
        long qb = irqs(h, busy);
        t.advanceForTest(17 * MS);
        assertTrue(irqs(h, busy) - qb > 50, "-X default spreads again");
    }

    /**
     * Six queues whose interrupts all land on CPU 0 (the default affinity), each poll using its
     * whole weight: 6 x 64 > netdev_budget (300), so a run is cut after its fifth poll and
     * {@code time_squeeze} counts; with one queue the same load never spends the budget.
     */
    @Test
    void napis_sharing_a_cpu_share_netdev_budget() throws Exception {
        int[] perQueue = flowsPerQueue(queues(softwareHashes(24), null, 6), 6);
        assertTrue(java.util.Arrays.stream(perQueue).allMatch(n -> n > 0), "24 flows reach all six queues: "
            + java.util.Arrays.toString(perQueue));
        Host six = Host.with("6.19", 2, 6, new ConfigNapiDriver(6, false));
        run(six, 24, 3_000_000, 5);
        Host one = Host.with("6.19", 2, 6, new ConfigNapiDriver(1, false));
        run(one, 24, 3_000_000, 5);
        long squeezedSix = six.kernel.softnet(0).timeSqueeze;
        long squeezedOne = one.kernel.softnet(0).timeSqueeze;
        assertEquals(0, squeezedOne, "one NAPI: 64 a poll never spends 300");
        assertTrue(squeezedSix > 20, "six NAPIs on CPU 0: runs cut by the budget: " + squeezedSix);
        assertTrue(six.kernel.cpus().cpu(0).softirqs[Softirq.NET_RX.ordinal()] > 0);
    }
}
