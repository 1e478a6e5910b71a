package io.netmodel.shell.cmd.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel ethtool} on the real model (kernel bundle and driver bundles in Felix): every
 * output format for virtio_net, e1000, igb, ixgbe, mlx4_en and idpf against golden files (accept deliberate changes
 * with {@code -Dnetmodel.updateGolden=true}), errors and exit codes as ethtool 6.1 gives them,
 * and sets that take effect or change nothing.
 */
@Timeout(180)
class EthtoolGoldenTest {
    record Result(int code, String out, String err) {
    }

    static Result run(EthtoolService svc, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new EthtoolTool(svc).run(List.of(args), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    interface Body {
        void run(ModelHost host, EthtoolService svc) throws Exception;
    }

    static void withHost(String nic, Body body) throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 2, nic, 2), layout.systemDir(),
            layout.bundlesDir(), cache)) {
            host.modprobe(nic, Map.of());
            body.run(host, host.ethtool().orElseThrow());
        }
    }

    static void golden(String name, String actual) throws Exception {
        if (Boolean.getBoolean("netmodel.updateGolden")) {
            Path file = Path.of(System.getProperty("netmodel.home", ".")).resolve(
                "shell/src/test/resources/io/netmodel/shell/cmd/ethtool/golden").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = EthtoolGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertNotNull(in, "no golden file " + name + " (create it with -Dnetmodel.updateGolden=true)");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden " + name);
        }
    }

    static final String[][] READS = {
        {"settings", ""}, {"i", "-i"}, {"c", "-c"}, {"g", "-g"}, {"l", "-l"}, {"k", "-k"}, {"T", "-T"}, {"S", "-S"},
        {"x", "-x"}};

    static void allFormats(String nic, EthtoolService svc) throws Exception {
        for (String[] r : READS) {
            Result text = r[1].isEmpty() ? run(svc, "eth0") : run(svc, r[1], "eth0");
            golden(nic + "-" + r[0] + ".txt", text.out() + (text.err().isEmpty() ? "" : "--- stderr\n" + text.err())
                + "--- exit " + text.code() + "\n");
            if (!r[1].isEmpty()) {
                Result json = run(svc, "--json", r[1], "eth0");
                golden(nic + "-" + r[0] + ".json", json.out() + (json.err().isEmpty() ? "" : "--- stderr\n" + json.err())
                    + "--- exit " + json.code() + "\n");
            }
        }
    }

    @Test
    void virtio_net() throws Exception {
        withHost("virtio_net", (host, svc) -> {
            allFormats("virtio_net", svc);
            // ethtool 6.1 has no --json for the settings (this host's says bad arguments); lo has no ksettings
            assertEquals(new Result(1, "", "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n"),
                run(svc, "--json", "eth0"));
            assertEquals(new Result(0, "Settings for lo:\n\tLink detected: yes\n", ""), run(svc, "lo"));
            assertEquals(new Result(1, "", "netmodel ethtool: -a is an ethtool 6.1 mode this model does not offer (it has "
                + "DEVNAME, -i, -c/-C, -g/-G, -l/-L, -k/-K, -P, -S, -T and -x/-X; see netmodel ethtool -h)\n"), run(svc, "-a", "eth0"));
            // -P as this 6.18 host's ethtool 6.1 answers: QEMU's first MAC; lo has none; extra words ignored
            assertEquals(new Result(0, "Permanent address: 52:54:00:12:34:56\n", ""), run(svc, "-P", "eth0", "extra"));
            assertEquals(new Result(0, "Permanent address: not set\n", ""), run(svc, "--show-permaddr", "lo"));
            assertEquals(new Result(1, "", "netlink error: No such device\n"), run(svc, "-P", "nosuch"));
            assertEquals(new Result(1, "", "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n"),
                run(svc, "--bogus", "eth0"));
            // -L follows into queues/: 2 pairs -> 1
            Result r = run(svc, "-L", "eth0", "combined", "1");
            assertEquals(0, r.code(), r.err());
            assertEquals(1, svc.getChannels("eth0").combinedCount());
            List<String> queues = host.fs().readdir("/sys/class/net/eth0/queues").stream()
                .map(e -> e.name()).sorted().toList();
            assertEquals(List.of("rx-0", "tx-0"), queues.stream().filter(n -> !n.startsWith(".")).toList());
            r = run(svc, "-L", "eth0", "combined", "0");
            assertEquals(new Result(1, "", "netlink error: requested channel counts would result in no RX or TX "
                + "channel being configured (offset 36)\nnetlink error: Invalid argument\n"), r);
            r = run(svc, "-L", "eth0", "combined", "5");
            assertEquals(new Result(1, "", "netlink error: requested channel count exceeds maximum (offset 36)\n"
                + "netlink error: Invalid argument\n"), r);
            r = run(svc, "-L", "eth0", "rx", "1");
            assertEquals(new Result(1, "", "netlink error: requested channel count exceeds maximum (offset 36)\n"
                + "netlink error: Invalid argument\n"), r);
            // rings: power of two only, mini EINVAL
            assertEquals(0, run(svc, "-G", "eth0", "rx", "128").code());
            assertEquals(128, svc.getRingparam("eth0").rxPending());
            assertEquals(new Result(81, "", "netlink error: requested ring size exceeds maximum (offset 44)\n"
                + "netlink error: Invalid argument\n"), run(svc, "-G", "eth0", "tx", "64", "rx", "100000"));
            assertEquals(new Result(81, "", "netlink error: Cannot allocate memory\n"), run(svc, "-G", "eth0", "rx", "100"));
            assertEquals(128, svc.getRingparam("eth0").rxPending(), "a refused -G changes nothing");
            assertEquals(256, svc.getRingparam("eth0").txPending(), "a refused -G changes nothing");
            // coalesce: unsupported parameter, then what virtio refuses
            assertEquals(new Result(1, "", "netlink error: cannot modify an unsupported parameter (offset 36)\n"
                + "netlink error: Invalid argument\n"), run(svc, "-C", "eth0", "rx-usecs-irq", "5"));
            assertEquals(new Result(1, "", "netlink error: Operation not supported\n"),
                run(svc, "-C", "eth0", "rx-usecs", "50"));
            // GRO off and on
            Result gro = run(svc, "-K", "eth0", "gro", "off");
            assertEquals(new Result(0, "", ""), gro);
            assertTrue(run(svc, "-k", "eth0").out().contains("\ngeneric-receive-offload: off\n"));
            assertEquals(0, run(svc, "-K", "eth0", "generic-receive-offload", "on").code());
            assertTrue(run(svc, "-k", "eth0").out().contains("\ngeneric-receive-offload: on\n"));
            assertEquals(new Result(1, "Actual changes:\nrx-checksum: on [requested off]\n",
                "Could not change any device features\n"), run(svc, "-K", "eth0", "rx-checksumming", "off"));
            assertEquals(new Result(92, "", "netlink error: bit name not found (offset 56)\n"
                + "netlink error: Operation not supported\n"), run(svc, "-K", "eth0", "foo", "on"));
        });
    }

    @Test
    void e1000() throws Exception {
        withHost("e1000", (host, svc) -> {
            allFormats("e1000", svc);
            assertEquals(0, run(svc, "-G", "eth0", "rx", "100", "tx", "10").code());
            assertEquals(104, svc.getRingparam("eth0").rxPending(), "rounded up to 8");
            assertEquals(48, svc.getRingparam("eth0").txPending(), "raised to E1000_MIN_TXD");
            assertEquals(new Result(81, "", "netlink error: requested ring size exceeds maximum (offset 44)\n"
                + "netlink error: Invalid argument\n"), run(svc, "-G", "eth0", "rx", "64", "rx-mini", "1"));
            assertEquals(104, svc.getRingparam("eth0").rxPending(), "a refused -G changes nothing");
            assertEquals(new Result(1, "", "netlink error: Operation not supported\n"), run(svc, "-l", "eth0"));
            assertEquals(new Result(1, "", "netlink error: Operation not supported\n"), run(svc, "-L", "eth0", "combined", "1"));
        });
    }

    @Test
    void igb() throws Exception {
        withHost("igb", (host, svc) -> {
            allFormats("igb", svc);
            assertEquals(new Result(1, "", "netlink error: Invalid argument\n"), run(svc, "-C", "eth0", "rx-usecs", "5"));
            assertEquals(new Result(1, "", "netlink error: Invalid argument\n"),
                run(svc, "-C", "eth0", "rx-usecs", "50", "tx-usecs", "2"));
            assertEquals(3, svc.getCoalesce("eth0").rxCoalesceUsecs(), "a refused -C changes nothing");
            assertEquals(0, run(svc, "-C", "eth0", "rx-usecs", "50").code());
            assertEquals(50, svc.getCoalesce("eth0").rxCoalesceUsecs());
            assertEquals(0, run(svc, "-L", "eth0", "combined", "1").code());
            assertEquals(1, svc.getChannels("eth0").combinedCount());
            assertEquals(new Result(1, "", "netlink error: Invalid argument\n"), run(svc, "-L", "eth0", "other", "0"));
        });
    }

    @Test
    void ixgbe() throws Exception {
        withHost("ixgbe", (host, svc) -> {
            allFormats("ixgbe", svc);
            // -S lists every allocated queue (num_tx_queues), whatever the channel count
            int before = run(svc, "-S", "eth0").out().split("\n").length;
            assertEquals(0, run(svc, "-L", "eth0", "combined", "1").code());
            assertEquals(before, run(svc, "-S", "eth0").out().split("\n").length);
            assertTrue(run(svc, "-S", "eth0").out().contains("\n     tx_queue_63_bytes: 0\n     rx_queue_0_packets: 0\n"));
        });
    }

    @Test
    void mlx4_en() throws Exception {
        withHost("mlx4_en", (host, svc) -> {
            allFormats("mlx4_en", svc);
            // per-ring counters follow the ring counts -L sets
            assertEquals(0, run(svc, "-L", "eth0", "rx", "1", "tx", "1").code());
            String s = run(svc, "-S", "eth0").out();
            assertTrue(s.contains("\n     tx0_bytes: 0\n     rx0_packets: 0\n"), s);
            assertTrue(!s.contains("rx1_packets") && !s.contains("tx1_packets"), s);
        });
    }

    @Test
    void idpf() throws Exception {
        withHost("idpf", (host, svc) -> allFormats("idpf", svc));
    }

    @Test
    void usage_and_unknown_devices() throws Exception {
        withHost("virtio_net", (host, svc) -> {
            String bad = "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n";
            assertEquals(new Result(1, "", bad), run(svc));
            assertEquals(new Result(1, "", bad), run(svc, "-c"));
            assertEquals(1, run(svc, "-n", "eth0").code()); // -n (ntuple filters): not offered, said by name
            assertTrue(run(svc, "-n", "eth0").err().startsWith("netmodel ethtool: -n is an ethtool 6.1 mode this model does not offer"));
            assertEquals(new Result(1, "", "ethtool: unexpected parameter 'extra'\n"), run(svc, "-k", "eth0", "extra"));
            String nodev = "netlink error: no device matches name (offset 24)\nnetlink error: No such device\n";
            for (String mode : new String[] {"-c", "-g", "-l", "-k", "-T"}) {
                assertEquals(new Result(1, "", nodev), run(svc, mode, "nosuch"), mode);
            }
            assertEquals(new Result(71, "", "Cannot get driver information: No such device\n"), run(svc, "-i", "nosuch"));
            assertEquals(new Result(96, "", "Cannot get stats strings information: No such device\n"), run(svc, "-S", "nosuch"));
            assertEquals(new Result(75, "", nodev.repeat(5) + "No data available\n"), run(svc, "nosuch"));
            assertEquals(new Result(1, "", "ethtool (-G): unknown parameter 'foo'\n"), run(svc, "-G", "eth0", "foo", "1"));
            assertEquals(new Result(1, "", "ethtool (-G): no value for parameter 'rx'\n"), run(svc, "-G", "eth0", "rx"));
            assertEquals(new Result(1, "", "ethtool (-G): invalid value '4294967296' for parameter 'rx'\n"),
                run(svc, "-G", "eth0", "rx", "4294967296"));
            assertEquals(new Result(1, "", "ethtool (-C): invalid value 'maybe' for parameter 'adaptive-rx'\n"),
                run(svc, "-C", "eth0", "adaptive-rx", "maybe"));
            assertEquals(new Result(1, "", "ethtool (-L): invalid value 'x' for parameter 'combined'\n"),
                run(svc, "-L", "eth0", "combined", "x"));
            assertEquals(new Result(1, "", "ethtool (-K): flag '(null)' for parameter '(null)' is not followed by "
                + "'on' or 'off'\n"), run(svc, "-K", "eth0", "gro"));
            assertEquals(new Result(94, "", "no stats available\n"), run(svc, "-S", "lo"));
            assertEquals(new Result(71, "", "Cannot get driver information: Operation not supported\n"), run(svc, "-i", "lo"));
            assertEquals(new Result(81, "", "netlink error: Operation not supported\n"), run(svc, "-G", "lo", "rx", "1"));
            assertEquals(new Result(0, "", ""), run(svc, "-C", "eth0"));
            assertTrue(run(svc, "-h").out().contains("Examples:"));
            assertEquals(new Result(0, "ethtool version 6.1\n", ""), run(svc, "--version"));
        });
    }
}
