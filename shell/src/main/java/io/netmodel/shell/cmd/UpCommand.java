package io.netmodel.shell.cmd;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.fsmount.FuseMount;
import io.netmodel.fsmount.MountInfo;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.DaemonLauncher;
import io.netmodel.shell.Instance;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.Session;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.Fmt;
import io.netmodel.shell.control.ControlClient;
import io.netmodel.shell.host.BuiltinHost;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code up}: boots a model host, loads the drivers for its devices, mounts it and serves the
 * control socket until {@code netmodel down}, Ctrl-C or SIGTERM. With {@code --daemon} it
 * returns once the mount is usable (exit 0) or failed (exit 1, reason on stderr).
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start a model host and mount it (sys/class/net, proc/sys/net/core, proc/interrupts, ...).",
    footer = {"", "Examples:",
        "  netmodel up                          foreground; Ctrl-C unmounts and stops",
        "  netmodel up --daemon --kernel 4.4    background, modelling Linux 4.4",
        "  netmodel up --daemon --nic e1000 --kernel 4.4   seed 000: NAPI id 0",
        "  netmodel up --daemon --nic ixgbe:2 --queues 4   two 82599s",
        "  netmodel up --daemon --mount /tmp/nm2   a second instance elsewhere",
        "  netmodel up --host list              the built-in hosts",
        "  netmodel up --daemon --host seed001  seed 001's machine (idpf, 8 CPUs, SMT on)",
        "",
        "--host sets the kernel, CPUs, NICs and SMT state. --kernel, --cpus and --queues",
        "given with it override the host's values; --nic cannot be combined with --host",
        "(the NICs are what the host is)."})
public final class UpCommand implements Callable<Integer>, SessionAware {
    /** Exit code meaning "the model keeps running in this process": main must not exit. */
    public static final int KEEP_RUNNING = -1;

    @Option(names = "--mount", paramLabel = "DIR",
        description = "Mount point (default: $NETMODEL_MOUNT, else $XDG_RUNTIME_DIR/netmodel or /run/netmodel).")
    Path mount;

    @Option(names = "--host", paramLabel = "NAME|FILE",
        description = "A built-in host (seed000, seed001, seed004; 'list' prints them), or a host file: "
            + "kernel = 4.19, cpus = 16, nics = ixgbe:2, smt = on, description = ... (properties syntax).")
    String host;

