package io.netmodel.shell;

import io.netmodel.shell.cmd.CatCommand;
import io.netmodel.shell.cmd.CompletionCommand;
import io.netmodel.shell.cmd.DmesgCommand;
import io.netmodel.shell.cmd.EthtoolCommand;
import io.netmodel.shell.cmd.DownCommand;
import io.netmodel.shell.cmd.LsCommand;
import io.netmodel.shell.cmd.LsmodCommand;
import io.netmodel.shell.cmd.ModinfoCommand;
import io.netmodel.shell.cmd.ModprobeCommand;
import io.netmodel.shell.cmd.RmmodCommand;
import io.netmodel.shell.cmd.SessionAware;
import io.netmodel.shell.cmd.ShellCommand;
import io.netmodel.shell.cmd.StatusCommand;
import io.netmodel.shell.cmd.TraceCommand;
import io.netmodel.shell.cmd.TrafficCommand;
import io.netmodel.shell.cmd.UpCommand;
import io.netmodel.shell.cmd.WriteCommand;
import io.netmodel.shell.cmd.bench.BenchCommand;
import io.netmodel.shell.cmd.sched.ChrtCommand;
import io.netmodel.shell.cmd.sched.PsCommand;
import io.netmodel.shell.cmd.sched.TasksetCommand;
import io.netmodel.shell.cmd.ynl.YnlCommand;
import io.netmodel.shell.repl.Interactive;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code netmodel}: one command with subcommands shaped like the tools people already type.
 * {@code up} runs here; every other command runs inside the daemon that owns the model, which
 * this process reaches over the instance's control socket. With no arguments on a terminal it
 * starts the interactive shell ({@code netmodel shell}); elsewhere it prints its usage, so a
 * script never waits on a prompt.
 */
@Command(name = "netmodel", mixinStandardHelpOptions = true, versionProvider = NetmodelVersion.class,
    description = {"A model of the Linux network receive path that you mount, tune and measure.", ""},
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, ModprobeCommand.class,
        RmmodCommand.class, LsmodCommand.class, ModinfoCommand.class, CatCommand.class, WriteCommand.class, LsCommand.class, DmesgCommand.class,
        TraceCommand.class, BenchCommand.class, io.netmodel.shell.cmd.bench.CalibrateCommand.class, EthtoolCommand.class, YnlCommand.class, PsCommand.class, ChrtCommand.class,
        TasksetCommand.class, io.netmodel.shell.sysctl.SysctlCommand.class, io.netmodel.shell.ip.IpCommand.class,
        io.netmodel.shell.enter.EnterCommand.class, TrafficCommand.class, ShellCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  netmodel up --daemon                 start the default host and mount it",
        "  cat $(netmodel status --mount-point)/sys/class/net/eth0/mtu",
        "  netmodel rmmod virtio_net && netmodel modprobe virtio_net",
        "  netmodel bench xsk-rr --table seed001   seed 001's table, model vs published",
        "  netmodel ethtool -i eth0               ethtool, on the model's eth0",
        "  netmodel down",
        "  netmodel                             the interactive shell, on a terminal",
        "", "Exit status: 0 on success, 1 when the command failed, 2 for a usage error;",
        "commands that mirror a real tool (modprobe, rmmod, ls, ...) exit as it does;",
        "status exits 3 when no model runs."})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Interactive.terminal()) {
            return ShellCommand.start(null, spec);
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The whole command model, for what reads it rather than runs it: the shell's completion,
     * the completion script, generated docs.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // up --daemon only relays the background child's start: skip building the whole CLI.
        int code = DaemonLauncher.wants(args) ? DaemonLauncher.spawn(args, out, err) : execute(args, Session.CLIENT, out, err);
        out.flush();
        err.flush();
        if (code != UpCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** Parses and runs one command line in {@code session}; returns the exit code. */
    public static int execute(String[] args, Session session, PrintWriter out, PrintWriter err) {
        return execute(args, session, out, err, command -> { });
    }

    /**
     * As {@link #execute(String[], Session, PrintWriter, PrintWriter)}, handing each command
     * object picocli creates to {@code wire} first (tests give bench commands a fake model).
     */
    public static int execute(String[] args, Session session, PrintWriter out, PrintWriter err,
                              java.util.function.Consumer<Object> wire) {
        // The background child of up --daemon needs only its own command: build just that.
        boolean child = args.length > 0 && args[0].equals("up") && java.util.Arrays.asList(args).contains("--daemon-child");
        Object root = child ? new UpCommand() : new Main();
        String[] parsed = child ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        CommandLine cl = new CommandLine(root, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K obj = CommandLine.defaultFactory().create(cls);
                if (obj instanceof SessionAware aware) {
                    aware.attach(session, args);
                }
                wire.accept(obj);
                return obj;
            }
        });
        if (child) {
            cl.setCommandName("netmodel up");
        }
        cl.setOut(out);
        cl.setErr(err);
        NetmodelVersion.everywhere(cl);
        for (String tool : new String[] {"sysctl", "ip", "enter"}) {
            CommandLine sub = cl.getSubcommands().get(tool);
            if (sub != null) {
                sub.setUnmatchedOptionsArePositionalParams(true); // the real tools' own options pass through
            }
        }
        CommandLine enter = cl.getSubcommands().get("enter");
        if (enter != null) {
            enter.setStopAtPositional(true); // netmodel enter ls -V: -V is ls's
        }
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine sub = ex.getCommandLine();
            String what = sub.getCommandSpec().qualifiedName() + ": " + ex.getMessage();
            if (java.util.Arrays.asList(argv).contains("--daemon-child")) {
                System.out.println(DaemonLauncher.FAILED + "2 " + what); // the waiting parent reports it
                System.out.flush();
            }
            err.println(what);
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for more information.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, sub, parseResult) -> {
            err.println(sub.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return 1;
        });
        return cl.execute(parsed);
    }
}
