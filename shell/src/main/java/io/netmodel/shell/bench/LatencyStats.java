package io.netmodel.shell.bench;

import org.HdrHistogram.Histogram;

/**
 * True percentiles of a run's latency samples (HdrHistogram with 4 significant digits: exact to
 * the ns below 32 768 ns, within 0.01% above; HdrHistogram reports the highest value of the
 * matching bucket, which is clamped to the largest sample), with the exact minimum, maximum and
 * mean. All in ns; a run without samples has {@code count == 0} and {@link #present()} false.
 */
public record LatencyStats(long count, long minNs, long maxNs, double meanNs,
                           long p5Ns, long p50Ns, long p95Ns, long p99Ns, long p999Ns) {
    static final int SIGNIFICANT_DIGITS = 4;

    public static LatencyStats of(long[] samplesNs) {
        LatencyRecorder r = new LatencyRecorder();
        for (long s : samplesNs) {
            r.record(s);
        }
        return r.stats();
    }

    /** From {@link LatencyRecorder}'s state: {@code h} holds {@code count} samples summing to {@code sumNs}. */
    static LatencyStats of(Histogram h, long count, long minNs, long maxNs, long sumNs) {
        if (count == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(count, minNs, maxNs, (double) sumNs / count,
            at(h, 5, maxNs), at(h, 50, maxNs), at(h, 95, maxNs), at(h, 99, maxNs), at(h, 99.9, maxNs));
    }

    public boolean present() {
        return count > 0;
    }

    /** The exact mean, rounded to whole ns. */
    public long meanRoundedNs() {
        return Math.round(meanNs);
    }

    private static long at(Histogram h, double percentile, long max) {
        return Math.min(h.getValueAtPercentile(percentile), max);
    }
}
