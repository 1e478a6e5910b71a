package io.netmodel.shell.bench;

import io.netmodel.api.bench.LatencySink;
import java.util.Arrays;

/**
 * Where an xsk_rr run's samples go as the simulation takes them: the true percentiles
 * ({@link LatencyRecorder}), xsk_rr's windows by time ({@link XskRrWindows}), and the raw
 * samples only when something needs every one of them (the CDF plot). Without raw samples its
 * size does not depend on the run's length.
 */
public final class XskRrRecorder implements LatencySink {
    private final LatencyRecorder trueStats = new LatencyRecorder();
    private final XskRrWindows windows;
    private final boolean keepSamples;
    private long[] samples = new long[0];
    private int size;

    /** Windows of {@code logSeconds}; raw samples kept only if {@code keepSamples}. */
    public XskRrRecorder(int logSeconds, boolean keepSamples) {
        this.windows = new XskRrWindows(logSeconds);
        this.keepSamples = keepSamples;
    }

    @Override
    public void sample(long atNs, long latencyNs) {
        trueStats.record(latencyNs);
        windows.record(atNs, latencyNs);
        if (keepSamples) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, Math.max(1 << 14, size * 2));
            }
            samples[size++] = latencyNs;
        }
    }

    public LatencyStats stats() {
        return trueStats.stats();
    }

    public XskRrEstimator.Report xsk() {
        return windows.report();
    }

    /** The raw samples in completion order, or none when they were not kept. */
    public long[] samples() {
        return Arrays.copyOf(samples, size);
    }
}
