package io.netmodel.sim;

import java.nio.charset.StandardCharsets;

/**
 * A seeded random stream for one component (a NIC's wire jitter, a workload's arrivals, a
 * scheduler's wake-up noise), with the distributions the model draws from, in nanoseconds.
 *
 * <p><b>Independence.</b> Each component takes its own stream once, at construction, and
 * draws only from it, so adding a draw in one component does not shift the numbers another
 * sees. Two ways to derive a stream:
 * <ul>
 *   <li>{@link #fork(String)}: a stream determined by this stream's seed and a name only. It
 *       does not consume from this stream, and gives the same numbers whatever was forked or
 *       drawn before: use it for components that have a stable name ({@code "eth0/rx-0"}).</li>
 *   <li>{@link #split()}: a child seeded with this stream's next {@code nextLong}; it
 *       consumes from this stream, so children depend on the order of {@code split} calls.</li>
 * </ul>
 *
 * <p><b>Determinism.</b> The generator is SplitMix64 with {@code java.util.SplittableRandom}'s
 * specified output (its {@code nextLong} and {@code nextDouble} for the same seed, bit for bit;
 * the state is this object's own field, one load fewer per draw on the hot path), and the continuous distributions use {@link StrictMath} rather
 * than {@link Math} (whose intrinsics may differ in the last bit between CPUs), so the same
 * seed gives the same numbers on any CPU with the same Java release. Not thread-safe; owned by the simulator's
 * thread.
 */
public final class Rng {
    /** SplitMix64's increment; spreads fork keys. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    /** SplitMix64's state: {@code SplittableRandom}'s {@code seed}, its gamma {@link #GOLDEN_GAMMA}. */
    private long state;

    /** A stream seeded with {@code seed}. */
    public Rng(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    /** {@code SplittableRandom.nextLong}: the next state, mixed. */
    private long next() {
        return mix64(state += GOLDEN_GAMMA);
    }

    /** The seed this stream was created from (for logs and reproduction). */
    public long seed() {
        return seed;
    }

    /** A child stream derived from {@code name} and this stream's seed; does not draw from this stream. */
    public Rng fork(String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-8 bytes
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new Rng(mix64(seed + GOLDEN_GAMMA * mix64(h)));
    }

    /** The next child stream; draws from this stream (see the class comment). */
    public Rng split() {
        return new Rng(next());
    }

    /** Uniform over all {@code long} values. */
    public long nextLong() {
        return next();
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** {@code true} with probability {@code p} (0 never, 1 always). */
    public boolean chance(double p) {
        return nextDouble() < p;
    }

    /**
     * Uniform in [{@code lo}, {@code hi}) (e.g. a jitter in ns).
     *
     * @throws IllegalArgumentException if {@code lo >= hi}
     */
    public long uniform(long lo, long hi) {
        if (lo >= hi) {
            throw new IllegalArgumentException("bound must be greater than origin: [" + lo + ", " + hi + ")");
        }
        return lo + below(hi - lo);
    }

    /**
     * Uniform in [0, {@code n}) for {@code n} read as unsigned, by Lemire's multiply-and-reject
     * ("Fast Random Integer Generation in an Interval", ACM TOMACS 2019): the high half of a
     * 64 x 64-bit product, redrawn in the rare case its low half falls in the biased sliver.
     * Exact like {@code SplittableRandom.nextLong(lo, hi)}, without its 64-bit division per draw
     * (which cost more than the rest of a simulated event; the benchmarks draw a few per packet).
     */
    private long below(long n) {
        long x = next();
        long low = x * n;
        if (Long.compareUnsigned(low, n) < 0) {
            long threshold = Long.remainderUnsigned(-n, n);
            while (Long.compareUnsigned(low, threshold) < 0) {
                x = next();
                low = x * n;
            }
        }
        return unsignedMultiplyHigh(x, n);
    }

    /** The high 64 bits of the unsigned product (Java 18's {@code Math.unsignedMultiplyHigh}). */
    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + (y & (x >> 63)) + (x & (y >> 63));
    }

    /**
     * Exponentially distributed with mean {@code meanNs}, rounded to the nearest ns: the gap
     * between Poisson arrivals (open-loop load at rate 1e9/meanNs per second), or a think time.
     *
     * @param meanNs mean, ns, {@code > 0}
     * @return {@code >= 0}
     */
    public long exponential(long meanNs) {
        if (meanNs <= 0) {
            throw new IllegalArgumentException("mean must be > 0 ns: " + meanNs);
        }
        // u in [0, 1) so log1p(-u) is finite.
        return Math.round(-meanNs * StrictMath.log1p(-nextDouble()));
    }

    /** Standard normal (mean 0, standard deviation 1), Marsaglia's polar method. */
    public double gaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /**
     * Normal with the given mean and standard deviation (ns), rounded and clamped at 0: a
     * service time with symmetric noise.
     *
     * @param stddevNs {@code >= 0}
     */
    public long normal(long meanNs, long stddevNs) {
        if (stddevNs < 0) {
            throw new IllegalArgumentException("standard deviation must be >= 0 ns: " + stddevNs);
        }
        return Math.max(0, Math.round(meanNs + stddevNs * gaussian()));
    }

    /**
     * Log-normal with the given median (ns) and shape {@code sigma} (the standard deviation of
     * the log), rounded: a latency with a long right tail. {@code sigma = 0} gives the median.
     *
     * @param medianNs {@code > 0}
     * @param sigma {@code >= 0}
     */
    public long lognormal(long medianNs, double sigma) {
        if (medianNs <= 0 || !(sigma >= 0)) {
            throw new IllegalArgumentException(
                    "need median > 0 ns and sigma >= 0: " + medianNs + ", " + sigma);
        }
        return Math.round(medianNs * StrictMath.exp(sigma * gaussian()));
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
