package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.BenchCsv;
import io.netmodel.shell.bench.BenchJson;
import io.netmodel.shell.bench.BenchText;
import io.netmodel.shell.bench.CdfPlot;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.RrRun;
import io.netmodel.shell.bench.SampleRecorder;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code bench tcp-rr} and {@code bench udp-rr} share: netperf's RR test with the
 * busy-poll knobs, one run, its output; subclasses say which protocol the model runs.
 */
abstract class NetperfRrCommand extends BenchSubcommand {
    @Option(names = "--busy-read", paramLabel = "US", order = 1, defaultValue = "0",
        description = "net.core.busy_read on both hosts, µs (0 = off; default 0).")
    int busyRead;

    @Option(names = "--busy-poll", paramLabel = "US", order = 2, defaultValue = "0",
        description = "net.core.busy_poll on both hosts, µs (0 = off; default 0).")
    int busyPoll;

    /** {@code tcp-rr} or {@code udp-rr}. */
    protected abstract String workload();

    /**
     * Runs the checked request on {@code service}, the samples going to {@code sink}; with
     * {@code live}, on the running model's knobs (busy_read and busy_poll among them: both 0 here).
     */
    protected abstract BenchResult run(BenchService service, boolean live, int busyReadUs, int busyPollUs,
                                       long durationNs, long seed, ProgressBar bar, LatencySink sink);

    @Override
    protected long prepare(BenchChecks checks, PrintWriter err) throws ToolError {
        busyRead = checks.micros("--busy-read", busyRead);
        busyPoll = checks.micros("--busy-poll", busyPoll);
        if (live()) {
            for (String flag : new String[] {"--busy-read", "--busy-poll"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    String sysctl = flag.substring(2).replace('-', '_');
                    throw new ToolError(who() + ": " + flag + " does not go with --live: the running model's "
                        + "net.core." + sysctl + " is used (set it in the mount: echo US > proc/sys/net/core/"
                        + sysctl + "), or drop --live", 2);
                }
            }
        }
        return options.durationNs();
    }

    @Override
    protected void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err) throws ToolError {
        long durationNs = options.durationNs();
        SampleRecorder recorder = new SampleRecorder(options.plot != null);
        BenchResult result = run(service, live(), busyRead, busyPoll, durationNs, options.seed, bar, recorder);
        if (live()) { // what the running model's sysctls were
            busyRead = sysctl(result, "net.core.busy_read");
            busyPoll = sysctl(result, "net.core.busy_poll");
        }
        RrRun run = RrRun.of(workload(), busyRead, busyPoll, durationNs, options.seed, result, recorder);
        if (options.json) {
            print(out, BenchJson.rr(run));
        } else if (options.csv) {
            print(out, BenchCsv.rr(List.of(run)));
        } else {
            print(out, BenchText.rr(run));
        }
        String label = "busy_read " + busyRead + " µs, busy_poll " + busyPoll + " µs";
        writePlot("netmodel bench " + workload() + ": latency CDF", List.of(new CdfPlot.Panel(run.testName() + ", " + label,
            List.of(new CdfPlot.Series(run.testName(), run.samples())))), err);
    }

    /** A {@code net.core} sysctl as the run reports it among its knobs (0 when absent). */
    private static int sysctl(BenchResult result, String name) {
        String v = result.knobs().get(name);
        return v == null ? 0 : Integer.parseInt(v.trim());
    }
}
