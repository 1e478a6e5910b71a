package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void true_percentiles_are_within_a_tenth_of_a_percent_and_min_max_mean_exact() {
        long[] s = new long[100_000];
        for (int i = 0; i < s.length; i++) {
            s[(i * 7919) % s.length] = 10_000 + i; // 10000 .. 109999 ns, shuffled
        }
        LatencyStats st = LatencyStats.of(s);
        assertEquals(100_000, st.count());
        assertEquals(10_000, st.minNs());
        assertEquals(109_999, st.maxNs());
        assertEquals(59_999.5, st.meanNs(), 1e-6);
        assertEquals(15_000, st.p5Ns(), 15);
        assertEquals(60_000, st.p50Ns(), 60);
        assertEquals(105_000, st.p95Ns(), 105);
        assertEquals(109_000, st.p99Ns(), 110);
        assertEquals(109_900, st.p999Ns(), 110);
    }

    @Test
    void no_samples_no_figures() {
        LatencyStats st = LatencyStats.of(new long[0]);
        assertFalse(st.present());
        assertEquals(0, st.count());
    }
}