    @Option(names = "--kernel", paramLabel = "VER",
        description = "Kernel release to model, 3.11 .. 6.19 (default: 6.19, or the --host's).")
    String kernel;

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs of the host (default: 2, or the --host's).")
    Integer cpus;

    @Option(names = "--nic", paramLabel = "DRIVER[:COUNT]", split = ",", completionCandidates = KnownNics.class,
        description = "NICs on the host's bus, repeatable (default: virtio_net). Known: ${COMPLETION-CANDIDATES}.")
    List<String> nics = new ArrayList<>(List.of());

    @Option(names = "--queues", paramLabel = "N", defaultValue = "0",
        description = "Queue pairs each NIC offers, capped at what the NIC can have (default: the NIC's own:"
            + " 1 for e1000 and virtio_net, 8 for igb, 16 for ixgbe, mlx4_en and idpf).")
    int queues;

    @Option(names = "--daemon", description = "Run in the background; return once the mount is usable.")
    boolean daemon;

    @Option(names = "--allow-other", description = "Let other users read the mount (FUSE allow_other).")
    boolean allowOther;

    @Option(names = "--fuse-cache", paramLabel = "SECONDS", defaultValue = "86400",
        description = "How long the kernel may keep file attributes and misses (default 86400). Exact at any"
            + " value: the model makes the kernel forget them whenever files appear or vanish. 0 sends every"
            + " stat and miss to the model (to count or compare upcalls).")
    double fuseCache;

    @Option(names = "--no-mount", description = "Run the model and control socket without a FUSE mount.")
    boolean noMount;

    @Option(names = "--daemon-child", hidden = true)
    boolean daemonChild;

    @Spec
    CommandSpec spec;

    private String[] argv = new String[0];

    @Override
    public void attach(Session session, String[] argv) {
        this.argv = argv.clone();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ("list".equals(host)) {
            out.print(BuiltinHost.listing());
            out.flush();
            return 0;
        }
        if (daemon) {
            return DaemonLauncher.spawn(argv, out, err); // the child checks everything
        }
        try {
            applyHost();
            KernelVersion version = parseKernel();
            if (cpus < 1 || cpus > 64) {
                throw new ToolError("netmodel up: --cpus must be 1..64, not " + cpus, 2);
            }
            if (fuseCache < 0 || fuseCache > 86400) {
                throw new ToolError("netmodel up: --fuse-cache must be 0..86400 seconds, not "
                    + Fmt.typed(fuseCache), 2);
            }
            if (mount != null && mount.toString().isEmpty()) {
                throw new ToolError("netmodel up: --mount needs a directory, not an empty path", 2);
            }
            if (queues < 0 || queues > 256 || queues == 0 && spec.commandLine().getParseResult().hasMatchedOption("--queues")) {
                throw new ToolError("netmodel up: --queues must be 1..256, not " + queues, 2);
            }
            for (String nic : nics) {
                if (!KnownNics.matches(nic)) {
                    throw new ToolError("netmodel up: --nic " + nic + ": expected DRIVER[:COUNT] with DRIVER one of: "
                        + KnownNics.list() + ", COUNT 1..4096 (e.g. --nic e1000:2)", 2);
                }
            }
            checkNicTotal(nics, "--nic " + String.join(",", nics));
            Instance inst = Instance.resolve(mount);
            checkMountPoint(inst, out);
            return runHere(inst, version, out, err);
        } catch (ToolError e) {
            if (daemonChild) {
                // The waiting parent prints it. Not into the log too: a refusal such as "already in
                // use" would land in the running model's log and keep its state directory after it stops.
                System.out.println(DaemonLauncher.FAILED + e.exitCode() + " " + e.getMessage());
                System.out.flush();
            } else {
                err.println(e.getMessage());
            }
            return e.exitCode();
        }
    }

    /**
     * Fills what the user left open from {@code --host} (or the plain defaults); refuses an unknown
     * host, {@code --nic} beside {@code --host}, and a host whose NIC model this build lacks.
     */
    /** {@code specs}, given by {@code what}, must ask for at most {@link KnownNics#MAX_TOTAL} NICs in all. */
    private static void checkNicTotal(List<String> specs, String what) throws ToolError {
        int total = KnownNics.total(specs);
        if (total > KnownNics.MAX_TOTAL) {
            throw new ToolError("netmodel up: " + what + " asks for " + total + " NICs; a host has 1.." + KnownNics.MAX_TOTAL
                + " in all", 2);
        }
    }

    private void applyHost() throws ToolError {
        if (host == null) {
            kernel = kernel == null ? "6.19" : kernel;
            cpus = cpus == null ? 2 : cpus;
            return;
        }
        BuiltinHost h = hostNamed(host);
        if (!nics.isEmpty()) {
            throw new ToolError("netmodel up: --host " + host + " brings its own NICs (" + String.join(",", h.nics())
                + "); --nic cannot be combined with --host", 2);
        }
        for (String nic : h.nics()) {
            if (!KnownNics.matches(nic)) {
                throw new ToolError("netmodel up: --host " + host + " needs the NIC model '" + nic.split(":", 2)[0]
                    + "', which this build does not have (known: " + KnownNics.list() + ")", 1);
            }
        }
        checkNicTotal(h.nics(), "--host " + host);
        kernel = kernel == null ? h.kernel() : kernel;
        cpus = cpus == null ? h.cpus() : cpus;
        nics = new ArrayList<>(h.nics());
        smt = h.smt();
    }

    private String smt;

    /** A built-in host by name, or a host file when {@code host} names one ({@code --host FILE}). */
    private static BuiltinHost hostNamed(String host) throws ToolError {
        java.util.Optional<BuiltinHost> builtin = BuiltinHost.named(host);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        java.nio.file.Path file = java.nio.file.Path.of(host);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new ToolError("netmodel up: --host " + host + ": no such built-in host or host file (built-in: "
                + BuiltinHost.names() + "; see: netmodel up --host list)", 2);
        }
        try {
            return BuiltinHost.fromFile(file);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ToolError("netmodel up: --host " + host + ": " + e.getMessage(), 2);
        }
    }

