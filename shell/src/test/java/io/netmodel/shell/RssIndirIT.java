package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel ethtool -X} on a running model through real processes: the live traffic's RSS
 * follows the table written while it runs, and {@code ethtool -L} is refused below the
 * configured table's highest queue.
 */
@Timeout(120)
class RssIndirIT {
    /** Interrupts of each {@code eth0-TxRx-N} row of the mount's /proc/interrupts, read with a real cat. */
    private static long[] queueIrqs(RunningModel model, int queues) {
        long[] n = new long[queues];
        for (String line : model.cat("proc/interrupts").out().split("\n")) {
            Matcher m = Pattern.compile("^ *\\d+:((?: +\\d+)+) +PCI-MSIX.* eth0-TxRx-(\\d+)$").matcher(line);
            if (m.find()) {
                for (String c : m.group(1).trim().split(" +")) {
                    n[Integer.parseInt(m.group(2))] += Long.parseLong(c);
                }
            }
        }
        return n;
    }

    /** The one queue ixgbe's 2-tuple hash puts all eight flows on under the table and key {@code ethtool -x} shows now. */
    private static int busyQueue(RunningModel model) {
        String x = model.netmodel("ethtool", "-x", "eth0").out();
        int[] n = RssPredict.flowsPerQueue(RssPredict.key(x), RssPredict.indir(x), false, 8, 4);
        return IntStream.range(0, 4).filter(q -> n[q] > 0).findFirst().orElseThrow();
    }

    /**
     * {@code ethtool -X weight 1 1 0 0} then {@code 0 0 1 1} under traffic: the flows (one hash,
     * ixgbe hashing UDP on the addresses) follow the table to the entry their hash indexes.
     */
    @Test
    void live_traffic_follows_ethtool_X_and_L_is_refused_below_the_table() throws Exception {
        try (RunningModel model = RunningModel.up("--cpus", "4", "--nic", "ixgbe", "--queues", "4")) {
            Proc.Result set = model.netmodel("ethtool", "-X", "eth0", "weight", "1", "1", "0", "0");
            assertEquals(0, set.exit(), set::toString);
            assertTrue(model.netmodel("ethtool", "-x", "eth0").out().startsWith(
                "RX flow hash indirection table for eth0 with 4 RX ring(s):\n    0:      0     0     0"));
            int busy = busyQueue(model);
            assertTrue(busy < 2, "weight 1 1 0 0: queue 0 or 1");
            assertEquals(0, model.netmodel("traffic", "start", "--rate", "20000", "--flows", "8").exit());
            RunningModel.waitFor(() -> queueIrqs(model, 4)[busy] > 100);
            long[] irqs = queueIrqs(model, 4);
            assertTrue(irqs[busy] > 100, Arrays.toString(irqs));
            assertEquals(0, irqs[1 - busy] + irqs[2] + irqs[3], "only queue " + busy + ": " + Arrays.toString(irqs));
            assertEquals(0, model.netmodel("ethtool", "-X", "eth0", "weight", "0", "0", "1", "1").exit());
            int busy2 = busyQueue(model);
            assertTrue(busy2 >= 2, "weight 0 0 1 1: queue 2 or 3");
            RunningModel.waitFor(() -> queueIrqs(model, 4)[busy2] > 100);
            irqs = queueIrqs(model, 4);
            assertTrue(irqs[busy2] > 100, "the -X under traffic steers the next frames: " + Arrays.toString(irqs));
            assertEquals(0, irqs[5 - busy2], "queue " + (5 - busy2) + " has no flow: " + Arrays.toString(irqs));
            Proc.Result shrink = model.netmodel("ethtool", "-L", "eth0", "combined", "3");
            assertEquals(1, shrink.exit(), shrink::toString);
            assertEquals("netlink error: requested channel counts are too low for existing indirection table (3)\n"
                + "netlink error: Invalid argument\n", shrink.err());
            assertEquals(0, model.netmodel("traffic", "stop").exit());
        }
    }
}
