package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel traffic} on a running model, through real processes: the counters a reader
 * of the model sees move, the socket's busy polling shows in {@code netmodel trace}, the driver
 * is in use while traffic runs, and {@code rmmod -f} takes the device away under it, counting
 * the frames in flight and leaving the socket with a NAPI id that no longer resolves until the
 * new device's packets mark it.
 */
@Timeout(120)
class TrafficIT {
    private static final Pattern RX_PACKETS = Pattern.compile("eth0: *\\d+ +(\\d+)");

    private static long rxPackets(RunningModel model) {
        Matcher m = RX_PACKETS.matcher(model.netmodel("cat", "/proc/net/dev").out());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static int skNapiId(RunningModel model) {
        Matcher m = Pattern.compile("\"sk_napi_id\": (\\d+)").matcher(model.netmodel("traffic", "status", "--json").out());
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void counters_move_the_module_is_in_use_and_rmmod_f_leaves_the_socket_on_a_gone_napi() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount")) {
            assertEquals("traffic: not started\n", model.netmodel("traffic", "status").out());
            assertEquals(0, model.netmodel("write", "/proc/sys/net/core/busy_read", "50").exit());
            Proc.Result start = model.netmodel("traffic", "start", "--rate", "20000", "--connect"); // each packet marks it
            assertEquals(0, start.exit(), start::toString);
            assertTrue(start.out().contains(", to a connected socket\n"), start::toString);
            String json = model.netmodel("traffic", "status", "--json").out();
            assertTrue(json.contains("\"rate_pps\": 20000,"), json); // a number, as every other field
            long first = rxPackets(model);
            RunningModel.waitFor(() -> rxPackets(model) > first);
            assertTrue(rxPackets(model) > first, "/proc/net/dev rx_packets moves");
            Proc.Result trace = model.netmodel("trace", "napi_busy_loop", "--count", "2", "--json", "--timeout", "10");
            assertEquals(2, trace.out().lines().filter(l -> l.startsWith("{\"probe\": \"napi_busy_loop\"")
                && l.contains("\"cpu\": 1") && l.contains("\"budget\": 8")).count(), trace::toString);
            int id = skNapiId(model);
            assertTrue(trace.out().contains("\"napi_id\": " + id), trace::toString);
            Proc.Result several = model.netmodel("trace", "napi_*", "net_rx_action", "--count", "20", "--json", "--timeout", "10");
            List<String> hits = several.out().lines().toList();
            assertEquals(20, hits.size(), several::toString);
            long last = 0;
            for (String h : hits) {
                Matcher t = Pattern.compile("\"time_ns\": (\\d+)").matcher(h);
                assertTrue(t.find(), h);
                assertTrue(Long.parseLong(t.group(1)) >= last, "one stream in the simulation's order: " + several.out());
                last = Long.parseLong(t.group(1));
            }
            assertTrue(hits.stream().map(h -> h.substring(0, h.indexOf(','))).distinct().count() >= 2,
                "the pattern armed several probes: " + several.out());

            Proc.Result busy = model.netmodel("rmmod", "virtio_net");
            assertEquals(1, busy.exit());
            assertEquals("rmmod: ERROR: Module virtio_net is in use\n", busy.err());
            assertEquals(0, model.netmodel("rmmod", "-f", "virtio_net").exit());
            RunningModel.waitFor(() -> model.netmodel("dmesg").out().contains("netmodel traffic: eth0 went away with"));
            String status = model.netmodel("traffic", "status").out();
            assertTrue(status.startsWith("traffic: running") && status.contains("sk_napi_id " + id
                + " (no such NAPI now: no busy polling until a packet marks a new one)"), status);

            assertEquals(0, model.netmodel("modprobe", "virtio_net").exit());
            RunningModel.waitFor(() -> skNapiId(model) != id);
            assertTrue(skNapiId(model) > id, "the new NAPI's packets marked the socket");
            assertTrue(model.netmodel("dmesg").out().contains("netmodel traffic: eth0 (ifindex"));
            assertEquals(0, model.netmodel("traffic", "stop").exit());
            assertEquals(2, model.netmodel("traffic", "frobnicate").exit());
            Proc.Result badCpu = model.netmodel("traffic", "start", "--cpu", "7");
            assertEquals(2, badCpu.exit(), badCpu::toString);
            assertTrue(badCpu.err().contains("--cpu 7: the host has CPUs 0 .. 1"), badCpu::toString);
            Proc.Result minusOne = model.netmodel("traffic", "start", "--cpu", "-1");
            assertEquals(2, minusOne.exit(), minusOne::toString);
            assertEquals("netmodel traffic: --cpu must be a CPU number, 0 or more, not -1\n", minusOne.err());
            Proc.Result busyMinusOne = model.netmodel("traffic", "start", "--busy-poll", "-1");
            assertEquals(2, busyMinusOne.exit(), busyMinusOne::toString);
            assertEquals("netmodel traffic: --busy-poll must be 0 .. 2147483647 us, not -1\n", busyMinusOne.err());
        }
    }

