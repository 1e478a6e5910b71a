package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;

/**
 * One netperf-style RR run summarised (tcp_rr or udp_rr): its knobs, what the model returned,
 * true percentiles.
 *
 * @param workload {@code tcp-rr} or {@code udp-rr}
 * @param samples the raw samples when they were kept (for a plot), else empty
 */
public record RrRun(String workload, int busyReadUs, int busyPollUs, long durationNs, long seed, BenchResult result,
                    LatencyStats stats, long[] samples) {
    /** A run whose samples went to {@code recorder}. */
    public static RrRun of(String workload, int busyReadUs, int busyPollUs, long durationNs, long seed,
                           BenchResult result, SampleRecorder recorder) {
        return new RrRun(workload, busyReadUs, busyPollUs, durationNs, seed, result, recorder.stats(),
            recorder.samples());
    }

    /** {@code tcp_rr}: the name the text output and netperf use. */
    public String testName() {
        return workload.replace('-', '_');
    }
}
