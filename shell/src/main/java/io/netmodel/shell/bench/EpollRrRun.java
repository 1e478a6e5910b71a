package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.EpollRrRequest;

/**
 * One epoll_rr run summarised: the request, its named set-up (one of the IRQ-suspension
 * series' configurations, or null), what the model returned, true percentiles.
 *
 * @param samples the raw samples when they were kept (for a plot), else empty
 */
public record EpollRrRun(String setup, EpollRrRequest request, BenchResult result, LatencyStats stats,
                         long[] samples) {
    /** A run whose samples went to {@code recorder}. */
    public static EpollRrRun of(String setup, EpollRrRequest request, BenchResult result, SampleRecorder recorder) {
        return new EpollRrRun(setup, request, result, recorder.stats(), recorder.samples());
    }

    /** Busy share of the server thread's CPU, in percent. */
    public double serverCpuPercent(int cpu) {
        return result.cpus().stream().filter(c -> c.host().equals("server") && c.cpu() == cpu)
            .mapToDouble(c -> c.totalNs() == 0 ? 0 : 100.0 * (c.totalNs() - c.idleNs()) / c.totalNs()).sum();
    }
}
