package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.TaskInfo;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import io.netmodel.shell.bench.JsonWriter;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code chrt --json -p PID} and {@code taskset --json -p PID}: the read forms of the two tools
 * as one JSON object per task (netmodel's addition; the real tools have no JSON), with the
 * fields {@code ps --json} uses.
 */
final class TaskJson {
    private TaskJson() {
    }

    /** Whether {@code argv} asks for JSON; such a call must be the read form {@code --json -p PID}. */
    static boolean wanted(List<String> argv) {
        return argv.contains("--json");
    }

    /** Prints the task or the tool's error; returns the exit code. */
    static int print(String tool, TaskService tasks, List<String> argv, PrintWriter out, PrintWriter err) {
        List<String> rest = argv.stream().filter(a -> !a.equals("--json")).toList();
        if (rest.size() != 2 || !(rest.get(0).equals("-p") || rest.get(0).equals("--pid"))) {
            err.println(tool + ": --json is for the read form only: " + tool + " --json -p PID");
            return 1;
        }
        int pid;
        try {
            pid = Integer.parseInt(rest.get(1));
        } catch (NumberFormatException e) {
            err.println(tool + ": invalid PID argument: '" + rest.get(1) + "'");
            return 1;
        }
        TaskInfo t;
        try {
            t = tasks.task(pid);
        } catch (SchedException e) {
            err.println(tool + ": failed to get pid " + pid + "'s " + (tool.equals("chrt") ? "policy" : "affinity") + ": "
                + Errno.strerror(e.errno()));
            return 1;
        }
        out.print(new JsonWriter().beginObject().name("pid").value(t.pid()).name("comm").value(t.comm())
            .name("policy").value(t.policy().schedName()).name("rtprio").value(t.rtPriority()).name("nice").value(t.nice())
            .name("cpus_allowed_list").value(CpuSets.list(t.cpusAllowed())).name("cpu").value(t.cpu()).endObject());
        return 0;
    }
}
