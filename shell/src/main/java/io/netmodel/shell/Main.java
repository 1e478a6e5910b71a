package io.netmodel.shell;

import io.netmodel.shell.cmd.CatCommand;
import io.netmodel.shell.cmd.DmesgCommand;
import io.netmodel.shell.cmd.DownCommand;
import io.netmodel.shell.cmd.LsmodCommand;
import io.netmodel.shell.cmd.ModprobeCommand;
import io.netmodel.shell.cmd.RmmodCommand;
import io.netmodel.shell.cmd.SessionAware;
import io.netmodel.shell.cmd.StatusCommand;
import io.netmodel.shell.cmd.UpCommand;
import io.netmodel.shell.cmd.WriteCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code netmodel}: one command with subcommands shaped like the tools people already type.
 * {@code up} runs here; every other command runs inside the daemon that owns the model, which
 * this process reaches over the instance's control socket.
 */
@Command(name = "netmodel", mixinStandardHelpOptions = true, version = "netmodel 0.1.0",
    description = {"A model of the Linux network receive path that you mount, tune and measure.", ""},
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, ModprobeCommand.class,
        RmmodCommand.class, LsmodCommand.class, CatCommand.class, WriteCommand.class, DmesgCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  netmodel up --daemon                 start the default host (2 CPUs, virtio_net) and mount it",
        "  cat $(netmodel status --mount-point)/sys/class/net/eth0/mtu",
        "  netmodel rmmod virtio_net && netmodel modprobe virtio_net",
        "  netmodel down"})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, Session.CLIENT, out, err);
        out.flush();
        err.flush();
        if (code != UpCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** Parses and runs one command line in {@code session}; returns the exit code. */
    public static int execute(String[] args, Session session, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K obj = CommandLine.defaultFactory().create(cls);
                if (obj instanceof SessionAware aware) {
                    aware.attach(session, args);
                }
                return obj;
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine sub = ex.getCommandLine();
            err.println(sub.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.println("Try '" + sub.getCommandSpec().qualifiedName() + " --help' for more information.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, sub, parseResult) -> {
            err.println(sub.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }
}
