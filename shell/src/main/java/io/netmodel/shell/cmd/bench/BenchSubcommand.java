package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.shell.Instance;
import io.netmodel.shell.Layout;
import io.netmodel.shell.Session;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.CdfPlot;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.Terminal;
import io.netmodel.shell.cmd.SessionAware;
import io.netmodel.shell.control.ControlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code bench} subcommand does: check all flags before anything runs (exit 2),
 * find the model ({@code --live}: forward the command line to the daemon, which runs it on
 * its model; otherwise boot one in this process), run with a progress bar for long runs,
 * print text, JSON or CSV, and write the plot. Runtime failures exit 1.
 */
public abstract class BenchSubcommand implements Callable<Integer>, SessionAware {
    @Mixin
    BenchOptions options;

    @Spec
    CommandSpec spec;

    private Session session = Session.CLIENT;
    private String[] argv = new String[0];
    private BenchService given;

    @Override
    public void attach(Session session, String[] argv) {
        this.session = session;
        this.argv = argv.clone();
    }

    /** Runs on {@code service} instead of an in-process or running model (tests). */
    public void useService(BenchService service) {
        this.given = service;
    }

    /**
     * Checks this subcommand's own flags (a {@link ToolError} with exit code 2 names the flag
     * and what is allowed; warnings go to {@code err}); returns the simulated time all its runs
     * will take, in ns.
     */
    protected abstract long prepare(BenchChecks checks, PrintWriter err) throws ToolError;

    /** Where the workload pins its threads, so how few CPUs per host {@code --cpus} may give. */
    protected BenchChecks.PinnedCpus pinnedCpus() {
        return new BenchChecks.PinnedCpus(2, "the NIC's interrupt is on CPU 0 and the application's thread on CPU 1");
    }

    /** Runs the prepared benchmark on {@code service} and prints the result. */
    protected abstract void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err)
        throws ToolError;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String who = who();
        try {
            Layout layout = Layout.fromEnvironment();
            new BenchChecks(who).common(options, layout.bundlesDir(), session.inDaemon(), pinnedCpus());
            long totalSimNs = prepare(new BenchChecks(who), err);
            if (given == null && !session.inDaemon() && options.live) {
                return forward(out, err);
            }
            try (BenchModel model = given != null ? BenchModel.given(given)
                : session.inDaemon() ? BenchModel.ofDaemon(session.daemon(), who)
                : BenchModel.inProcess(options, layout, who)) {
                boolean tty = options.stderrTty || (!session.inDaemon() && Terminal.stderrIsTerminal());
                ProgressBar bar = ProgressBar.create(err, tty, totalSimNs);
                try {
                    execute(model.service(), bar, out, err);
                } finally {
                    bar.finish();
                }
            }
            out.flush();
            return 0;
        } catch (ToolError e) {
            err.println(e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            err.println(who + ": " + e.getMessage()); // the model refused the request, saying why
            // from flags alone (a mode or knob the chosen --kernel lacks): a usage error, as a
            // range is; on the live model's configuration: what the model is, exit 1
            return live() ? 1 : 2;
        } catch (RuntimeException e) {
            err.println(who + ": the model failed: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        }
    }

    /** Whether this run is on the running model ({@code --live}, or already inside its daemon). */
    protected boolean live() {
        return options.live || session.inDaemon();
    }

    /** {@code netmodel bench xsk-rr}. */
    protected String who() {
        return spec.qualifiedName();
    }

    /** Prints {@code text} on stdout unless it is empty. */
    protected static void print(PrintWriter out, String text) {
        out.print(text);
        out.flush();
    }

    /** Writes the CDF plot if {@code --plot} was given: SVG, or HTML for a {@code .html} name. */
    protected void writePlot(String title, List<CdfPlot.Panel> panels, PrintWriter err) throws ToolError {
        Path file = options.plot;
        if (file == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String doc = name.endsWith(".html") || name.endsWith(".htm") ? CdfPlot.html(title, panels) : CdfPlot.svg(title, panels);
        try {
            Files.writeString(file, doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolError(who() + ": --plot " + file + ": " + e.getMessage(), 1);
        }
        err.println(who() + ": wrote the latency CDF to " + file);
    }

    private int forward(PrintWriter out, PrintWriter err) throws ToolError {
        Instance inst = Instance.resolve(options.mount);
        Optional<Integer> code;
        try {
            code = ControlClient.run(inst.socket(), liveArgv(argv, Terminal.stderrIsTerminal()), out, err);
        } catch (IOException e) {
            throw new ToolError(who() + ": --live: " + e.getMessage(), 1);
        }
        if (code.isEmpty()) {
            throw new ToolError(who() + ": --live: no model is running at " + inst.mountPoint()
                + " (start one with: netmodel up --daemon" + (options.mount != null ? " --mount " + inst.mountPoint() : "")
                + "; or drop --live to run on an in-process model)", 1);
        }
        return code.get();
    }

    /**
     * The command line the daemon runs: {@code --plot} made absolute (the daemon has its own
     * working directory), and {@code --stderr-tty} when this process's stderr is a terminal
     * (the daemon's is not, yet its stderr ends up here).
     */
    static List<String> liveArgv(String[] argv, boolean stderrTty) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--plot") && i + 1 < argv.length) {
                out.add(a);
                out.add(Path.of(argv[++i]).toAbsolutePath().toString());
            } else if (a.startsWith("--plot=")) {
                out.add("--plot=" + Path.of(a.substring("--plot=".length())).toAbsolutePath());
            } else {
                out.add(a);
            }
        }
        if (stderrTty) {
            out.add("--stderr-tty");
        }
        return out;
    }
}
