package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netmodel.fsmount.FuseAvailability;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real client of the mount: Prometheus node_exporter (Debian's prometheus-node-exporter) with
 * {@code --path.sysfs}/{@code --path.procfs} pointed at the model scrapes the netclass, netdev,
 * softnet and interrupts collectors without errors, and reports what the model's files hold.
 */
@Timeout(120)
class NodeExporterIT {
    private static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");
    private static final List<String> COLLECTORS = List.of("netclass", "netdev", "softnet", "interrupts");

    @Test
    void node_exporter_scrapes_the_mount_without_collector_errors() throws Exception {
        assumeTrue(FuseAvailability.problem().isEmpty(), "FUSE unavailable");
        assumeTrue(Files.isExecutable(NODE_EXPORTER), "prometheus-node-exporter is not installed (.ci/run installs it)");
        Path mnt = Files.createTempDirectory("netmodel-ne");
        Map<String, String> env = Map.of(Instance.ENV_MOUNT, mnt.toString());
        assertEquals(0, Proc.netmodel(env, "up", "--daemon").exit());
        int port = freePort();
        Process exporter = null;
        try {
            exporter = new ProcessBuilder(NODE_EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--path.sysfs=" + mnt.resolve("sys"), "--path.procfs=" + mnt.resolve("proc"),
                "--collector.disable-defaults", "--collector.netclass", "--collector.netdev", "--collector.softnet",
                "--collector.interrupts", "--no-collector.netdev.netlink", "--no-collector.netclass.netlink")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String metrics = scrape(port);
            for (String c : COLLECTORS) {
                assertEquals("1", value(metrics, "node_scrape_collector_success{collector=\"" + c + "\"}"),
                    () -> c + " collector failed:\n" + metrics);
            }
            String sys = mnt.resolve("sys/class/net/eth0").toString();
            assertEquals(Files.readString(Path.of(sys, "mtu")).trim(), value(metrics, "node_network_mtu_bytes{device=\"eth0\"}"));
            assertEquals(Files.readString(Path.of(sys, "statistics/rx_bytes")).trim(),
                value(metrics, "node_network_receive_bytes_total{device=\"eth0\"}"));
            assertTrue(metrics.contains("node_interrupts_total{cpu=\"0\",devices=\"1-edge virtio0-input.0\""), metrics);
            String softnet = Files.readString(mnt.resolve("proc/net/softnet_stat"));
            long processed = Long.parseLong(softnet.lines().findFirst().orElseThrow().split(" ")[0], 16);
            assertEquals(Long.toString(processed), value(metrics, "node_softnet_processed_total{cpu=\"0\"}"));
        } finally {
            if (exporter != null) {
                exporter.destroy();
                exporter.waitFor();
            }
            Proc.netmodel(env, "down");
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
