package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code netmodel chrt ARGS}: util-linux chrt on model tasks ({@link Chrt}); --help prints chrt's help. */
@Command(name = "chrt", description = {"Show or set a model task's scheduling policy and priority, like chrt.",
    "Takes chrt's arguments; --json -p PID prints the task as JSON (a netmodel addition)."},
    footer = {"", "Examples:", "  netmodel chrt -p 1234", "  netmodel chrt -f -p 50 1234", "  netmodel chrt -m"})
public final class ChrtCommand extends TaskToolCommand {
    @Override
    String tool() {
        return "chrt";
    }

    @Override
    int runTool(TaskService tasks, List<String> args, PrintWriter out, PrintWriter err) throws ToolError {
        return new Chrt(tasks).run(args, out, err);
    }
}
