package io.netmodel.shell.enter;

import io.netmodel.fsmount.FuseMount;
import io.netmodel.fsmount.MountInfo;
import io.netmodel.shell.Instance;
import io.netmodel.shell.Layout;
import io.netmodel.shell.control.ControlClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netmodel enter}: runs a command (or an interactive shell) in a private mount namespace
 * ({@code unshare --mount --propagation private}) where the model's files are bind-mounted over
 * the host's ({@link EnterPlan}), {@code /proc/net} points at a directory whose {@code dev},
 * {@code netstat}, {@code snmp} and {@code softnet_stat} are the model's, and {@link Shims} come first on PATH and in sudo's
 * {@code secure_path}. Nothing mounted there is visible outside the namespace, so nothing a
 * script does inside changes the host, and leaving needs no clean-up. Runs in the client.
 */
@Command(name = "enter", mixinStandardHelpOptions = true,
    description = {"Run CMD (default: an interactive shell) with the model's files and commands in place of the host's.",
        "In a private mount namespace,",
        "/sys/class/net, /proc/sys/net/core, /proc/interrupts, /proc/irq, /proc/stat,",
        "/proc/softirqs, /proc/net/dev,",
        "/proc/net/{netstat,snmp,softnet_stat}, /proc/sys/kernel/{timer_migration,sched_rt_*},",
        "/sys/devices/system/cpu/smt, /sys/devices/virtual/workqueue, the fair servers'",
        "/sys/kernel/debug/sched/fair_server (6.12+), the CPU masks and cpuN of",
        "/sys/devices/system/cpu (all of it when the CPU counts differ),",
        "/sys/devices/system/node, /sys/bus/{pci,virtio}/{devices,drivers} and the",
        "model's /sys/devices and /sys/module entries are the model's, and ethtool, ynl,",
        "chrt, taskset, sysctl, ip, modprobe, rmmod, lsmod, modinfo are the model's",
        "commands (for sudo",
        "too), and so is ps: the model's threads, in its -e, -A, -L, -o and -p forms (not",
        "ps aux or ps -ef). The host is never changed. Needs root and a running,",
        "mounted model; returns CMD's exit code."},
    footer = {"", "Examples:", "  netmodel enter                       a shell inside; exit to leave",
        "  netmodel enter -- cat /proc/interrupts",
        "  netmodel enter -- bash seed001-setup.sh enable_threaded",
        "  netmodel enter --print-mounts        what is covered, and from where",
        "", "Not covered: /proc/self/net and /proc/<pid>/net stay the host's (only /proc/net",
        "is redirected); entries the model adds after enter (a driver loaded inside)",
        "appear only under directories already covered. A host path the model has but",
        "the host lacks is covered through its deepest existing ancestor."})
public final class EnterCommand implements Callable<Integer> {
    @Option(names = "--mount", paramLabel = "DIR",
        description = "Which model: its mount point (default: $NETMODEL_MOUNT, else the default instance).")
    Path mount;

    @Option(names = "--print-mounts", description = "Print the bind mounts enter would make, then exit.")
    boolean printMounts;

    @Parameters(arity = "0..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instance inst = Instance.resolve(mount);
        Path mp = inst.mountPoint().toAbsolutePath();
        if (!ControlClient.alive(inst.socket())) {
            err.println("netmodel: no model is running at " + mp + " (start one with: netmodel up --daemon"
                + (mount != null ? " --mount " + mp : "") + ")");
            return 1;
        }
        if (!MountInfo.find(mp).map(m -> m.fsType().equals(FuseMount.FS_TYPE)).orElse(false)) {
            err.println("netmodel enter: the model at " + mp + " is not mounted (FUSE unavailable or --no-mount)");
            return 1;
        }
        List<EnterPlan.Bind> binds = EnterPlan.compute(mp.toString(),
            rel -> Files.exists(mp.resolve(rel), LinkOption.NOFOLLOW_LINKS), rel -> list(mp.resolve(rel)),
            abs -> Files.exists(Path.of(abs), LinkOption.NOFOLLOW_LINKS), abs -> list(Path.of(abs)));
        if (printMounts) {
            for (EnterPlan.Bind b : binds) {
                out.println(b.target() + " <- " + b.source());
            }
            out.println("/proc/net -> a directory whose dev, netstat, snmp and softnet_stat are " + mp + "/proc/net/*");
            out.println("/usr/local/sbin and PATH <- the shims (" + String.join(" ", Shims.OWNED) + ")");
            out.flush();
            return 0;
        }
        Path work = Files.createTempDirectory("netmodel-enter");
        try {
            Path shims = work.resolve("bin");
            Shims.write(shims, Layout.fromEnvironment().home().resolve("netmodel"), mp,
                spec.root().subcommands().keySet());
            Path procNet = ProcNet.stage(work, mp);
            Path script = work.resolve("enter.sh");
            Files.writeString(script, EnterScript.render(binds, procNet, shims, mp,
                Path.of("").toAbsolutePath(), Files.isExecutable(Path.of("/usr/bin/perl"))));
            List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--",
                "/bin/sh", script.toString()));
            argv.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                err.println("netmodel enter: cannot run unshare (util-linux): " + e.getMessage());
                return 1;
            }
            Object previous = ignoreInterrupts();
            try {
                return p.waitFor();
            } finally {
                restoreInterrupts(previous);
            }
        } finally {
            delete(work);
        }
    }

    private static List<String> list(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Ctrl-C belongs to the command inside (an interactive shell ignores it); this JVM waits on. */
    private static Object ignoreInterrupts() {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void restoreInterrupts(Object previous) {
        if (previous instanceof sun.misc.SignalHandler h) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
