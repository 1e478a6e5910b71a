package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.CostFit;
import io.netmodel.shell.bench.Fmt;
import io.netmodel.shell.bench.JsonWriter;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.Seed001;
import io.netmodel.shell.bench.Seed001Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code netmodel calibrate}: fits the host profile's cost parameters to seed 001's table
 * ({@link CostFit}) and prints them beside the profile's, the score before and after, and the
 * table with the fitted costs; {@code --write} puts them into a copy of the calibration file.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
    defaultValueProvider = CalibrateCommand.CellDuration.class,
    modelTransformer = CalibrateCommand.HideRefused.class,
    description = {"Fit the host profile's cost parameters (io/netmodel/rx/cloud-vm.properties: wire, xmit, irq, ...) "
        + "to seed 001's xsk_rr table, on its 18 explained cells, by coordinate descent over simulated runs.",
        "Prints the parameters before and after, the score (RMS p50 error + half the RMS p99 error + 0.02 per pair "
            + "of modes out of the published order), and the table with the fitted costs. The model's own profile "
            + "is not changed: --write FILE writes the fitted values into FILE (a copy of the calibration file).",
        "Each cell runs --duration simulated seconds: 0.5 unless given (the benchmarks' default is 10)."},
    footer = {"", "Examples:",
        "  # fit every parameter xsk_rr depends on (~45 evaluations x 18 short runs)",
        "  netmodel calibrate",
        "  # refit two parameters, three rounds, and write them into the source tree",
        "  netmodel calibrate --fit irq,napi_move --rounds 3 --write \\",
        "      framework/kernel/src/main/resources/io/netmodel/rx/cloud-vm.properties"})
public final class CalibrateCommand extends BenchSubcommand {
    /** Per cell when --duration is not given: long enough for a steady p99, short enough for ~45 evaluations. */
    static final String DEFAULT_CELL_DURATION = "0.5";

    /**
     * The shared options calibrate always refuses ({@code --csv}, {@code --plot}, {@code --live},
     * {@code --mount}) stay parseable, so the refusal can say what to use instead, but leave the help.
     */
    public static final class HideRefused implements picocli.CommandLine.IModelTransformer {
        @Override
        public picocli.CommandLine.Model.CommandSpec transform(picocli.CommandLine.Model.CommandSpec spec) {
            for (String name : new String[] {"--csv", "--plot", "--live", "--mount"}) {
                OptionSpec o = spec.findOption(name);
                if (o != null && !o.hidden()) {
                    spec.remove(o);
                    spec.addOption(o.toBuilder().hidden(true).build());
                }
            }
            return spec;
        }
    }

