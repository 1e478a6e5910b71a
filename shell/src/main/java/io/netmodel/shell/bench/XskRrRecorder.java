package io.netmodel.shell.bench;

import io.netmodel.api.bench.LatencySink;

/**
 * Where an xsk_rr run's samples go as the simulation takes them: the true percentiles
 * ({@link LatencyRecorder}), xsk_rr's windows by time ({@link XskRrWindows}), and the raw
 * samples only when something needs every one of them (the CDF plot). Without raw samples its
 * size does not depend on the run's length.
 */
public final class XskRrRecorder implements LatencySink {
    private final SampleRecorder all;
    private final XskRrWindows windows;

    /** Windows of {@code logSeconds}; raw samples kept only if {@code keepSamples}. */
    public XskRrRecorder(int logSeconds, boolean keepSamples) {
        this.windows = new XskRrWindows(logSeconds);
        this.all = new SampleRecorder(keepSamples);
    }

    @Override
    public void sample(long atNs, long latencyNs) {
        all.sample(atNs, latencyNs);
        windows.record(atNs, latencyNs);
    }

    public LatencyStats stats() {
        return all.stats();
    }

    public XskRrEstimator.Report xsk() {
        return windows.report();
    }

    /** The raw samples in completion order, or none when they were not kept. */
    public long[] samples() {
        return all.samples();
    }
}
