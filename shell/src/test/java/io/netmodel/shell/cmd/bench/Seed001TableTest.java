package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.bench.FakeBenchService;
import io.netmodel.shell.bench.Seed001;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed table beside the model: a fake model whose samples all sit at the published p50
 * (so xsk_rr's figures are exactly that value) except one cell at twice it.
 */
class Seed001TableTest {
    private static long publishedP50(XskRrRequest r) {
        for (Seed001.Cell c : Seed001.cells()) {
            if (c.periodNs() == r.periodNs() && c.delayNs() == r.delayNs() && c.mode() == r.mode()) {
                return c.p50Ns();
            }
        }
        throw new AssertionError("not a seed 001 cell: " + r);
    }

    private static final FakeBenchService AT_P50 = new FakeBenchService(r ->
        r.periodNs() == 40_000 && r.mode() == XskMode.BUSY_POLL_SEPARATE ? 2 * publishedP50(r) : publishedP50(r));

    private static String table() {
        Cli.Result r = Cli.run(AT_P50, "bench", "xsk-rr", "--table", "seed001", "--duration", "0.1");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void each_cell_shows_model_published_and_error() {
        List<String> lines = table().lines().toList();
        String p5 = lines.stream().filter(l -> l.startsWith("12K+0 ")).findFirst().orElseThrow();
        // interrupts: model 13.1 everywhere; published p5 12.7 -> +3.1%
        assertTrue(p5.matches("12K\\+0\\s+p5\\s+13\\.1\\s+12\\.7\\s+\\+3\\.1%\\s+13\\.6\\s+12\\.9\\s+\\+5\\.4%"
            + "\\s+14\\.1\\s+13\\.3\\s+\\+6\\.0%\\s+13\\.0\\s+12\\.8\\s+\\+1\\.6%"), p5);
        String p50 = lines.get(lines.indexOf(p5) + 1);
        assertTrue(p50.matches("period 80 µs\\s+p50(\\s+\\d+\\.\\d\\s+\\d+\\.\\d\\s+\\+0\\.0%){4}"), p50);
        String p95 = lines.get(lines.indexOf(p5) + 2);
        assertTrue(p95.matches("delay 0 µs\\s+p95\\s+13\\.1\\s+13\\.2\\s+-0\\.8%.*"), p95);
        String sep25 = lines.stream().filter(l -> l.startsWith("period 40 µs")).findFirst().orElseThrow();
        assertTrue(sep25.matches(".*\\s27\\.6\\s+13\\.8\\s+\\+100\\.0%\\s+12\\.9\\s+12\\.9\\s+\\+0\\.0%"), sep25);
        String truth = lines.get(lines.indexOf(p5) + 4);
        assertTrue(truth.matches("\\s+true\\s+p50 13\\.1 p99 13\\.1\\s+p50 13\\.6 p99 13\\.6.*"), truth);
    }

    @Test
    void header_names_the_modes_and_the_summary_applies_the_design_checks() {
        String t = table();
        assertTrue(t.contains("interrupts") && t.contains("busy-poll-separate") && t.contains("threaded-busy-poll"));
        assertTrue(t.contains("\"12K\" is 80 µs"), t);
        assertTrue(t.contains("p50 within 10% of the published value: 19 of 20 cells; RMS error 22.4%; "
            + "worst 25K+38 busy-poll-separate +100.0%\n"), t);
        assertTrue(t.contains("modes in the published order by p50: 4 of 5 experiments (not in 25K+38)\n"), t);
    }
}