    /** calibrate's own default for the shared {@code --duration} (the help's {@code (default: ...)} shows it too). */
    public static final class CellDuration implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            return arg.isOption() && ((OptionSpec) arg).longestName().equals("--duration") ? DEFAULT_CELL_DURATION : null;
        }
    }

    @Option(names = "--table", paramLabel = "NAME", order = 1, defaultValue = Seed001.NAME,
        description = "The published table to fit: seed001 (the only one).")
    String table;

    @Option(names = "--fit", paramLabel = "LIST", order = 2, split = ",",
        description = "Parameters to fit, comma-separated (default: the 11 xsk_rr depends on: wire, wire_jitter, "
            + "xmit, syscall, poll_empty, poll_per_packet, busy_loop_setup, irq, ring_peek, napi_move, tx_clean).")
    List<String> fit;

    @Option(names = "--rounds", paramLabel = "N", order = 3, defaultValue = "2",
        description = "Passes over the parameters, 1 .. 20 (default 2).")
    int rounds;

    @Option(names = "--write", paramLabel = "FILE", order = 4,
        description = "Write the fitted values into FILE, an existing calibration file: each 'key=value' line of a "
            + "fitted key is replaced, comments and other keys are kept.")
    Path write;

    private List<String> params;
    private long cellNs;

    @Override
    protected BenchChecks.PinnedCpus pinnedCpus() {
        return BenchChecks.PinnedCpus.SEED001;
    }

    @Override
    protected long prepare(BenchChecks checks, PrintWriter err) throws ToolError {
        checks.table(table);
        if (live()) {
            throw checks.usage("--live: calibrate fits the host profile on in-process runs of seed 001's set-ups; "
                + "drop --live (the running model's knobs play no part in it)");
        }
        if (options.csv || options.plot != null) {
            throw checks.usage((options.csv ? "--csv" : "--plot") + " is not offered by calibrate: use --json, or run "
                + "netmodel bench xsk-rr --table seed001 for the table's CSV and plot");
        }
        params = fit == null ? CostFit.XSK_RR_PARAMS : fit.stream().map(String::trim).toList();
        for (String p : params) {
            if (!CostFit.XSK_RR_PARAMS.contains(p)) {
                throw checks.usage("--fit " + p + " is not a parameter xsk_rr's table depends on; choose from "
                    + String.join(",", CostFit.XSK_RR_PARAMS));
            }
        }
        if (params.size() != params.stream().distinct().count()) {
            throw checks.usage("--fit names a parameter twice: " + String.join(",", params));
        }
        if (rounds < 1 || rounds > 20) {
            throw checks.usage("--rounds must be 1 .. 20, not " + rounds);
        }
        if (write != null && !Files.isRegularFile(write)) {
            throw checks.usage("--write " + write + ": no such file; give an existing calibration file (e.g. a copy of "
                + "framework/kernel/src/main/resources/io/netmodel/rx/cloud-vm.properties)");
        }
        cellNs = options.durationNs();
        long cells = Seed001.cells().stream().filter(Seed001.Cell::explained).count();
        return (CostFit.maxEvaluations(params.size(), rounds) * cells + Seed001.cells().size()) * cellNs;
    }

    @Override
    protected void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err) throws ToolError {
        if (service.costs().isEmpty()) {
            throw new ToolError(who() + ": this model has no cost parameters to fit", 1);
        }
        CostFit.Result r = new CostFit(service, params, rounds, cellNs, options.seed, bar::run).fit();
        if (write != null) {
            writeProfile(r.after());
        }
        print(out, options.json ? json(r) : text(r));
        if (write != null) {
            err.println(who() + ": wrote " + r.after().size() + " fitted values into " + write);
        }
    }

    private String text(CostFit.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "netmodel calibrate: %s, %d explained cells, %d parameters, %d rounds, "
                + "%s s per cell, seed %d: %d evaluations%n%n", table,
            Seed001.cells().stream().filter(Seed001.Cell::explained).count(), params.size(), rounds,
            Fmt.plain(cellNs / 1e9, 3), options.seed, r.evaluations()));
        sb.append(String.format(Locale.ROOT, "%-18s %9s %9s %8s%n", "parameter (ns)", "profile", "fitted", "change"));
        for (String p : params) {
            long b = r.before().get(p);
            long a = r.after().get(p);
            sb.append(String.format(Locale.ROOT, "%-18s %9d %9d %8s%n", p, b, a,
                a == b ? "" : b == 0 ? "new" : Fmt.percent((a - b) / (double) b)));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-30s %9s %9s%n", "score", "profile", "fitted"));
        sb.append(scoreLine("RMS p50 error", Fmt.percent(r.start().rmsP50()).substring(1), Fmt.percent(r.end().rmsP50()).substring(1)));
        sb.append(scoreLine("RMS p99 error", Fmt.percent(r.start().rmsP99()).substring(1), Fmt.percent(r.end().rmsP99()).substring(1)));
        sb.append(scoreLine("mode pairs out of order", Integer.toString(r.start().misorderedPairs()),
            Integer.toString(r.end().misorderedPairs())));
        sb.append(scoreLine("score", Fmt.plain(r.start().value(), 4), Fmt.plain(r.end().value(), 4)));
        sb.append('\n');
        sb.append("The table with the fitted costs:\n\n");
        sb.append(Seed001Table.render(r.runs()));
        return sb.toString();
    }

    private static String scoreLine(String name, String before, String after) {
        return String.format(Locale.ROOT, "%-30s %9s %9s%n", name, before, after);
    }

    private String json(CostFit.Result r) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("table").value(table).name("cell_duration_ns").value(cellNs).name("seed").value(options.seed)
            .name("rounds").value(rounds).name("evaluations").value(r.evaluations());
        json.name("profile").beginObject();
        r.before().forEach((k, v) -> json.name(k).value(v));
        json.endObject().name("fitted").beginObject();
        r.after().forEach((k, v) -> json.name(k).value(v));
        json.endObject();
        score(json, "score_profile", r.start());
        score(json, "score_fitted", r.end());
        json.name("steps").beginArray();
        for (CostFit.Step s : r.steps()) {
            json.beginObject().name("round").value(s.round()).name("param").value(s.param()).name("from_ns").value(s.fromNs())
                .name("to_ns").value(s.toNs()).name("score").value(decimal(s.score().value())).endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void score(JsonWriter json, String name, CostFit.Score s) {
        json.name(name).beginObject().name("rms_p50_error").value(decimal(s.rmsP50()))
            .name("rms_p99_error").value(decimal(s.rmsP99())).name("misordered_pairs").value(s.misorderedPairs())
            .name("value").value(decimal(s.value())).endObject();
    }

    private static BigDecimal decimal(double v) {
        return Fmt.decimal(v, 5);
    }

    /** Replaces each fitted key's {@code key=value} line of the file; every other line stays as it is. */
    private void writeProfile(Map<String, Long> fitted) throws ToolError {
        try {
            List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(write, StandardCharsets.UTF_8).split("\n", -1)));
            List<String> missing = new ArrayList<>(fitted.keySet());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                if (fitted.containsKey(key)) {
                    lines.set(i, key + "=" + fitted.get(key));
                    missing.remove(key);
                }
            }
            if (!missing.isEmpty()) {
                throw new ToolError(who() + ": --write " + write + ": no line for " + String.join(", ", missing)
                    + "; is it a calibration file? Nothing was written", 1);
            }
            Files.writeString(write, String.join("\n", lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolError(who() + ": --write " + write + ": " + e.getMessage(), 1);
        }
    }
}
