package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.bench.XskMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class Seed001Test {
    @Test
    void twenty_cells_with_the_periods_of_xsk_rr_notes_units() {
        List<Seed001.Cell> cells = Seed001.cells();
        assertEquals(20, cells.size());
        assertEquals(List.of("12K+0", "32K+30", "125K+6", "12K+78", "25K+38"), List.copyOf(Seed001.byExperiment().keySet()));
        long[] periods = {80_000, 31_250, 8_000, 80_000, 40_000};
        long[] delays = {0, 30_000, 6_000, 78_000, 38_000};
        for (int i = 0; i < 20; i++) {
            Seed001.Cell c = cells.get(i);
            assertEquals(periods[i / 4], c.periodNs(), c.toString());
            assertEquals(delays[i / 4], c.delayNs(), c.toString());
            assertEquals(XskMode.values()[i % 4], c.mode(), c.toString());
        }
    }

    @Test
    void published_values_as_in_the_seed() {
        Seed001.Cell first = Seed001.cells().get(0);
        assertEquals(List.of(12_700L, 13_100L, 13_200L, 13_200L),
            List.of(first.p5Ns(), first.p50Ns(), first.p95Ns(), first.p99Ns()));
        Seed001.Cell bp32 = Seed001.cells().get(5);
        assertEquals(XskMode.BUSY_POLL, bp32.mode());
        assertEquals(17_000, bp32.valueNs(50));
        Seed001.Cell thr25 = Seed001.cells().get(19);
        assertEquals(12_900, thr25.valueNs(99));
    }
}
