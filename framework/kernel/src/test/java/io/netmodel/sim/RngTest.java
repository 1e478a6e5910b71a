package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seeded streams and the distributions drawn from them (fixed seeds: no flaky statistics). */
class RngTest {
    private static final int N = 100_000;

    private static long[] draws(Rng rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void should_repeat_a_sequence_for_the_same_seed() {
        assertTrue(Arrays.equals(draws(new Rng(5), 100), draws(new Rng(5), 100)));
        assertNotEquals(new Rng(5).nextLong(), new Rng(6).nextLong());
    }

    @Test
    void should_draw_what_splittable_random_draws_for_the_same_seed() {
        for (long seed : new long[] {0, 1, -7, 0x9e3779b97f4a7c15L}) {
            Rng rng = new Rng(seed);
            java.util.SplittableRandom ref = new java.util.SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                if (i % 3 == 0) {
                    assertEquals(ref.nextDouble(), rng.nextDouble(), "seed " + seed + " draw " + i);
                } else {
                    assertEquals(ref.nextLong(), rng.nextLong(), "seed " + seed + " draw " + i);
                }
            }
        }
    }

    @Test
    void should_fork_by_name_regardless_of_earlier_draws_and_forks() {
        Rng quiet = new Rng(9);
        Rng busy = new Rng(9);
        busy.nextLong();
        busy.fork("other");
        busy.split();
        assertTrue(Arrays.equals(draws(quiet.fork("eth0/rx-0"), 50), draws(busy.fork("eth0/rx-0"), 50)));
        assertNotEquals(quiet.fork("eth0/rx-0").nextLong(), quiet.fork("eth0/rx-1").nextLong());
        assertNotEquals(quiet.fork("eth0/rx-0").nextLong(), new Rng(10).fork("eth0/rx-0").nextLong());
    }

    @Test
    void should_split_into_children_that_do_not_disturb_each_other() {
        Rng parent = new Rng(3);
        Rng first = parent.split();
        Rng second = parent.split();
        long[] expectedSecond = draws(splitSecond(3), 20);
        draws(first, 1_000); // first draws a lot; second is unaffected
        assertTrue(Arrays.equals(expectedSecond, draws(second, 20)));
        assertNotEquals(first.nextLong(), second.nextLong());
    }

    private static Rng splitSecond(long seed) {
        Rng parent = new Rng(seed);
        parent.split();
        return parent.split();
    }

    @Test
    void should_draw_uniform_values_in_the_half_open_range() {
        Rng rng = new Rng(1);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < N; i++) {
            long v = rng.uniform(-5, 5);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-5, min);
        assertEquals(4, max);
        assertThrows(IllegalArgumentException.class, () -> rng.uniform(5, 5));
    }

    @Test
    void should_draw_exponential_gaps_with_the_given_mean() {
        Rng rng = new Rng(2);
        long sum = 0;
        long aboveMean = 0;
        for (int i = 0; i < N; i++) {
            long v = rng.exponential(10_000);
            assertTrue(v >= 0);
            sum += v;
            aboveMean += v > 10_000 ? 1 : 0;
        }
        assertEquals(10_000, sum / (double) N, 100, "mean within 1%");
        assertEquals(Math.exp(-1), aboveMean / (double) N, 0.01, "P(X > mean) = 1/e");
        assertThrows(IllegalArgumentException.class, () -> rng.exponential(0));
    }

    @Test
    void should_draw_normal_and_lognormal_values_around_their_centre() {
        Rng rng = new Rng(4);
        double sum = 0;
        double sumSquares = 0;
        long belowMedian = 0;
        for (int i = 0; i < N; i++) {
            double g = rng.gaussian();
            sum += g;
            sumSquares += g * g;
            belowMedian += rng.lognormal(5_000, 0.5) < 5_000 ? 1 : 0;
            assertTrue(rng.normal(100, 1_000) >= 0, "clamped at 0");
        }
        assertEquals(0, sum / N, 0.01);
        assertEquals(1, sumSquares / N, 0.02);
        assertEquals(0.5, belowMedian / (double) N, 0.01);
        assertEquals(5_000, rng.lognormal(5_000, 0));
    }
}
