package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.EpollRrRequest;

/**
 * One epoll_rr run summarised: the request, its named set-up (one of the IRQ-suspension
 * series' configurations, or null), what the model returned, true percentiles.
 */
public record EpollRrRun(String setup, EpollRrRequest request, BenchResult result, LatencyStats stats) {
    public static EpollRrRun of(String setup, EpollRrRequest request, BenchResult result) {
        return new EpollRrRun(setup, request, result, LatencyStats.of(result.latencyNs()));
    }

    /** Busy share of the server thread's CPU, in percent. */
    public double serverCpuPercent(int cpu) {
        return result.cpus().stream().filter(c -> c.host().equals("server") && c.cpu() == cpu)
            .mapToDouble(c -> c.totalNs() == 0 ? 0 : 100.0 * (c.totalNs() - c.idleNs()) / c.totalNs()).sum();
    }
}
