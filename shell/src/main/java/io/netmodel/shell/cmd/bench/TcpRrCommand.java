package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.shell.bench.ProgressBar;
import picocli.CommandLine.Command;

/** {@code netmodel bench tcp-rr}: netperf-style TCP_RR, one transaction in flight. */
@Command(name = "tcp-rr", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"tcp_rr: netperf TCP_RR style, 1-byte request and response, one transaction in flight, closed "
        + "loop. Reports transactions/s and true latency percentiles (µs)."},
    footer = {"", "Examples:",
        "  netmodel bench tcp-rr                                 interrupts only",
        "  netmodel bench tcp-rr --busy-read 50 --busy-poll 50   busy polling",
        "  netmodel bench tcp-rr --kernel 4.4 --busy-read 50 --json"})
public final class TcpRrCommand extends NetperfRrCommand {
    @Override
    protected String workload() {
        return "tcp-rr";
    }

    @Override
    protected BenchResult run(BenchService service, boolean live, int busyReadUs, int busyPollUs, long durationNs,
                              long seed, ProgressBar bar, LatencySink sink) {
        TcpRrRequest request = new TcpRrRequest(busyReadUs, busyPollUs, durationNs, seed);
        ProgressListener progress = bar.run(durationNs);
        return live ? service.tcpRrLive(request, progress, sink) : service.tcpRr(request, progress, sink);
    }
}
