package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskRrRequest;

/**
 * One xsk_rr run summarised: the request, what the model returned, the true percentiles of
 * its samples, xsk_rr's own "pXX" figures for them, and (in a seed table) the published cell.
 *
 * @param experiment the seed table's row label ({@code 12K+0}), or null for a single run
 * @param published the published cell, or null
 */
public record XskRrRun(String experiment, XskRrRequest request, BenchResult result, LatencyStats stats,
                       XskRrEstimator.Report xsk, Seed001.Cell published) {
    /** xsk_rr's {@code -l 1}: statistics over one-second windows, as in seed 001's commands. */
    public static final int LOG_SECONDS = 1;

    public static XskRrRun of(String experiment, XskRrRequest request, BenchResult result, Seed001.Cell published) {
        long[] samples = result.latencyNs();
        long perWindow = XskRrEstimator.samplesPerWindow(samples.length, result.durationNs(), LOG_SECONDS);
        return new XskRrRun(experiment, request, result, LatencyStats.of(samples),
            XskRrEstimator.estimate(samples, perWindow), published);
    }

    /** Requests per second the open-loop sender aims at: 1e9 / period. */
    public double ratePps() {
        return 1e9 / request.periodNs();
    }

    /** xsk_rr's printed value for XX in 5, 50, 95, 99 (ns). */
    public long xskValueNs(int percentile) {
        return switch (percentile) {
            case 5 -> xsk.p5().valueNs();
            case 50 -> xsk.p50().valueNs();
            case 95 -> xsk.p95().valueNs();
            case 99 -> xsk.p99().valueNs();
            default -> throw new IllegalArgumentException("xsk_rr prints p5, p50, p95, p99, not p" + percentile);
        };
    }

    /** (model − published) / published for xsk_rr's pXX; NaN without a published cell or samples. */
    public double error(int percentile) {
        if (published == null || !stats.present()) {
            return Double.NaN;
        }
        long pub = published.valueNs(percentile);
        return (xskValueNs(percentile) - pub) / (double) pub;
    }
}
