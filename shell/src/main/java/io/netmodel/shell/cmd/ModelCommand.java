package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import io.netmodel.shell.Instance;
import io.netmodel.shell.Session;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.control.ControlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that acts on a running model. In a client process it forwards the whole command
 * line to the daemon of the chosen instance ({@code --mount DIR} or {@code $NETMODEL_MOUNT});
 * inside the daemon it runs {@link #run}.
 */
public abstract class ModelCommand implements Callable<Integer>, SessionAware {
    @Option(names = "--mount", paramLabel = "DIR",
        description = "Which model: its mount point (default: $NETMODEL_MOUNT, else the default instance).")
    Path mount;

    @Spec
    CommandSpec spec;

    private Session session = Session.CLIENT;
    private String[] argv = new String[0];

    @Override
    public void attach(Session session, String[] argv) {
        this.session = session;
        this.argv = argv.clone();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!session.inDaemon()) {
            return forward(out, err);
        }
        try {
            return run(session.daemon(), out, err);
        } catch (ToolError e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
    }

    /** Runs inside the daemon; returns the exit code. */
    protected abstract int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError;

    /** Exit code when no model is running at the chosen instance. */
    protected int notRunningExitCode() {
        return 1;
    }

    protected Instance instance() {
        return Instance.resolve(mount);
    }

    private int forward(PrintWriter out, PrintWriter err) throws IOException {
        Instance inst = instance();
        Optional<Integer> code;
        try {
            code = ControlClient.run(inst.socket(), argvForDaemon(List.of(argv)), out, err);
        } catch (IOException e) {
            if (!connectionLossIsExpected()) {
                throw e;
            }
            code = Optional.of(0); // the daemon went away while answering: what this command asked for
        }
        if (code.isEmpty()) {
            return withoutModel(inst, out, err);
        }
        return afterForward(inst, code.get(), err);
    }

    /**
     * No model answered: what the command can say without one ({@link #runWithoutModel}), else
     * that none is running. Its output is held until it is known not to need the model.
     */
    private int withoutModel(Instance inst, PrintWriter out, PrintWriter err) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc;
        try (PrintWriter po = new PrintWriter(o); PrintWriter pe = new PrintWriter(e)) {
            try {
                rc = runWithoutModel(po, pe);
            } catch (ToolError t) {
                pe.println(t.getMessage());
                rc = t.exitCode();
            } catch (Offline.NoModel n) {
                err.println("netmodel: no model is running at " + inst.mountPoint()
                    + " (start one with: netmodel up --daemon" + (mount != null ? " --mount " + inst.mountPoint() : "") + ")");
                return notRunningExitCode();
            }
        }
        out.print(o);
        err.print(e);
        return rc;
    }

    /**
     * Runs the command with no model behind it: a tool that takes its own arguments
     * ({@code ethtool}, {@code ip}, {@code sysctl}, ...) gives its help, version and usage
     * errors this way; anything that needs the model throws {@link Offline.NoModel} (use
     * {@link Offline#service} for the tool's services). By default the command needs the model.
     */
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        throw new Offline.NoModel();
    }

    /**
     * The command line the daemon runs, made from this client's: a command that names files of
     * the caller (e.g. {@code sysctl -p FILE}) makes them absolute here, since the daemon has
     * another working directory.
     */
    protected List<String> argvForDaemon(List<String> argv) {
        return argv;
    }

    /** Whether the daemon closing the connection mid-answer means success (it does for {@code down}). */
    protected boolean connectionLossIsExpected() {
        return false;
    }

    /** Client-side follow-up once the daemon answered (e.g. {@code down} waits for the exit). */
    protected int afterForward(Instance inst, int code, PrintWriter err) {
        return code;
    }
}
