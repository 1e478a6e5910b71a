package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;

/**
 * One netperf-style RR run summarised (tcp_rr or udp_rr): its knobs, what the model returned,
 * true percentiles.
 *
 * @param workload {@code tcp-rr} or {@code udp-rr}
 */
public record RrRun(String workload, int busyReadUs, int busyPollUs, long durationNs, long seed, BenchResult result,
                    LatencyStats stats) {
    public static RrRun of(String workload, int busyReadUs, int busyPollUs, long durationNs, long seed,
                           BenchResult result) {
        return new RrRun(workload, busyReadUs, busyPollUs, durationNs, seed, result, LatencyStats.of(result.latencyNs()));
    }

    /** {@code tcp_rr}: the name the text output and netperf use. */
    public String testName() {
        return workload.replace('-', '_');
    }
}
