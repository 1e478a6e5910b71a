package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import java.io.PrintWriter;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * util-linux 2.38 {@code taskset} ({@code schedutils/taskset.c}) on model tasks: {@code -p}
 * reads the pid from the last argument; a lone pid prints the current affinity; a mask
 * ({@code -c}: a CPU list) prints the current one, sets, and prints the new one; a parse error
 * is reported before anything is read; the messages and exit statuses are taskset's. The
 * launch form ({@code taskset -c 3-5 CMD}) is refused: the model runs no host commands.
 */
public final class Taskset {
    static final Map<String, Character> LONG = Map.of("all-tasks", 'a', "pid", 'p', "cpu-list", 'c', "help", 'h',
        "version", 'V');

    private final TaskService tasks;

    public Taskset(TaskService tasks) {
        this.tasks = tasks;
    }

    public int run(List<String> argv, PrintWriter out, PrintWriter err) {
        Getopt g;
        try {
            g = new Getopt("acphV", LONG).parse(argv);
        } catch (Getopt.Error e) {
            return tryHelp(err, e.getMessage());
        }
        boolean list = false;
        Integer pid = null;
        for (Getopt.Opt o : g.opts) {
            switch (o.letter()) {
                case 'c' -> list = true;
                case 'a' -> { } // all threads: a model task is its own thread group
                case 'p' -> {
                    String last = argv.get(argv.size() - 1);
                    pid = Chrt.s32(last);
                    if (pid == null) {
                        err.println("taskset: invalid PID argument: '" + last + "'");
                        return 1;
                    }
                }
                case 'h' -> {
                    out.print(Resources.text("taskset-help.txt"));
                    return 0;
                }
                default -> {
                    out.println("taskset from util-linux 2.38.1");
                    return 0;
                }
            }
        }
        int left = g.rest.size();
        if ((pid == null && left < 2) || (pid != null && (left < 1 || left > 2))) {
            return tryHelp(err, "bad usage");
        }
        if (pid == null) {
            err.println("taskset: netmodel cannot run '" + g.rest.get(1) + "' on model CPUs: model threads are pinned "
                + "with 'taskset -pc CPUS PID'; to run xsk_rr in the model use 'netmodel bench xsk-rr'");
            return 1;
        }
        boolean getOnly = left == 1;
        BitSet wanted = null;
        if (!getOnly) {
            String arg = g.rest.get(0);
            wanted = list ? CpuSets.parseList(arg) : CpuSets.parseMask(arg);
            if (wanted == null) {
                err.println("taskset: failed to parse CPU " + (list ? "list" : "mask") + ": " + arg);
                return 1;
            }
        }
        if (!print(pid, list, "current", out, err)) {
            return 1;
        }
        if (getOnly) {
            return 0;
        }
        try {
            tasks.setAffinity(pid, wanted);
        } catch (SchedException e) {
            err.println("taskset: failed to set pid " + pid + "'s affinity: " + Errno.strerror(e.errno()));
            return 1;
        }
        return print(pid, list, "new", out, err) ? 0 : 1;
    }

    /** {@code print_affinity}. */
    private boolean print(int pid, boolean list, String which, PrintWriter out, PrintWriter err) {
        BitSet cpus;
        try {
            cpus = tasks.task(pid).cpusAllowed();
        } catch (SchedException e) {
            err.println("taskset: failed to get pid " + pid + "'s affinity: " + Errno.strerror(e.errno()));
            return false;
        }
        out.println("pid " + pid + "'s " + which + " affinity " + (list ? "list: " + CpuSets.list(cpus)
            : "mask: " + CpuSets.mask(cpus)));
        return true;
    }

    private static int tryHelp(PrintWriter err, String msg) {
        err.println("taskset: " + msg);
        err.println("Try 'taskset --help' for more information.");
        return 1;
    }
}
