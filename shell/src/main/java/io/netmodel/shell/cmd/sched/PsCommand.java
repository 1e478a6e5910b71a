package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netmodel ps}: the model's tasks, like {@code ps -eLo pid,cls,rtprio,ni,psr,comm}. */
@Command(name = "ps", mixinStandardHelpOptions = true,
    description = {"The model's threads (kthreadd, ksoftirqd/N, migration/N, cpuhp/N, napi/<dev>-<id>) like ps -eLo.",
        "Every model task is listed: -e, -A and -L are accepted for the command lines people type."},
    footer = {"", "Columns for -o: pid tid lwp spid tgid cls class rtprio ni nice pri psr comm",
        "ucomm args cmd",
        "", "Examples:", "  netmodel ps", "  netmodel ps -eLo pid,cls,rtprio,ni,psr,comm", "  netmodel ps --json"})
public final class PsCommand extends ModelCommand {
    @Option(names = {"-e", "-A"}, description = "Every task (always so in the model).")
    boolean every;

    @Option(names = "-L", description = "Show threads (each model task is a thread).")
    boolean threads;

    @Option(names = "-o", paramLabel = "FORMAT", description = "Columns, comma or space separated (procps names).")
    List<String> format = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per task: pid, comm, policy, rtprio, nice, psr, "
        + "cpus_allowed_list, kthread, no_setaffinity.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        TaskService tasks = daemon.host().tasks()
            .orElseThrow(() -> new ToolError("ps: the kernel model offers no task service", 1));
        return new Ps(tasks).run(columns(format), json, out, err);
    }

    static List<String> columns(List<String> format) {
        List<String> cols = new ArrayList<>();
        for (String f : format) {
            for (String c : f.split("[,\\s]+")) {
                if (!c.isEmpty()) {
                    cols.add(c);
                }
            }
        }
        return cols.isEmpty() ? Ps.DEFAULT : cols;
    }
}
