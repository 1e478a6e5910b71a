package io.netmodel.shell.cmd;

import io.netmodel.shell.repl.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netmodel shell}: the interactive shell ({@link Repl}); also what {@code netmodel} alone starts on a terminal. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Interactive netmodel shell: type commands without 'netmodel', with line editing, history"
            + " (~/.netmodel_history, or $XDG_STATE_HOME/netmodel/history) and Tab completion of commands,"
            + " options, device names, probe names and model paths.",
        "Each line runs as 'netmodel LINE' would, on the running model. 'exit', 'quit' or Ctrl-D leave;"
            + " Ctrl-C drops the line or cancels the running command. 'up' runs only with --daemon here.",
        "When stdin is not a terminal, reads one command per line from it, without prompt or history,"
            + " and exits with the last command's code."},
    footer = {"", "Examples:",
        "  netmodel shell",
        "  netmodel shell --mount /tmp/nm       its commands talk to the model at /tmp/nm",
        "  printf 'lsmod\\ncat /proc/sys/net/core/busy_read\\n' | netmodel shell"})
public final class ShellCommand implements Callable<Integer> {
    @Option(names = "--mount", paramLabel = "DIR",
        description = "Which model the shell's commands talk to: its mount point (default: $NETMODEL_MOUNT, else the default instance).")
    Path mount;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return start(mount, spec);
    }

    /** Runs the shell: interactive on a terminal, else over stdin's lines. */
    public static int start(Path mount, CommandSpec spec) throws IOException {
        Repl repl = new Repl(mount);
        if (io.netmodel.shell.repl.Interactive.terminal()) {
            return repl.interactive();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return repl.script(in, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
