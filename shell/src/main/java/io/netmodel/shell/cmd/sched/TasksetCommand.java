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

/** {@code netmodel taskset ARGS}: util-linux taskset on model tasks ({@link Taskset}); --help prints taskset's help. */
@Command(name = "taskset", description = {"Show or set a model task's CPU affinity, like taskset.",
    "Takes taskset's arguments; --json -p PID prints the task as JSON (a netmodel addition)."},
    footer = {"", "Examples:", "  netmodel taskset -p 1234", "  netmodel taskset -pc 2 1234", "  netmodel taskset -p 3 1234"})
public final class TasksetCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        return taskset(daemon.host().tasks()
            .orElseThrow(() -> new ToolError("taskset: the kernel model offers no task service", 1)), out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return taskset(Offline.service(TaskService.class), out, err);
    }

    private int taskset(TaskService tasks, PrintWriter out, PrintWriter err) throws ToolError {
        if (TaskJson.wanted(args)) {
            return TaskJson.print("taskset", tasks, args, out, err);
        }
        return new Taskset(tasks).run(args, out, err);
    }
}
