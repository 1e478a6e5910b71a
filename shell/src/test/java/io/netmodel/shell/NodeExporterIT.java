package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real client of the mount: Prometheus node_exporter (Debian's prometheus-node-exporter) with
 * {@code --path.sysfs}/{@code --path.procfs} pointed at the model scrapes the netclass, netdev,
 * softnet and interrupts collectors without errors, and reports what the model's files hold
 * (after a burst of traffic, so the counters compared are not zeros).
 */
@Timeout(120)
class NodeExporterIT {
    private static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");
    private static final List<String> COLLECTORS = List.of("netclass", "netdev", "softnet", "interrupts", "netstat");

    @Test
    void node_exporter_scrapes_the_mount_without_collector_errors() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), "prometheus-node-exporter is not installed (.ci/run installs it)");
        try (RunningModel model = RunningModel.up()) {
            Path mnt = model.mount();
            Path rxPackets = mnt.resolve("sys/class/net/eth0/statistics/rx_packets");
            int port = freePort();
            Process exporter = null;
            try {
                // Counters that moved, then stopped: the equalities below then mean something (not 0 == 0)
                assertEquals(0, Proc.sh("echo 9000 > " + mnt.resolve("sys/class/net/eth0/mtu")).exit());
                assertEquals(0, model.netmodel("traffic", "start", "--rate", "20000").exit());
                for (int i = 0; i < 200 && Long.parseLong(Files.readString(rxPackets).trim()) < 100; i++) {
                    Thread.sleep(20);
                }
                assertEquals(0, model.netmodel("traffic", "stop").exit());
                String settled = "";
                for (int i = 0; i < 100 && !settled.equals(Files.readString(rxPackets)); i++) { // frames still in the ring
                    settled = Files.readString(rxPackets);
                    Thread.sleep(50);
                }
                exporter = new ProcessBuilder(NODE_EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port,
                    "--path.sysfs=" + mnt.resolve("sys"), "--path.procfs=" + mnt.resolve("proc"),
                    "--collector.disable-defaults", "--collector.netclass", "--collector.netdev", "--collector.softnet",
                    "--collector.interrupts", "--collector.netstat", "--collector.netstat.fields=^(IpExt_InOctets|Udp_InDatagrams|TcpExt_BusyPollRxPackets)$",
                    "--no-collector.netdev.netlink", "--no-collector.netclass.netlink")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String metrics = scrape(port);
                for (String c : COLLECTORS) {
                    assertEquals("1", value(metrics, "node_scrape_collector_success{collector=\"" + c + "\"}"),
                        () -> c + " collector failed:\n" + metrics);
                }
                String sys = mnt.resolve("sys/class/net/eth0").toString();
                assertEquals("9000", value(metrics, "node_network_mtu_bytes{device=\"eth0\"}"));
                String rxBytes = Files.readString(Path.of(sys, "statistics/rx_bytes")).trim();
                assertTrue(Long.parseLong(rxBytes) > 0, "traffic moved rx_bytes");
                // the netdev collector reads /proc/net/dev: the same counters as sysfs's statistics/
                assertEquals(rxBytes, plain(value(metrics, "node_network_receive_bytes_total{device=\"eth0\"}")));
                assertEquals(Files.readString(rxPackets).trim(),
                    plain(value(metrics, "node_network_receive_packets_total{device=\"eth0\"}")));
                String input = Files.readString(mnt.resolve("proc/interrupts")).lines()
                    .filter(l -> l.endsWith("virtio0-input.0")).findFirst().orElseThrow();
                String[] cols = input.trim().split("\\s+");
                String irq = cols[0].replace(":", "");
                for (int cpu = 0; cpu < 2; cpu++) {
                    assertEquals(cols[1 + cpu], plain(value(metrics, "node_interrupts_total{cpu=\"" + cpu
                        + "\",devices=\"1-edge virtio0-input.0\",info=\"PCI-MSIX-0000:00:03.0\",type=\"" + irq + "\"}")),
                        input);
                }
                assertTrue(Long.parseLong(cols[1]) + Long.parseLong(cols[2]) > 0, "traffic raised interrupts: " + input);
                List<String> softnet = Files.readString(mnt.resolve("proc/net/softnet_stat")).lines().toList();
                long processed = 0;
                for (int cpu = 0; cpu < softnet.size(); cpu++) {
                    long p = Long.parseLong(softnet.get(cpu).split(" ")[0], 16);
                    processed += p;
                    assertEquals(Long.toString(p),
                        plain(value(metrics, "node_softnet_processed_total{cpu=\"" + cpu + "\"}")));
                }
                assertTrue(processed > 0, "traffic moved softnet_stat");
                // the netstat collector reads /proc/net/netstat and /proc/net/snmp (no snmp6: IPv6 off)
                List<String> netstat = Files.readString(mnt.resolve("proc/net/netstat")).lines().toList();
                List<String> ipExtNames = List.of(netstat.get(2).split(" "));
                String inOctets = netstat.get(3).split(" ")[ipExtNames.indexOf("InOctets")];
                assertTrue(Long.parseLong(inOctets) > 0, "traffic moved IpExt InOctets");
                assertEquals(inOctets, plain(value(metrics, "node_netstat_IpExt_InOctets")));
                List<String> snmp = Files.readString(mnt.resolve("proc/net/snmp")).lines()
                    .filter(l -> l.startsWith("Udp:")).toList();
                String inDatagrams = snmp.get(1).split(" ")[List.of(snmp.get(0).split(" ")).indexOf("InDatagrams")];
                assertEquals(inDatagrams, plain(value(metrics, "node_netstat_Udp_InDatagrams")));
                assertEquals("0", plain(value(metrics, "node_netstat_TcpExt_BusyPollRxPackets")), "busy_read 0: no busy polls");
            } finally {
                if (exporter != null) {
                    exporter.destroy();
                    exporter.waitFor();
                }
            }
        }
    }

    private static String scrape(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(30)).build();
        IOException last = null;
        for (int i = 0; i < 100; i++) { // the exporter needs a moment to listen
            try {
                return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw last;
    }

    /** The sample value of one series, e.g. {@code node_network_mtu_bytes{device="eth0"}}. */
    private static String value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no series " + series + " in:\n" + metrics);
        }
        String v = m.group(1);
        return v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
    }

    /** Prometheus prints large counters in exponent form ({@code 1.234567e+06}): back to an integer. */
    private static String plain(String v) {
        return new java.math.BigDecimal(v).toBigInteger().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
