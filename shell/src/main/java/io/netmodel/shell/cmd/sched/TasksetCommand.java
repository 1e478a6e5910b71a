package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code netmodel taskset ARGS}: util-linux taskset on model tasks ({@link Taskset}); --help prints taskset's help. */
@Command(name = "taskset", description = {"Show or set a model task's CPU affinity, like taskset.",
    "Takes taskset's arguments; --json -p PID prints the task as JSON (a netmodel addition)."},
    footer = {"", "Examples:", "  netmodel taskset -p 1234", "  netmodel taskset -pc 2 1234", "  netmodel taskset -p 3 1234"})
public final class TasksetCommand extends TaskToolCommand {
    @Override
    String tool() {
        return "taskset";
    }

    @Override
    int runTool(TaskService tasks, List<String> args, PrintWriter out, PrintWriter err) throws ToolError {
        return new Taskset(tasks).run(args, out, err);
    }
}
