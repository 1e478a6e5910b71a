package io.netmodel.shell;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code netmodel up --daemon}: starts {@code up --daemon-child} detached ({@code setsid}), relays
 * what it prints until it says it is ready or failed, and returns that outcome. The child does
 * all the parsing and checking; this side stays thin so the command returns quickly.
 *
 * <p>Child-to-parent lines: {@link #READY}; {@link #FAILED}{@code CODE MESSAGE}; lines starting
 * with {@link #TO_STDERR} go to stderr; anything else to stdout.
 */
public final class DaemonLauncher {
    public static final String READY = "netmodel-ready";
    public static final String FAILED = "netmodel-failed ";
    public static final String TO_STDERR = "netmodel-stderr ";
    private static final long START_TIMEOUT_MS = 60_000;

    private DaemonLauncher() {
    }

    /** Whether {@code args} ask for {@code up --daemon} (and not its help). */
    public static boolean wants(String[] args) {
        if (args.length == 0 || !args[0].equals("up")) {
            return false;
        }
        boolean daemon = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
            if (a.equals("--host=list") || a.equals("--host") && i + 1 < args.length && args[i + 1].equals("list")) {
                return false; // up --host list only prints the hosts: nothing to start in the background
            }
            daemon |= a.equals("--daemon");
        }
        return daemon;
    }

    /** Spawns the child for {@code args} ({@code up ... --daemon ...}); returns the exit code. */
    public static int spawn(String[] args, PrintWriter out, PrintWriter err) {
        Instance inst = Instance.resolve(mountOption(args));
        List<String> cmd = new ArrayList<>();
        if (onPath("setsid")) {
            cmd.add("setsid");
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        CdsArchive.Options cds = CdsArchive.forDaemon(System.getProperty("netmodel.cds"));
        cmd.addAll(jvmOptions());
        cmd.addAll(cds.jvm());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        for (String prop : new String[] {"netmodel.home", "netmodel.system", "netmodel.cds"}) {
            if (System.getProperty(prop) != null) {
                cmd.add("-D" + prop + "=" + System.getProperty(prop));
            }
        }
        cmd.add(Main.class.getName());
        for (String a : args) {
            cmd.add(a.equals("--daemon") ? "--daemon-child" : a);
        }
        try {
            inst.createStateDir();
            Process child = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(inst.logFile().toFile()))
                .start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            String line;
            while ((line = lines.readLine()) != null && System.currentTimeMillis() < deadline) {
                if (line.equals(READY)) {
                    CdsArchive.approve(cds.training());
                    out.println("netmodel: running in the background (pid " + child.pid() + "), log: " + inst.logFile());
                    return 0;
                }
                if (line.startsWith(FAILED)) {
                    String[] codeAndMessage = line.substring(FAILED.length()).split(" ", 2);
                    err.println(codeAndMessage.length > 1 ? codeAndMessage[1] : "netmodel up: failed");
                    return Integer.parseInt(codeAndMessage[0]);
                }
                if (line.startsWith(TO_STDERR)) {
                    err.println(line.substring(TO_STDERR.length()));
                } else {
                    out.println(line);
                }
            }
            child.destroy();
            err.println("netmodel up: the background model exited before it was ready; see " + inst.logFile());
            return 1;
        } catch (IOException | NumberFormatException e) {
            err.println("netmodel up: cannot start the background model: " + e.getMessage());
            return 1;
        }
    }

    /**
     * JVM options for the long-running model: serial GC (small heap, few cores); the class-data
     * archive the launcher names in {@code netmodel.cds} is {@link CdsArchive}'s.
     */
    private static List<String> jvmOptions() {
        return List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** {@code --mount DIR} or {@code --mount=DIR}, else null (the environment decides). */
    private static Path mountOption(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--mount") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--mount=")) {
                return Path.of(args[i].substring("--mount=".length()));
            }
        }
        return null;
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
