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
    private static final int SIGNIFICANT_DIGITS = 4;

    public static LatencyStats of(long[] samplesNs) {
        if (samplesNs.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        for (long s : samplesNs) {
            if (s < 0) {
                throw new IllegalArgumentException("negative latency sample " + s);
            }
            h.recordValue(s);
            min = Math.min(min, s);
            max = Math.max(max, s);
            sum += s;
        }
        return new LatencyStats(samplesNs.length, min, max, sum / samplesNs.length,
            at(h, 5, max), at(h, 50, max), at(h, 95, max), at(h, 99, max), at(h, 99.9, max));
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
