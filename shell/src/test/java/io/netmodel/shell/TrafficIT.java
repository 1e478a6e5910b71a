package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

    private static long rxPackets(Map<String, String> env) {
        Matcher m = RX_PACKETS.matcher(Proc.netmodel(env, "cat", "/proc/net/dev").out());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long waited = 0;
        while (!done.getAsBoolean() && waited < 10_000) { // the pacer runs in the daemon, on wall time
            Thread.sleep(50);
            waited += 50;
        }
    }

    private static int skNapiId(Map<String, String> env) {
        Matcher m = Pattern.compile("\"sk_napi_id\": (\\d+)").matcher(Proc.netmodel(env, "traffic", "status", "--json").out());
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void counters_move_the_module_is_in_use_and_rmmod_f_leaves_the_socket_on_a_gone_napi() throws Exception {
        Path mnt = Files.createTempDirectory("netmodel-traffic");
        Map<String, String> env = Map.of(Instance.ENV_MOUNT, mnt.toString());
        assertEquals(0, Proc.netmodel(env, "up", "--daemon", "--no-mount").exit());
        try {
            assertEquals("traffic: not started\n", Proc.netmodel(env, "traffic", "status").out());
            assertEquals(0, Proc.netmodel(env, "write", "/proc/sys/net/core/busy_read", "50").exit());
            Proc.Result start = Proc.netmodel(env, "traffic", "start", "--rate", "20000");
            assertEquals(0, start.exit(), start::toString);
            long first = rxPackets(env);
            waitFor(() -> rxPackets(env) > first);
            assertTrue(rxPackets(env) > first, "/proc/net/dev rx_packets moves");
            Proc.Result trace = Proc.netmodel(env, "trace", "napi_busy_loop", "--count", "2", "--json", "--timeout", "10");
            assertEquals(2, trace.out().lines().filter(l -> l.startsWith("{\"probe\": \"napi_busy_loop\"")
                && l.contains("\"cpu\": 1") && l.contains("\"budget\": 8")).count(), trace::toString);
            int id = skNapiId(env);
            assertTrue(trace.out().contains("\"napi_id\": " + id), trace::toString);

            Proc.Result busy = Proc.netmodel(env, "rmmod", "virtio_net");
            assertEquals(1, busy.exit());
            assertEquals("rmmod: ERROR: Module virtio_net is in use\n", busy.err());
            assertEquals(0, Proc.netmodel(env, "rmmod", "-f", "virtio_net").exit());
            waitFor(() -> Proc.netmodel(env, "dmesg").out().contains("netmodel traffic: eth0 went away with"));
            String status = Proc.netmodel(env, "traffic", "status").out();
            assertTrue(status.startsWith("traffic: running") && status.contains("sk_napi_id " + id
                + " (no such NAPI now: no busy polling until a packet marks a new one)"), status);

            assertEquals(0, Proc.netmodel(env, "modprobe", "virtio_net").exit());
            waitFor(() -> skNapiId(env) != id);
            assertTrue(skNapiId(env) > id, "the new NAPI's packets marked the socket");
            assertTrue(Proc.netmodel(env, "dmesg").out().contains("netmodel traffic: eth0 (ifindex"));
            assertEquals(0, Proc.netmodel(env, "traffic", "stop").exit());
            assertEquals(2, Proc.netmodel(env, "traffic", "frobnicate").exit());
            Proc.Result badCpu = Proc.netmodel(env, "traffic", "start", "--cpu", "7");
            assertEquals(2, badCpu.exit(), badCpu::toString);
            assertTrue(badCpu.err().contains("--cpu 7: the host has CPUs 0 .. 1"), badCpu::toString);
        } finally {
            Proc.netmodel(env, "down");
        }
    }

    /** e1000's ethtool -S takes its good-packet counters from what the receive path counted. */
    @Test
    void ethtool_statistics_climb_with_the_traffic() throws Exception {
        Path mnt = Files.createTempDirectory("netmodel-traffic");
        Map<String, String> env = Map.of(Instance.ENV_MOUNT, mnt.toString());
        assertEquals(0, Proc.netmodel(env, "up", "--daemon", "--no-mount", "--nic", "e1000").exit());
        try {
            Pattern rx = Pattern.compile("\\n +rx_packets: (\\d+)\\n");
            Matcher before = rx.matcher(Proc.netmodel(env, "ethtool", "-S", "eth0").out());
            assertTrue(before.find());
            assertEquals("0", before.group(1));
            assertEquals(0, Proc.netmodel(env, "traffic", "start", "--rate", "20000").exit());
            long waited = 0;
            while (rxPackets(env) == 0 && waited < 10_000) {
                Thread.sleep(50);
                waited += 50;
            }
            assertEquals(0, Proc.netmodel(env, "traffic", "stop").exit());
            String stats = Proc.netmodel(env, "ethtool", "-S", "eth0").out();
            Matcher after = rx.matcher(stats);
            assertTrue(after.find(), stats);
            assertEquals(rxPackets(env), Long.parseLong(after.group(1)), stats);
            assertTrue(Long.parseLong(after.group(1)) > 0, stats);
        } finally {
            Proc.netmodel(env, "down");
        }
    }
}
