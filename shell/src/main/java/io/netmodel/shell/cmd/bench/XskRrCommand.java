package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.BenchCsv;
import io.netmodel.shell.bench.BenchJson;
import io.netmodel.shell.bench.BenchText;
import io.netmodel.shell.bench.CdfPlot;
import io.netmodel.shell.bench.Fmt;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.Seed001;
import io.netmodel.shell.bench.Seed001Table;
import io.netmodel.shell.bench.XskRrRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netmodel bench xsk-rr}: seed 001's AF_XDP request/response benchmark, one run or the
 * seed's whole table. xsk_rr takes a send period; {@code --rate} is its inverse.
 */
@Command(name = "xsk-rr", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"xsk_rr: an open-loop client sends UDP requests over AF_XDP (copy mode) every period; the "
        + "server replies inline; the client spins --delay after each reply. Latency is send to reply pick-up.",
        "Reports true percentiles and, beside them, the \"pXX\" figures xsk_rr itself prints (a floored running "
            + "mean of the lowest XX%%, per one-second window), which are what published xsk_rr tables show.",
        "Seed 001's \"12K\" is a period of 80 µs, i.e. --rate 12500 (or --period 80); \"32K\" is --period 31.25."},
    footer = {"", "Modes (seed 001's four set-ups): interrupts, busy-poll, busy-poll-separate,",
        "threaded-busy-poll.",
        "", "Examples:",
        "  # seed 001's 12K+0 row in one mode (\"12K\" is a period of 80 µs)",
        "  netmodel bench xsk-rr --rate 12500 --delay 0 --mode interrupts",
        "  # its 32K+30 row",
        "  netmodel bench xsk-rr --period 31.25 --delay 30 --mode busy-poll",
        "  # all 5 x 4 cells beside the published values; JSON and a plot",
        "  netmodel bench xsk-rr --table seed001",
        "  netmodel bench xsk-rr --table seed001 --json --plot seed001.html",
        "  # on the running model, with the knobs echoed into its mount",
        "  netmodel bench xsk-rr --live --period 80 --delay 0"})
public final class XskRrCommand extends BenchSubcommand {
    @Option(names = "--rate", paramLabel = "PPS", order = 1,
        description = "Requests per second, 1 .. 10000000; the period is round(1e9 / PPS) ns.")
    Double rate;

    @Option(names = "--period", paramLabel = "US", order = 2,
        description = "Send period in µs, 0.1 .. 1000000 (xsk_rr -P); instead of --rate.")
    Double period;

    @Option(names = "--delay", paramLabel = "US", order = 3,
        description = "Client spin after each reply in µs, 0 .. 1000000 (xsk_rr -d; default 0).")
    Double delay;

    @Option(names = "--mode", paramLabel = "M", order = 4, completionCandidates = io.netmodel.shell.cmd.Candidates.XskModes.class,
        description = "interrupts, busy-poll, busy-poll-separate or threaded-busy-poll. With --live, optional: "
            + "the running model's knobs decide (busy_read > 0: busy-poll), and must agree when given.")
    String mode;

    @Option(names = "--table", paramLabel = "NAME", order = 5,
        description = "Run a published table instead of one run: seed001 (5 experiments x 4 modes).")
    String table;

    private final List<Planned> plan = new ArrayList<>();

    /** One run to do: its request, and its cell of the published table if any. */
    private record Planned(XskRrRequest request, Seed001.Cell published) {
    }

    @Override
    protected BenchChecks.PinnedCpus pinnedCpus() {
        return BenchChecks.PinnedCpus.SEED001;
    }

    @Override
    protected long prepare(BenchChecks checks, PrintWriter err) throws ToolError {
        long durationNs = options.durationNs();
        if (table != null) {
            checks.table(table);
            if (live()) {
                throw checks.usage("--table " + Seed001.NAME + " configures each cell the way seed 001's script does; "
                    + "--live runs on the running model's own knobs: drop one of them");
            }
            if (rate != null || period != null || delay != null || mode != null) {
                throw checks.usage("--table " + Seed001.NAME + " sets the rates, delays and modes itself: drop "
                    + "--rate, --period, --delay and --mode");
            }
            for (Seed001.Cell c : Seed001.cells()) {
                plan.add(new Planned(new XskRrRequest(c.periodNs(), c.delayNs(), c.mode(), durationNs, options.seed), c));
            }
        } else {
            long periodNs = checks.periodNs(rate, period);
            long delayNs = checks.delayNs(delay == null ? 0 : delay);
            var m = mode == null && live() ? null : checks.mode(mode); // --live: the knobs say, unless told
            if (delayNs >= periodNs) {
                err.println(who() + ": warning: --delay " + Fmt.plain(delayNs / 1000.0, 3) + " µs is not shorter than the "
                    + "period " + Fmt.plain(periodNs / 1000.0, 3) + " µs: the client spins longer than it takes to send "
                    + "the next request, replies pile up and xsk_rr would never keep up (the real tool stops at 1024 "
                    + "outstanding requests); running anyway");
            }
            plan.add(new Planned(new XskRrRequest(periodNs, delayNs, m, durationNs, options.seed), null));
        }
        return plan.size() * durationNs;
    }

    @Override
    protected void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err) throws ToolError {
        List<XskRrRun> runs = new ArrayList<>();
        for (Planned p : plan) {
            XskRrRequest req = p.request();
            runs.add(XskRrRun.run(service, live(), p.published() == null ? null : p.published().experiment(), req,
                bar.run(req.durationNs()), options.plot != null, p.published()));
        }
        boolean isTable = table != null;
        if (options.json) {
            print(out, isTable ? BenchJson.xskRrTable(runs) : BenchJson.xskRr(runs.get(0)));
        } else if (options.csv) {
            print(out, BenchCsv.xskRr(runs));
        } else {
            print(out, isTable ? Seed001Table.render(runs) : BenchText.xskRr(runs.get(0)));
        }
        writePlot("netmodel bench xsk-rr: latency CDF" + (isTable ? ", seed 001" : ""), panels(runs), err);
    }

    /** One panel per experiment (one for a single run), one curve per mode. */
    static List<CdfPlot.Panel> panels(List<XskRrRun> runs) {
        Map<String, List<CdfPlot.Series>> byPanel = new LinkedHashMap<>();
        for (XskRrRun r : runs) {
            String title = (r.experiment() != null ? r.experiment() + ": " : "") + Fmt.plain(r.ratePps(), 3)
                + " requests/s, delay " + Fmt.plain(r.request().delayNs() / 1000.0, 3) + " µs";
            byPanel.computeIfAbsent(title, k -> new ArrayList<>())
                .add(new CdfPlot.Series(r.request().mode().cliName(), r.samples()));
        }
        List<CdfPlot.Panel> panels = new ArrayList<>();
        byPanel.forEach((title, series) -> panels.add(new CdfPlot.Panel(title, series)));
        return panels;
    }
}
