package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskInfo;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * util-linux 2.38 {@code chrt} ({@code schedutils/chrt.c}) on model tasks: {@code -p} reads
 * the pid from the last argument, a lone pid shows the policy and priority, priority and pid
 * set them (SCHED_RR when no policy is given), the priority is checked against
 * {@code sched_get_priority_min/max} before the call, {@code -m} lists the ranges, and the
 * messages and exit statuses are chrt's. The launch form ({@code chrt -f 50 CMD}) is refused:
 * the model runs no host commands.
 */
public final class Chrt {
    static final Map<String, Character> LONG = Map.ofEntries(Map.entry("all-tasks", 'a'), Map.entry("batch", 'b'),
        Map.entry("deadline", 'd'), Map.entry("fifo", 'f'), Map.entry("help", 'h'), Map.entry("idle", 'i'),
        Map.entry("max", 'm'), Map.entry("other", 'o'), Map.entry("pid", 'p'), Map.entry("rr", 'r'),
        Map.entry("reset-on-fork", 'R'), Map.entry("sched-runtime", 'T'), Map.entry("sched-period", 'P'),
        Map.entry("sched-deadline", 'D'), Map.entry("verbose", 'v'), Map.entry("version", 'V'));

    private final TaskService tasks;

    public Chrt(TaskService tasks) {
        this.tasks = tasks;
    }

    public int run(List<String> argv, PrintWriter out, PrintWriter err) {
        Getopt g;
        try {
            g = new Getopt("abdD:fiphmoP:T:rRvV", LONG).parse(argv);
        } catch (Getopt.Error e) {
            return tryHelp(err, e.getMessage());
        }
        SchedPolicy policy = SchedPolicy.RR;
        boolean verbose = false;
        Integer pid = null;
        for (Getopt.Opt o : g.opts) {
            switch (o.letter()) {
                case 'b' -> policy = SchedPolicy.BATCH;
                case 'd' -> policy = SchedPolicy.DEADLINE;
                case 'f' -> policy = SchedPolicy.FIFO;
                case 'i' -> policy = SchedPolicy.IDLE;
                case 'o' -> policy = SchedPolicy.OTHER;
                case 'r' -> policy = SchedPolicy.RR;
                case 'v' -> verbose = true;
                case 'a' -> { } // every thread of the process: a model task is its own thread group
                case 'm' -> {
                    showMinMax(out);
                    return 0;
                }
                case 'p' -> {
                    String last = argv.get(argv.size() - 1);
                    Integer p = s32(last);
                    if (p == null) {
                        err.println("chrt: invalid PID argument: '" + last + "'");
                        return 1;
                    }
                    pid = p;
                }
                case 'h' -> {
                    out.print(Resources.text("chrt-help.txt"));
                    return 0;
                }
                case 'V' -> {
                    out.println("chrt from util-linux 2.38.1");
                    return 0;
                }
                case 'R' -> {
                    err.println("chrt: SCHED_RESET_ON_FORK is not modelled (netmodel); nothing was changed");
                    return 1;
                }
                default -> { // -T/-P/-D: deadline parameters
                    err.println("chrt: SCHED_DEADLINE parameters are not modelled (netmodel); nothing was changed");
                    return 1;
                }
            }
        }
        int left = g.rest.size();
        if ((pid != null && left < 1) || (pid == null && left < 2)) {
            return tryHelp(err, "bad usage");
        }
        if (pid != null && (verbose || left == 1)) {
            if (!show(pid, "current", out, err)) {
                return 1;
            }
            if (left == 1) {
                return 0;
            }
        }
        Integer priority = s32(g.rest.get(0));
        if (priority == null) {
            err.println("chrt: invalid priority argument: '" + g.rest.get(0) + "'");
            return 1;
        }
        int min = policy.isRealtime() ? 1 : 0;
        int max = policy.isRealtime() ? 99 : 0;
        if (priority < min || priority > max) {
            err.println("chrt: unsupported priority value for the policy: " + priority + ": see --max for valid range");
            return 1;
        }
        if (pid == null) {
            err.println("chrt: netmodel cannot run '" + g.rest.get(1) + "' under a model policy: model threads are "
                + "set with 'chrt -p PRIO PID'; to run xsk_rr in the model use 'netmodel bench xsk-rr'");
            return 1;
        }
        try {
            tasks.setScheduler(pid, policy, priority);
        } catch (SchedException e) {
            err.println("chrt: failed to set pid " + pid + "'s policy: " + Errno.strerror(e.errno()));
            return 1;
        }
        if (verbose && !show(pid, "new", out, err)) {
            return 1;
        }
        return 0;
    }

    /** {@code show_sched_pid}. */
    private boolean show(int pid, String which, PrintWriter out, PrintWriter err) {
        TaskInfo t;
        try {
            t = tasks.task(pid);
        } catch (SchedException e) {
            err.println("chrt: failed to get pid " + pid + "'s policy: " + Errno.strerror(e.errno()));
            return false;
        }
        out.println("pid " + pid + "'s " + which + " scheduling policy: " + t.policy().schedName());
        out.println("pid " + pid + "'s " + which + " scheduling priority: " + t.rtPriority());
        return true;
    }

    /** {@code show_min_max}. */
    private static void showMinMax(PrintWriter out) {
        for (SchedPolicy p : SchedPolicy.values()) {
            int max = p.isRealtime() ? 99 : 0;
            out.println(p.schedName() + " min/max priority\t: " + (p.isRealtime() ? 1 : 0) + "/" + max);
        }
    }

    /** {@code strtos32_or_err}: a decimal int32 (leading whitespace and a sign allowed), else null. */
    static Integer s32(String s) {
        String t = s.stripLeading();
        if (!t.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int tryHelp(PrintWriter err, String msg) {
        err.println("chrt: " + msg);
        err.println("Try 'chrt --help' for more information.");
        return 1;
    }
}