    private KernelVersion parseKernel() throws ToolError {
        try {
            KernelVersion v = KernelVersion.parse(kernel);
            if (!v.modelled()) {
                throw new ToolError("netmodel up: --kernel " + kernel + " is not modelled (choose "
                    + KernelVersion.OLDEST_MODELLED + " .. " + KernelVersion.NEWEST_MODELLED + ")", 2);
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new ToolError("netmodel up: --kernel: " + e.getMessage(), 2);
        }
    }

    /**
     * Refuses a mount point in use; cleans a dead mount of our own (after SIGKILL the kernel
     * keeps it and every access fails with ENOTCONN).
     */
    private static void checkMountPoint(Instance inst, PrintWriter out) throws ToolError {
        Path mp = inst.mountPoint();
        if (ControlClient.alive(inst.socket())) {
            throw new ToolError("netmodel up: " + mp + " is already in use by a running model"
                + pid(inst) + "; stop it with: netmodel down --mount " + mp, 1);
        }
        Optional<MountInfo> mounted = MountInfo.find(mp);
        if (mounted.isPresent()) {
            if (!mounted.get().fsType().equals(FuseMount.FS_TYPE)) {
                throw new ToolError("netmodel up: " + mp + " is already a mount point (" + mounted.get().fsType()
                    + "); choose another with --mount DIR", 1);
            }
            if (!FuseMount.unmountLazily(mp)) {
                throw new ToolError("netmodel up: cannot remove the stale netmodel mount at " + mp
                    + " (try: fusermount -u -z " + mp + ")", 1);
            }
            out.println("netmodel: removed a stale mount at " + mp + " left by a model that is no longer running");
        }
        if (Files.isDirectory(mp) && !isEmpty(mp)) {
            throw new ToolError("netmodel up: " + mp + " is not empty; choose an empty directory with --mount DIR", 1);
        }
    }

    private int runHere(Instance inst, KernelVersion version, PrintWriter out, PrintWriter err) throws ToolError {
        Layout layout = Layout.fromEnvironment();
        List<String> nicList = nics.isEmpty() ? List.of("virtio_net") : nics;
        List<String> coldplug = new ArrayList<>();
        for (String nic : nicList) {
            String driver = nic.split(":", 2)[0];
            if (!coldplug.contains(driver)) {
                coldplug.add(driver); // udev coldplug: load the driver of each device present
            }
        }
        Daemon d;
        try {
            d = Daemon.start(inst, layout, new ModelHost.Config(version.toString(), cpus, String.join(",", nicList), queues, smt),
                coldplug, allowOther, !noMount, fuseCache);
        } catch (IOException e) {
            throw new ToolError("netmodel up: " + e.getMessage(), 1);
        }
        if (d.mount() == null && !noMount) {
            String prefix = daemonChild ? DaemonLauncher.TO_STDERR : "";
            PrintWriter warn = daemonChild ? out : err;
            warn.println(prefix + "netmodel: mount unavailable: " + d.mountProblem());
            warn.println(prefix + "netmodel: the model and its control socket are running; use 'netmodel cat'/'netmodel write'");
        }
        out.println("netmodel: " + (host != null ? "host " + host + ": " : "") + "kernel " + version + ", " + cpus + " CPUs, NICs: " + String.join(",", nicList)
            + ", modules: " + String.join(" ", coldplug));
        out.println("netmodel: " + (d.mount() != null ? "mounted at " + inst.mountPoint() : "not mounted")
            + "; stop with: netmodel down" + (mount != null ? " --mount " + inst.mountPoint() : "")
            + (daemonChild ? "" : " (or Ctrl-C)"));
        out.flush();
        if (daemonChild) {
            detach(inst);
        }
        try {
            d.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Tells the waiting parent we are ready, then sends our own output to the log. */
    private static void detach(Instance inst) {
        System.out.println(DaemonLauncher.READY);
        System.out.flush();
        try {
            PrintStream log = new PrintStream(new FileOutputStream(inst.logFile().toFile(), true), true, StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
        } catch (IOException e) {
            // keep the old streams; writes to them fail quietly once the parent is gone
        }
    }

    private static String pid(Instance inst) {
        try {
            return " (pid " + Files.readString(inst.pidFile()).trim() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return true; // unreadable (e.g. ENOTCONN): let the mount attempt report it
        }
    }
}
