package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class XskRrEstimatorTest {
    private static long[] uniform(int n, long seed) {
        Random rnd = new Random(seed);
        long[] s = new long[n];
        for (int k = 0; k < n; k++) {
            s[k] = 13_000 + (long) (rnd.nextDouble() * 15_000);
        }
        return s;
    }

    /** The notes' example: uniform 13–28 µs prints p50 13.6 and p99 14.4, far from 20.5 and 27.85. */
    @Test
    void uniform_13_to_28_us_prints_p50_13_6_and_p99_14_4() {
        long[] s = uniform(25_000, 5);
        XskRrEstimator.Report r = XskRrEstimator.window(s, 0, s.length);
        assertEquals(13_600, r.p50().valueNs());
        assertEquals(14_400, r.p99().valueNs());
        LatencyStats truth = LatencyStats.of(s);
        assertEquals(20_500, truth.p50Ns(), 150);
        assertEquals(27_850, truth.p99Ns(), 150);
    }

    @Test
    void on_any_uniform_draw_the_running_mean_sticks_near_the_bottom() {
        for (long seed = 1; seed <= 8; seed++) {
            long[] s = uniform(25_000, seed);
            XskRrEstimator.Report r = XskRrEstimator.window(s, 0, s.length);
            assertTrue(r.p50().valueNs() >= 13_400 && r.p50().valueNs() <= 13_900, "p50 " + r.p50());
            assertTrue(r.p99().valueNs() >= 14_000 && r.p99().valueNs() <= 14_700, "p99 " + r.p99());
        }
    }

    /**
     * Worked by hand from print_percentile(): 10 samples in bucket 130, 10 in 131, 80 in 140.
     * p5 leaves 5 in bucket 130; p50 then targets 95 * 50 / 100 = 47 and leaves 32 in 140; ...
     */
    @Test
    void each_call_truncates_the_boundary_bucket_for_the_next() {
        long[] s = new long[100];
        for (int i = 0; i < 100; i++) {
            s[i] = i < 10 ? 13_050 : i < 20 ? 13_199 : 14_000;
        }
        long[] buckets = XskRrEstimator.buckets(s, 0, s.length);
        assertEquals(new XskRrEstimator.Line(5, 5, 13_000), XskRrEstimator.printPercentile(buckets, 5));
        assertEquals(5, buckets[130]);
        assertEquals(new XskRrEstimator.Line(50, 47, 13_600), XskRrEstimator.printPercentile(buckets, 50));
        assertEquals(32, buckets[140]);
        assertEquals(new XskRrEstimator.Line(95, 44, 13_600), XskRrEstimator.printPercentile(buckets, 95));
        assertEquals(new XskRrEstimator.Line(99, 43, 13_600), XskRrEstimator.printPercentile(buckets, 99));
        assertEquals(XskRrEstimator.window(s, 0, s.length),
            new XskRrEstimator.Report(new XskRrEstimator.Line(5, 5, 13_000), new XskRrEstimator.Line(50, 47, 13_600),
                new XskRrEstimator.Line(95, 44, 13_600), new XskRrEstimator.Line(99, 43, 13_600), 1));
    }

    @Test
    void p5_count_is_the_integer_share_and_later_counts_shrink_with_the_histogram() {
        long[] s = uniform(124_980, 3);
        XskRrEstimator.Report r = XskRrEstimator.window(s, 0, s.length);
        assertEquals(124_980 * 5 / 100, r.p5().count());
        assertTrue(r.p50().count() <= 124_980 / 2);
        assertTrue(r.p95().count() < 124_980 * 95 / 100);
        assertTrue(r.p99().count() < 124_980 * 99 / 100);
    }

    @Test
    void samples_from_1_999_900_ns_up_share_the_last_bucket() {
        long[] b = XskRrEstimator.buckets(new long[] {1_999_899, 1_999_900, 50_000_000}, 0, 3);
        assertEquals(1, b[19_998]);
        assertEquals(2, b[19_999]);
    }

    @Test
    void fewer_than_twenty_samples_print_p5_as_zero_like_xsk_rr() {
        XskRrEstimator.Report r = XskRrEstimator.window(new long[] {13_000, 13_100, 13_200}, 0, 3);
        assertEquals(new XskRrEstimator.Line(5, 0, 0), r.p5());
    }

    @Test
    void windows_skip_the_first_sample_and_the_partial_last_window_and_take_medians() {
        // sample 0 alone (xsk_rr's first print), then windows closed by the first sample >= 1 s
        // after the previous print, then 2 samples never printed
        long s = 1_000_000_000L;
        XskRrWindows w = new XskRrWindows(1);
        w.record(0, 90_000);
        long[][] windows = {{10_000, 10_000, 10_000, 10_000}, {30_000, 30_000, 30_000, 30_000}, {20_000, 20_000, 20_000, 20_000}};
        long t = 0;
        for (long[] window : windows) {
            long closes = t + s;
            for (int k = 0; k < window.length; k++) {
                w.record(k == window.length - 1 ? closes : closes - s / 2 + k, window[k]);
            }
            t = closes;
        }
        w.record(t + s / 2, 99_000);
        w.record(t + s - 1, 99_000); // 1 ns short of a window: not printed
        XskRrEstimator.Report r = w.report();
        assertEquals(3, r.windows());
        assertEquals(20_000, r.p50().valueNs());
        assertEquals(new XskRrEstimator.Line(50, 2, 20_000), r.p50());
    }

    @Test
    void a_run_shorter_than_a_window_is_one_window_over_all_its_samples() {
        XskRrWindows w = new XskRrWindows(1);
        w.record(0, 15_000);
        w.record(999_999_999L, 15_000);
        XskRrEstimator.Report whole = w.report();
        assertEquals(0, whole.windows());
        // p5 targets 0 samples; p50 targets 1 and truncates the bucket to 1, so p95 and p99 target 0
        assertEquals(new XskRrEstimator.Line(50, 1, 15_000), whole.p50());
        assertEquals(new XskRrEstimator.Line(99, 0, 0), whole.p99());
    }

    @Test
    void a_window_is_cut_by_time_not_by_count() {
        // 10 samples in the first second, 2 in the second: windows by count would split them 6 and 6
        XskRrWindows w = new XskRrWindows(1);
        w.record(0, 50_000);
        for (int k = 1; k <= 10; k++) {
            w.record(k * 100_000_000L, 10_000);
        }
        w.record(1_500_000_000L, 90_000);
        w.record(2_000_000_000L, 90_000);
        XskRrEstimator.Report r = w.report();
        assertEquals(2, r.windows());
        // the lower middle of {10 µs window, 90 µs window} is the 10 µs one: 10 samples, p50 targets 5
        assertEquals(new XskRrEstimator.Line(50, 5, 10_000), r.p50());
    }
}
