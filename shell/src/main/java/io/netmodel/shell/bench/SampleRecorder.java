package io.netmodel.shell.bench;

import io.netmodel.api.bench.LatencySink;
import java.util.Arrays;

/**
 * Where a run's samples go as the simulation takes them: the true percentiles
 * ({@link LatencyRecorder}), and the raw samples only when something needs every one of them
 * (the CDF plot). Without raw samples its size does not depend on the run's length.
 */
public final class SampleRecorder implements LatencySink {
    private final LatencyRecorder stats = new LatencyRecorder();
    private final boolean keepSamples;
    private long[] samples = new long[0];
    private int size;

    /** Raw samples are kept only if {@code keepSamples}. */
    public SampleRecorder(boolean keepSamples) {
        this.keepSamples = keepSamples;
    }

    @Override
    public void sample(long atNs, long latencyNs) {
        stats.record(latencyNs);
        if (keepSamples) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, Math.max(1 << 14, size * 2));
            }
            samples[size++] = latencyNs;
        }
    }

    public LatencyStats stats() {
        return stats.stats();
    }

    /** The raw samples in completion order, or none when they were not kept. */
    public long[] samples() {
        return Arrays.copyOf(samples, size);
    }
}
