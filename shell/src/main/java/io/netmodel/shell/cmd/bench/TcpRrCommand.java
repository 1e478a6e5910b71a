package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.BenchCsv;
import io.netmodel.shell.bench.BenchJson;
import io.netmodel.shell.bench.BenchText;
import io.netmodel.shell.bench.CdfPlot;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.TcpRrRun;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netmodel bench tcp-rr}: netperf-style TCP_RR, one transaction in flight. */
@Command(name = "tcp-rr", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"tcp_rr: netperf TCP_RR style, 1-byte request and response, one transaction in flight, closed "
        + "loop. Reports transactions/s and true latency percentiles (µs)."},
    footer = {"", "Examples:",
        "  netmodel bench tcp-rr                                 interrupts only",
        "  netmodel bench tcp-rr --busy-read 50 --busy-poll 50   busy polling",
        "  netmodel bench tcp-rr --kernel 4.4 --busy-read 50 --json"})
public final class TcpRrCommand extends BenchSubcommand {
    @Option(names = "--busy-read", paramLabel = "US", order = 1, defaultValue = "0",
        description = "net.core.busy_read on both hosts, µs (0 = off; default 0).")
    int busyRead;

    @Option(names = "--busy-poll", paramLabel = "US", order = 2, defaultValue = "0",
        description = "net.core.busy_poll on both hosts, µs (0 = off; default 0).")
    int busyPoll;

    private TcpRrRequest request;

    @Override
    protected long prepare(BenchChecks checks, PrintWriter err) throws ToolError {
        request = new TcpRrRequest(checks.micros("--busy-read", busyRead), checks.micros("--busy-poll", busyPoll),
            options.durationNs(), options.seed);
        return request.durationNs();
    }

    @Override
    protected void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err) throws ToolError {
        TcpRrRun run = TcpRrRun.of(request, service.tcpRr(request, bar.run(request.durationNs())));
        if (options.json) {
            print(out, BenchJson.tcpRr(run));
        } else if (options.csv) {
            print(out, BenchCsv.tcpRr(List.of(run)));
        } else {
            print(out, BenchText.tcpRr(run));
        }
        String label = "busy_read " + request.busyReadUs() + " µs, busy_poll " + request.busyPollUs() + " µs";
        writePlot("netmodel bench tcp-rr: latency CDF", List.of(new CdfPlot.Panel("tcp_rr, " + label,
            List.of(new CdfPlot.Series("tcp_rr", run.result().latencyNs())))), err);
    }
}
