package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.TcpRrRequest;

/** One tcp_rr run summarised: the request, what the model returned, true percentiles. */
public record TcpRrRun(TcpRrRequest request, BenchResult result, LatencyStats stats) {
    public static TcpRrRun of(TcpRrRequest request, BenchResult result) {
        return new TcpRrRun(request, result, LatencyStats.of(result.latencyNs()));
    }
}
