package io.netmodel.shell.cmd;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.bench.JsonWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: what is running, where it is mounted, which kernel it models. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the running model: pid, mount point, kernel profile, modules. Exit 3 if none runs.",
    footer = {"", "Examples:", "  netmodel status", "  netmodel status --fuse-counters",
        "  cat $(netmodel status --mount-point)/proc/interrupts", "  netmodel status --json | jq .kernel"})
public final class StatusCommand extends ModelCommand {
    @Option(names = "--mount-point", description = "Print only the mount point (for scripts).")
    boolean mountPointOnly;

    @Option(names = "--fuse-counters", description = "Print the FUSE upcalls served so far, by kind.")
    boolean fuseCounters;

    @Option(names = "--json", description = "pid, uptime_s, mount_point, mounted, kernel, modules, control_socket.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        if (mountPointOnly) {
            out.println(daemon.instance().mountPoint());
            return 0;
        }
        if (fuseCounters) {
            out.println(daemon.mount() == null ? "not mounted" : daemon.mount().counters() + " total="
                + daemon.mount().counters().total());
            return 0;
        }
        List<String> names = new ArrayList<>();
        for (ModuleInfo m : daemon.host().lsmod()) {
            names.add(m.name());
        }
        if (json) {
            JsonWriter w = new JsonWriter().beginObject().name("pid").value(ProcessHandle.current().pid())
                .name("uptime_s").value(daemon.uptimeNanos() / 1_000_000_000L)
                .name("mount_point").value(daemon.instance().mountPoint().toString())
                .name("mounted").value(daemon.mount() != null)
                .name("kernel").value(daemon.host().profile().version().toString())
                .name("modules").beginArray();
            for (String n : names) {
                w.value(n);
            }
            out.print(w.endArray().name("control_socket").value(daemon.instance().socket().toString()).endObject());
            return 0;
        }
        out.println("netmodel: running (pid " + ProcessHandle.current().pid() + ", up "
            + daemon.uptimeNanos() / 1_000_000_000L + " s)");
        out.println("  mount:   " + daemon.instance().mountPoint()
            + (daemon.mount() != null ? "" : " (not mounted: " + daemon.mountProblem() + ")"));
        out.println("  kernel:  " + daemon.host().profile().version());
        out.println("  modules: " + (names.isEmpty() ? "(none)" : String.join(" ", names)));
        out.println("  control: " + daemon.instance().socket());
        return 0;
    }

    @Override
    protected int notRunningExitCode() {
        return 3; // like systemctl status of an inactive unit
    }
}
