package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import io.netmodel.shell.cmd.Offline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Unmatched;

/**
 * A util-linux tool on the model's tasks ({@code chrt}, {@code taskset}): its own arguments, run
 * on the kernel's {@code TaskService}, or on an {@link Offline} one with no model running (help,
 * version, usage errors); {@code --json -p PID} prints the task as JSON ({@link TaskJson}).
 */
abstract class TaskToolCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    /** The tool's name, as its messages give it. */
    abstract String tool();

    /** Runs the tool itself with {@code args} on {@code tasks}. */
    abstract int runTool(TaskService tasks, List<String> args, PrintWriter out, PrintWriter err) throws ToolError;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        return on(daemon.host().tasks()
            .orElseThrow(() -> new ToolError(tool() + ": the kernel model offers no task service", 1)), out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return on(Offline.service(TaskService.class), out, err);
    }

    private int on(TaskService tasks, PrintWriter out, PrintWriter err) throws ToolError {
        if (TaskJson.wanted(args)) {
            return TaskJson.print(tool(), tasks, args, out, err);
        }
        return runTool(tasks, args, out, err);
    }
}
