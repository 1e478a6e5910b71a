package io.netmodel.shell.cmd.sched;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskInfo;
import io.netmodel.api.sched.TaskService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * procps-ng 4.0 {@code ps -eLo FORMAT} over the model's tasks: the columns the receive path
 * cares about with procps's headers, widths and rules ({@code output.c}: {@code pr_class},
 * {@code pr_rtprio} "-" for SCHED_OTHER, {@code pr_nice} "-" but for OTHER and BATCH,
 * {@code pr_pri} 19 - nice or 40 + rtprio), and {@code --json}: one object per task with
 * stable field names.
 */
public final class Ps {
    /** A column: header, width, right-aligned, value. */
    record Column(String header, int width, boolean right, Function<TaskInfo, String> value) {
    }

    public static final List<String> DEFAULT = List.of("pid", "cls", "rtprio", "ni", "psr", "comm");

    private final TaskService tasks;

    public Ps(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * Prints the table for {@code format} (procps column names, each optionally {@code name=HEADER}:
     * the header renamed, the column at least as wide; no header line when every header is
     * empty), for the tasks whose pid is in {@code pids} (null: every task); returns the exit
     * status, 1 when {@code -p} selected none (procps prints the header all the same).
     */
    public int run(List<String> format, Set<Integer> pids, boolean json, PrintWriter out, PrintWriter err) {
        List<TaskInfo> all = new ArrayList<>(tasks.tasks());
        if (pids != null) {
            all.removeIf(t -> !pids.contains(t.pid()));
        }
        int status = pids != null && all.isEmpty() ? 1 : 0;
        if (json) {
            out.println(json(all));
            return status;
        }
        List<Column> cols = new ArrayList<>();
        boolean anyHeader = false;
        for (String spec : format) {
            int eq = spec.indexOf('=');
            Column c = column(eq < 0 ? spec : spec.substring(0, eq));
            if (c == null) {
                err.println("error: unknown user-defined format specifier \"" + spec + "\"");
                err.print(USAGE);
                return 1;
            }
            if (eq >= 0) {
                String header = spec.substring(eq + 1);
                c = new Column(header, Math.max(c.width(), header.length()), c.right(), c.value());
            }
            anyHeader |= !c.header().isEmpty();
            cols.add(c);
        }
        if (anyHeader) {
            out.println(row(cols, null));
        }
        for (TaskInfo t : all) {
            out.println(row(cols, t));
        }
        return status;
    }

    static final String USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
        + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

    private static String row(List<Column> cols, TaskInfo t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String v = t == null ? c.header() : c.value().apply(t);
            boolean last = i == cols.size() - 1;
            if (i > 0) {
                sb.append(' ');
            }
            if (c.right()) {
                sb.append(" ".repeat(Math.max(0, c.width() - v.length()))).append(v);
            } else {
                sb.append(v);
                if (!last) {
                    sb.append(" ".repeat(Math.max(0, c.width() - v.length())));
                }
            }
        }
        return sb.toString();
    }

    static Column column(String spec) {
        switch (spec) {
            case "pid": case "tgid": return new Column(spec.equals("pid") ? "PID" : "TGID", 5, true, t -> Integer.toString(t.pid()));
            case "tid": case "lwp": case "spid":
                return new Column(spec.equals("tid") ? "TID" : spec.toUpperCase(), 5, true, t -> Integer.toString(t.pid()));
            case "cls": return new Column("CLS", 3, true, Ps::cls);
            case "class": return new Column("CLS", 3, false, Ps::cls); // procps: class LEFT, cls RIGHT
            case "rtprio": return new Column("RTPRIO", 6, true, t -> t.policy() == SchedPolicy.OTHER ? "-" : Integer.toString(t.rtPriority()));
            case "ni": case "nice": return new Column("NI", 3, true, t -> t.policy() == SchedPolicy.OTHER
                || t.policy() == SchedPolicy.BATCH ? Integer.toString(t.nice()) : "-");
            case "pri": return new Column("PRI", 3, true, t -> Integer.toString(t.policy().isRealtime()
                ? 40 + t.rtPriority() : 19 - t.nice()));
            case "psr": return new Column("PSR", 3, true, t -> Integer.toString(t.cpu()));
            case "comm": case "ucomm": case "ucmd": return new Column("COMMAND", 15, false, TaskInfo::comm);
            case "args": case "cmd": case "command":
                return new Column(spec.equals("cmd") ? "CMD" : "COMMAND", 27, false, t -> t.kthread() ? "[" + t.comm() + "]" : t.comm());
            default: return null;
        }
    }

    /** {@code pr_class}. */
    static String cls(TaskInfo t) {
        switch (t.policy()) {
            case OTHER: return "TS";
            case FIFO: return "FF";
            case RR: return "RR";
            case BATCH: return "B";
            case IDLE: return "IDL";
            case DEADLINE: return "DLN";
            default: return "?";
        }
    }

    private static String json(List<TaskInfo> all) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < all.size(); i++) {
            TaskInfo t = all.get(i);
            sb.append(i > 0 ? ",\n " : "").append("{\"pid\": ").append(t.pid())
                .append(", \"comm\": \"").append(t.comm().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\", \"policy\": \"").append(t.policy().schedName())
                .append("\", \"rtprio\": ").append(t.rtPriority())
                .append(", \"nice\": ").append(t.nice())
                .append(", \"psr\": ").append(t.cpu())
                .append(", \"cpus_allowed_list\": \"").append(CpuSets.list(t.cpusAllowed()))
                .append("\", \"kthread\": ").append(t.kthread())
                .append(", \"no_setaffinity\": ").append(t.noSetAffinity()).append('}');
        }
        return sb.append(']').toString();
    }
}