    /** Column {@code name} of the Udp value line of {@code /proc/net/snmp}, read with a real cat through the mount. */
    private static long udp(RunningModel model, String name) {
        Proc.Result cat = model.cat("proc/net/snmp");
        assertEquals(0, cat.exit(), cat::toString);
        List<String> lines = cat.out().lines().filter(l -> l.startsWith("Udp:")).toList();
        return Long.parseLong(lines.get(1).split(" ")[List.of(lines.get(0).split(" ")).indexOf(name)]);
    }

    /**
     * A small {@code rmem_default} and a reader on the IRQ's CPU: the socket drops at its receive
     * buffer, {@code traffic status} says so, and {@code /proc/net/snmp} through the mount counts
     * the same packets as RcvbufErrors.
     */
    @Test
    void a_reader_behind_the_traffic_drops_at_its_receive_buffer_and_proc_net_snmp_counts_it() throws Exception {
        try (RunningModel model = RunningModel.up()) {
            Proc.Result set = Proc.run(Map.of(), "sh", "-c", "echo 4608 > " + model.file("proc/sys/net/core/rmem_default"));
            assertEquals(0, set.exit(), set::toString);
            assertEquals(0, udp(model, "RcvbufErrors"));
            Proc.Result start = model.netmodel("traffic", "start", "--rate", "1000000", "--cpu", "0");
            assertEquals(0, start.exit(), start::toString);
            RunningModel.waitFor(() -> udp(model, "RcvbufErrors") > 0);
            assertTrue(udp(model, "RcvbufErrors") > 0, () -> model.cat("proc/net/snmp").out());
            Proc.Result stop = model.netmodel("traffic", "stop");
            assertEquals(0, stop.exit(), stop::toString);
            Matcher m = Pattern.compile("\n  rcvbuf: sk_rcvbuf 4608, sk_rmem_alloc \\d+, \\d+ queued, (\\d+) dropped "
                + "\\(buffer full\\)\n").matcher(stop.out());
            assertTrue(m.find(), stop::toString);
            long drops = Long.parseLong(m.group(1));
            assertEquals(drops, udp(model, "RcvbufErrors"), "sk_drops = RcvbufErrors");
            assertEquals(drops, udp(model, "InErrors"));
            assertTrue(model.netmodel("traffic", "status", "--json").out().contains("\"drops\": " + drops));
        }
    }

    /** Interrupts of each {@code eth0-TxRx-N} row of the mount's /proc/interrupts, read with a real cat. */
    private static long[] queueIrqs(RunningModel model, int queues) {
        Proc.Result cat = model.cat("proc/interrupts");
        long[] n = new long[queues];
        for (String line : cat.out().split("\n")) {
            Matcher m = Pattern.compile("^ *\\d+:((?: +\\d+)+) +PCI-MSIX.* eth0-TxRx-(\\d+)$").matcher(line);
            if (m.find()) {
                for (String c : m.group(1).trim().split(" +")) {
                    n[Integer.parseInt(m.group(2))] += Long.parseLong(c);
                }
            }
        }
        return n;
    }

