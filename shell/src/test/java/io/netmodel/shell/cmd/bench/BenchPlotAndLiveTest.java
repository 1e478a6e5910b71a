package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.bench.FakeBenchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class BenchPlotAndLiveTest {
    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void table_plot_is_an_svg_with_a_panel_per_experiment_and_a_curve_per_cell() throws Exception {
        Path svg = dir.resolve("seed001.svg");
        Cli.Result r = Cli.run(new FakeBenchService(), "bench", "xsk-rr", "--table", "seed001", "--duration", "0.05",
            "--json", "--plot", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("netmodel bench xsk-rr: wrote the latency CDF to " + svg + "\n", r.err());
        assertTrue(r.out().startsWith("["), "stdout keeps the JSON only");
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(20, doc.getElementsByTagNameNS("*", "polyline").getLength());
        assertTrue(doc.getDocumentElement().getTextContent().contains("25K+38: 25000 requests/s, delay 38 µs"));
    }

    @Test
    void html_plot_for_tcp_rr() throws Exception {
        Path html = dir.resolve("tcp.html");
        Cli.Result r = Cli.run(new FakeBenchService(), "bench", "tcp-rr", "--duration", "0.5", "--plot", html.toString());
        assertEquals(0, r.code(), r.err());
        Document doc = parse(html);
        assertEquals("html", doc.getDocumentElement().getNodeName());
        assertEquals(1, doc.getElementsByTagNameNS("*", "polyline").getLength());
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void live_forwarding_makes_the_plot_path_absolute_and_carries_the_terminal() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertEquals(List.of("bench", "xsk-rr", "--table", "seed001", "--plot", cwd + "/out.svg", "--live"),
            BenchSubcommand.liveArgv(new String[] {"bench", "xsk-rr", "--table", "seed001", "--plot", "out.svg", "--live"},
                false));
        assertEquals(List.of("bench", "tcp-rr", "--plot=/tmp/a.svg", "--live", "--stderr-tty"),
            BenchSubcommand.liveArgv(new String[] {"bench", "tcp-rr", "--plot=/tmp/a.svg", "--live"}, true));
    }

    @Test
    void live_without_a_running_model_says_so() {
        Cli.Result r = Cli.run(null, "bench", "tcp-rr", "--live", "--mount", dir.resolve("none").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("netmodel bench tcp-rr: --live: no model is running at " + dir.resolve("none")),
            r.err());
    }

    @Test
    void live_tcp_and_udp_rr_refuse_busy_poll_flags_before_looking_for_a_model() {
        for (String workload : new String[] {"tcp-rr", "udp-rr"}) {
            for (String flag : new String[] {"--busy-read", "--busy-poll"}) {
                Cli.Result r = Cli.run(null, "bench", workload, "--live", flag, "50", "--mount",
                    dir.resolve("none").toString());
                assertEquals(2, r.code(), r.err());
                String sysctl = flag.substring(2).replace('-', '_');
                assertEquals("netmodel bench " + workload + ": " + flag + " does not go with --live: the running "
                    + "model's net.core." + sysctl + " is used (set it in the mount: echo US > proc/sys/net/core/"
                    + sysctl + "), or drop --live", r.err().trim());
            }
        }
    }

    @Test
    void live_xsk_rr_lets_the_running_models_knobs_choose_the_mode() {
        FakeBenchService svc = new FakeBenchService();
        Cli.Result r = Cli.run(svc, "bench", "xsk-rr", "--live", "--period", "80", "--duration", "0.05", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(null, svc.liveRequests.get(0).mode(), "no --mode: the model's knobs decide");
        assertTrue(r.out().contains("\"mode\": \"busy-poll\""), r.out());
        assertTrue(svc.xskRequests.stream().allMatch(q -> q.mode() != null));
    }

    @Test
    void live_and_the_seed_table_are_exclusive() {
        Cli.Result r = Cli.run(new FakeBenchService(), "bench", "xsk-rr", "--live", "--table", "seed001");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--live runs on the running model's own knobs"), r.err());
    }
}
