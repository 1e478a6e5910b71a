package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import io.netmodel.shell.cmd.Offline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code netmodel chrt ARGS}: util-linux chrt on model tasks ({@link Chrt}); --help prints chrt's help. */
@Command(name = "chrt", description = {"Show or set a model task's scheduling policy and priority, like chrt.",
    "Takes chrt's arguments; --json -p PID prints the task as JSON (a netmodel addition)."},
    footer = {"", "Examples:", "  netmodel chrt -p 1234", "  netmodel chrt -f -p 50 1234", "  netmodel chrt -m"})
public final class ChrtCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        return chrt(daemon.host().tasks().orElseThrow(() -> new ToolError("chrt: the kernel model offers no task service", 1)),
            out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return chrt(Offline.service(TaskService.class), out, err);
    }

    private int chrt(TaskService tasks, PrintWriter out, PrintWriter err) throws ToolError {
        if (TaskJson.wanted(args)) {
            return TaskJson.print("chrt", tasks, args, out, err);
        }
        return new Chrt(tasks).run(args, out, err);
    }
}
