package io.netmodel.api.bench;

import java.util.List;
import java.util.Map;

/**
 * What a run measured.
 *
 * @param workload {@code xsk-rr} or {@code tcp-rr}
 * @param knobs the configuration in force (sysctl and sysfs names with their values, the
 *     kernel release, the driver), so a reader knows what ran
 * @param latencyNs one sample per completed request, in completion order; empty when the
 *     samples went to a {@link LatencySink} instead
 * @param transactions completed request/response pairs
 * @param durationNs simulated time measured
 * @param cpus per-CPU time split of both hosts
 * @param counters kernel counters at the end (e.g. {@code server.irq.virtio0-input.0},
 *     {@code client.softnet.time_squeeze}), for mechanism checks
 */
public record BenchResult(String workload, Map<String, String> knobs, long[] latencyNs, long transactions,
                          long durationNs, List<CpuUsage> cpus, Map<String, Long> counters) {
    public double transactionsPerSecond() {
        return durationNs == 0 ? 0 : transactions * 1e9 / durationNs;
    }
}
