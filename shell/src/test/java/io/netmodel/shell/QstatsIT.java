package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel ynl --dump qstats-get} through real processes on a running mlx4_en model (6.19,
 * {@code stat_ops} from 6.11) with live traffic: each RX ring's {@code rx-packets} grows while
 * eight flows run (on the rings their Toeplitz hashes pick), the device total is the rings' sum, and {@code ethtool -S} shows the same rings.
 */
@Timeout(120)
class QstatsIT {
    private static final Pattern QUEUE = Pattern.compile(
        "\\{\"ifindex\": 2, \"queue-type\": \"rx\", \"queue-id\": (\\d+), \"rx-packets\": (\\d+), \"rx-bytes\": (\\d+)}");

    /** Each RX queue's rx-packets from {@code ynl --output-json --dump qstats-get --json '{"scope": "queue"}'}. */
    private static long[] queuePackets(RunningModel model, int queues) {
        Proc.Result r = model.netmodel("ynl", "--family", "netdev", "--output-json", "--dump", "qstats-get", "--json",
            "{\"ifindex\": 2, \"scope\": \"queue\"}");
        assertEquals(0, r.exit(), r::toString);
        long[] n = new long[queues];
        Matcher m = QUEUE.matcher(r.out());
        int found = 0;
        while (m.find()) {
            n[Integer.parseInt(m.group(1))] = Long.parseLong(m.group(2));
            found++;
        }
        assertEquals(queues, found, r.out());
        return n;
    }

    @Test
    void per_queue_rx_packets_grow_under_traffic_and_sum_to_the_device() throws Exception {
        try (RunningModel model = RunningModel.up("--no-mount", "--cpus", "4", "--nic", "mlx4_en")) {
            assertEquals(0, Arrays.stream(queuePackets(model, 4)).sum(), "no traffic yet");
            // mlx4_en hashes UDP on the 4-tuple (udp_rss): the flows go where their Toeplitz hashes say
            String x = model.netmodel("ethtool", "-x", "eth0").out();
            int[] flows = RssPredict.flowsPerQueue(RssPredict.key(x), RssPredict.indir(x), true, 8, 4);
            assertEquals(0, model.netmodel("traffic", "start", "--rate", "20000", "--flows", "8").exit());
            RunningModel.waitFor(() -> {
                long[] now = queuePackets(model, 4);
                return java.util.stream.IntStream.range(0, 4).allMatch(q -> flows[q] == 0 || now[q] > 100);
            });
            long[] first = queuePackets(model, 4);
            for (int q = 0; q < 4; q++) {
                if (flows[q] == 0) {
                    assertEquals(0, first[q], "rx-" + q + " has no flow of " + Arrays.toString(flows) + ": " + Arrays.toString(first));
                } else {
                    assertTrue(first[q] > 100, "rx-" + q + " has " + flows[q] + " flows: " + Arrays.toString(first));
                }
            }
            RunningModel.waitFor(() -> {
                long[] now = queuePackets(model, 4);
                for (int q = 0; q < 4; q++) {
                    if (flows[q] > 0 && now[q] <= first[q]) {
                        return false;
                    }
                }
                return true;
            });
            long[] later = queuePackets(model, 4);
            for (int q = 0; q < 4; q++) {
                if (flows[q] > 0) {
                    assertTrue(later[q] > first[q], "rx-" + q + " grows: " + Arrays.toString(first) + " -> " + Arrays.toString(later));
                }
            }
            assertEquals(0, model.netmodel("traffic", "stop").exit());

            long[] stopped = queuePackets(model, 4);
            Proc.Result total = model.netmodel("ynl", "--family", "netdev", "--output-json", "--dump", "qstats-get");
            assertEquals(0, total.exit(), total::toString);
            Matcher t = Pattern.compile("^\\[\\{\"ifindex\": 2, \"rx-packets\": (\\d+), \"rx-bytes\": (\\d+)}]$")
                .matcher(total.out().trim());
            assertTrue(t.matches(), total.out());
            assertEquals(Arrays.stream(stopped).sum(), Long.parseLong(t.group(1)), "the device total is the rings' sum");

            String ethtool = model.netmodel("ethtool", "-S", "eth0").out();
            for (int q = 0; q < 4; q++) {
                Matcher s = Pattern.compile("\\s+rx" + q + "_packets: (\\d+)\\n").matcher(ethtool);
                assertTrue(s.find(), ethtool);
                assertEquals(stopped[q], Long.parseLong(s.group(1)), "ethtool -S rx" + q + "_packets");
            }
            Proc.Result lo = model.netmodel("ynl", "--family", "netdev", "--dump", "qstats-get", "--json", "{\"ifindex\": 1}");
            assertEquals(1, lo.exit());
            assertEquals("Netlink error: Operation not supported {'bad-attr': '.ifindex'}\n", lo.out());
        }
    }
}
