package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;

/**
 * One xsk_rr run summarised: the request, what the model returned, the true percentiles of
 * its samples, xsk_rr's own "pXX" figures for them, and (in a seed table) the published cell.
 *
 * @param experiment the seed table's row label ({@code 12K+0}), or null for a single run
 * @param published the published cell, or null
 * @param samples the raw samples when they were kept (for a plot), else empty
 */
public record XskRrRun(String experiment, XskRrRequest request, BenchResult result, LatencyStats stats,
                       XskRrEstimator.Report xsk, Seed001.Cell published, long[] samples) {
    /** xsk_rr's {@code -l 1}: statistics over one-second windows, as in seed 001's commands. */
    public static final int LOG_SECONDS = 1;

    /**
     * Runs {@code request} on {@code service} (on the live model's knobs if {@code live}), the
     * samples going to an {@link XskRrRecorder}: nothing per request is kept unless
     * {@code keepSamples}.
     */
    public static XskRrRun run(BenchService service, boolean live, String experiment, XskRrRequest request,
                               ProgressListener progress, boolean keepSamples, Seed001.Cell published) {
        XskRrRecorder rec = new XskRrRecorder(LOG_SECONDS, keepSamples);
        BenchResult result = live ? service.xskRrLive(request, progress, rec) : service.xskRr(request, progress, rec);
        XskRrRequest req = request;
        if (req.mode() == null) { // the running model's knobs chose it
            req = new XskRrRequest(req.periodNs(), req.delayNs(), XskMode.byCliName(result.knobs().get("mode")),
                req.durationNs(), req.seed());
        }
        return new XskRrRun(experiment, req, result, rec.stats(), rec.xsk(), published, rec.samples());
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
