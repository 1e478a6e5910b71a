package io.netmodel.shell.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency samples summarised as they come: an HdrHistogram for the percentiles and the exact
 * count, minimum, maximum and sum, so {@link #stats()} is what {@link LatencyStats#of} gives
 * for the same samples while memory does not grow with their number (the histogram grows with
 * the largest value only).
 */
public final class LatencyRecorder {
    private final Histogram histogram = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
    private long count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long sum;

    public void record(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("negative latency sample " + ns);
        }
        histogram.recordValue(ns);
        count++;
        min = Math.min(min, ns);
        max = Math.max(max, ns);
        sum += ns;
    }

    public LatencyStats stats() {
        return LatencyStats.of(histogram, count, min, max, sum);
    }
}