    /** A 40-byte key for {@code ethtool -X hkey}, byte i = {@code first + 3 * i}. */
    static String key40(int first) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(i == 0 ? "" : ":").append(String.format("%02x", (first + 3 * i) & 0xff));
        }
        return b.toString();
    }

    /**
     * Eight flows over ixgbe's four queues: ixgbe hashes UDP on the IP addresses only, and the
     * flows differ only in their source ports, so RSS puts all of them on the one queue the
     * Toeplitz hash of 10.0.0.2 -> 10.0.0.1 under the key of {@code ethtool -x} picks; the other
     * queues' vectors stay at 0. {@code ethtool -X hkey} under traffic moves them to the queue the
     * new key picks.
     */
    @Test
    void rss_puts_the_flows_where_their_toeplitz_hash_says() throws Exception {
        try (RunningModel model = RunningModel.up("--cpus", "4", "--nic", "ixgbe", "--queues", "4")) {
            String x = model.netmodel("ethtool", "-x", "eth0").out();
            int[] indir = RssPredict.indir(x);
            int[] perQueue = RssPredict.flowsPerQueue(RssPredict.key(x), indir, false, 8, 4);
            int busy = java.util.stream.IntStream.range(0, 4).filter(q -> perQueue[q] > 0).findFirst().orElseThrow();
            assertEquals(8, perQueue[busy], "one hash for all: " + java.util.Arrays.toString(perQueue));
            assertEquals(0, model.netmodel("traffic", "start", "--rate", "20000", "--flows", "8").exit());
            RunningModel.waitFor(() -> queueIrqs(model, 4)[busy] > 100);
            long[] irqs = queueIrqs(model, 4);
            for (int q = 0; q < 4; q++) {
                if (q == busy) {
                    assertTrue(irqs[q] > 100, "eth0-TxRx-" + q + ": " + java.util.Arrays.toString(irqs));
                } else {
                    assertEquals(0, irqs[q], "eth0-TxRx-" + q + " has no flow: " + java.util.Arrays.toString(irqs));
                }
            }
            Proc.Result status = model.netmodel("traffic", "status", "--json");
            assertTrue(status.out().contains("\"flows\": 8"), status::toString);

            int first = 0;
            int moved = busy;
            while (moved == busy) {
                first++;
                int[] n = RssPredict.flowsPerQueue(java.util.HexFormat.ofDelimiter(":").parseHex(key40(first)), indir, false, 8, 4);
                moved = java.util.stream.IntStream.range(0, 4).filter(q -> n[q] > 0).findFirst().orElseThrow();
            }
            Proc.Result hkey = model.netmodel("ethtool", "-X", "eth0", "hkey", key40(first));
            assertEquals(0, hkey.exit(), hkey::toString);
            long before = queueIrqs(model, 4)[moved];
            int to = moved;
            RunningModel.waitFor(() -> queueIrqs(model, 4)[to] > before + 100);
            assertTrue(queueIrqs(model, 4)[moved] > before + 100, "the new key moves the flows to queue " + moved + ": "
                + java.util.Arrays.toString(queueIrqs(model, 4)));

            Proc.Result bad = model.netmodel("traffic", "stop");
            assertEquals(0, bad.exit());
            Proc.Result zero = model.netmodel("traffic", "start", "--flows", "0");
            assertEquals(2, zero.exit(), zero::toString);
            assertTrue(zero.err().contains("--flows must be 1 .. 65536"), zero::toString);
        }
    }

    /** e1000's ethtool -S takes its good-packet counters from what the receive path counted. */
    @Test
    void ethtool_statistics_climb_with_the_traffic() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount", "--nic", "e1000")) {
            Pattern rx = Pattern.compile("\\n +rx_packets: (\\d+)\\n");
            Matcher before = rx.matcher(model.netmodel("ethtool", "-S", "eth0").out());
            assertTrue(before.find());
            assertEquals("0", before.group(1));
            assertEquals(0, model.netmodel("traffic", "start", "--rate", "20000").exit());
            RunningModel.waitFor(() -> rxPackets(model) > 0);
            assertEquals(0, model.netmodel("traffic", "stop").exit());
            String stats = model.netmodel("ethtool", "-S", "eth0").out();
            Matcher after = rx.matcher(stats);
            assertTrue(after.find(), stats);
            assertEquals(rxPackets(model), Long.parseLong(after.group(1)), stats);
            assertTrue(Long.parseLong(after.group(1)) > 0, stats);
        }
    }
}
