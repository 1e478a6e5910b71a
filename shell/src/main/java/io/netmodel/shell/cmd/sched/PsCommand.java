package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.TaskService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code netmodel ps}: the model's tasks, like {@code ps -eLo pid,cls,rtprio,ni,psr,comm}. */
@Command(name = "ps", mixinStandardHelpOptions = true,
    description = {"The model's threads (kthreadd, ksoftirqd/N, migration/N, cpuhp/N, napi/<dev>-<id>) like ps -eLo.",
        "Every model task is listed unless -p selects some: -e, -A and -L are accepted for the command lines people type."},
    footer = {"", "Columns for -o: pid tid lwp spid tgid cls class rtprio ni nice pri psr comm",
        "ucomm args cmd",
        "", "Examples:", "  netmodel ps", "  netmodel ps -eLo pid,cls,rtprio,ni,psr,comm", "  netmodel ps -p 9 -o comm=",
        "  netmodel ps --json"})
public final class PsCommand extends ModelCommand {
    @Option(names = {"-e", "-A"}, description = "Every task (always so in the model).")
    boolean every;

    @Option(names = "-L", description = "Show threads (each model task is a thread).")
    boolean threads;

    @Option(names = "-o", paramLabel = "FORMAT",
        description = "Columns, comma or space separated (procps names); NAME=HEADER renames one, NAME= hides it.")
    List<String> format = new ArrayList<>();

    @Option(names = {"-p", "--pid"}, paramLabel = "PIDLIST", description = "Only these pids (comma or space separated).")
    List<String> pidList = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per task: pid, comm, policy, rtprio, nice, psr, "
        + "cpus_allowed_list, kthread, no_setaffinity.")
    boolean json;

    /** {@code -f} of {@code ps -ef}: refused by name ({@link #refuseFormats}). */
    @Option(names = "-f", hidden = true)
    boolean full;

    /** BSD words ({@code aux}, {@code ax}): refused by name ({@link #refuseFormats}). */
    @Parameters(hidden = true)
    List<String> words = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        refuseFormats();
        TaskService tasks = daemon.host().tasks()
            .orElseThrow(() -> new ToolError("ps: the kernel model offers no task service", 1));
        Set<Integer> pids;
        try {
            pids = pids(pidList);
            if (every) {
                pids = null; // selections add up: -e has selected every task already
            }
        } catch (IllegalArgumentException e) {
            err.print("error: " + e.getMessage() + "\n" + Ps.USAGE);
            return 1;
        }
        return new Ps(tasks).run(columns(format), pids, json, out, err);
    }

    /** procps's {@code parse_pid_list}: null for none given; its messages for a bad list. */
    public static Set<Integer> pids(List<String> lists) {
        if (lists.isEmpty()) {
            return null;
        }
        Set<Integer> pids = new HashSet<>();
        for (String list : lists) {
            for (String p : list.strip().split("[,\\s]+", -1)) {
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("improper list");
                }
                long pid;
                try {
                    pid = Long.parseLong(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("process ID list syntax error");
                }
                if (pid < 1 || pid > 0x7fffffffL) {
                    throw new IllegalArgumentException("process ID out of range");
                }
                pids.add((int) pid);
            }
        }
        return pids;
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        refuseFormats();
        return super.runWithoutModel(out, err);
    }

    /**
     * {@code ps aux} and {@code ps -ef}, the forms people type first: their USER/UID, %CPU,
     * %MEM, VSZ, RSS, STAT, START/STIME and TIME columns need what the model does not keep per
     * task (CPU time, memory, start time, state), so they are refused with what to type instead.
     */
    private void refuseFormats() throws ToolError {
        if (full || !words.isEmpty()) {
            String what = full ? "-f (full format, as in ps -ef)" : "'" + String.join(" ", words) + "' (BSD format, as in ps aux)";
            throw new ToolError("netmodel ps: " + what + " is not offered: its UID, TIME and STIME columns need per-task "
                + "CPU time and start times the model does not keep; try: netmodel ps -eLo pid,cls,rtprio,ni,psr,comm "
                + "(or --json)", 2);
        }
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
