package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.XskRrRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostFitTest {
    private static ScaledTable model(long wire, List<XskRrRequest> runs) {
        return ScaledTable.withWire(wire, runs);
    }

    @Test
    void the_fit_moves_a_parameter_towards_the_costs_that_reproduce_the_table_and_lowers_the_score() {
        List<XskRrRequest> runs = new ArrayList<>();
        CostFit.Result r = new CostFit(model(3000, runs), List.of("wire", "irq"), 4, 100_000_000L, 1, ns -> (a, b) -> { })
            .fit();
        long wire = r.after().get("wire");
        assertTrue(Math.abs(wire - 4300) <= 200, "fitted wire " + wire);
        assertEquals(100L, r.after().get("irq"), "irq changes nothing here, so it must not move");
        assertTrue(r.end().value() < r.start().value() / 4, r.start() + " -> " + r.end());
        assertEquals(3000L, r.before().get("wire"));
        assertTrue(!r.steps().isEmpty() && r.steps().stream().allMatch(s -> s.param().equals("wire")));
    }

    @Test
    void only_explained_cells_are_evaluated_and_the_final_table_has_all_twenty() {
        List<XskRrRequest> runs = new ArrayList<>();
        CostFit.Result r = new CostFit(model(4300, runs), List.of("irq"), 1, 100_000_000L, 1, ns -> (a, b) -> { }).fit();
        long explained = Seed001.cells().stream().filter(Seed001.Cell::explained).count();
        assertEquals(18, explained);
        assertEquals(20, r.runs().size());
        assertEquals(r.evaluations() * explained + 20, runs.size());
        long unexplainedRuns = runs.stream().filter(q -> q.mode().cliName().equals("interrupts")
            && (q.delayNs() == 30_000 || q.delayNs() == 38_000)).count();
        assertEquals(2, unexplainedRuns, "the two unexplained cells run once, for the final table");
    }

    @Test
    void the_score_counts_mode_pairs_out_of_the_published_order() {
        List<XskRrRequest> runs = new ArrayList<>();
        ScaledTable m = model(4300, runs);
        List<XskRrRun> exact = new ArrayList<>();
        for (Seed001.Cell c : Seed001.cells()) {
            XskRrRequest q = new XskRrRequest(c.periodNs(), c.delayNs(), c.mode(), 100_000_000L, 1);
            exact.add(XskRrRun.run(m, false, c.experiment(), q, (a, b) -> { }, false, c));
        }
        assertEquals(0, CostFit.score(exact).misorderedPairs());
        assertTrue(CostFit.score(exact).rmsP50() < 0.01, "exact samples: " + CostFit.score(exact));
    }

    @Test
    void an_unknown_parameter_is_refused_before_anything_runs() {
        List<XskRrRequest> runs = new ArrayList<>();
        CostFit fit = new CostFit(model(4300, runs), List.of("warp"), 1, 100_000_000L, 1, ns -> (a, b) -> { });
        assertThrows(IllegalArgumentException.class, fit::fit);
        assertEquals(0, runs.size());
    }
}
