package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.shell.ModuleDir;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.Fmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Usage checks done before anything runs. Each failure is one line naming the flag, what is
 * allowed and what was given, with exit code 2; {@code who} is the command's name
 * ({@code netmodel bench xsk-rr}).
 */
final class BenchChecks {
    static final int USAGE = 2;
    static final double MAX_DURATION_S = 3600;
    static final double MAX_RATE_PPS = 10_000_000;
    static final double MIN_PERIOD_US = 0.1;
    static final double MAX_PERIOD_US = 1_000_000;
    static final double MAX_DELAY_US = 1_000_000;

    private final String who;

    BenchChecks(String who) {
        this.who = who;
    }

    /** {@code --table NAME}: seed 001's is the only published table the model knows. */
    void table(String name) throws ToolError {
        if (!io.netmodel.shell.bench.Seed001.NAME.equals(name)) {
            throw usage("--table " + name + " is not a known table; the only one is " + io.netmodel.shell.bench.Seed001.NAME);
        }
    }

    ToolError usage(String message) {
        return new ToolError(who + ": " + message, USAGE);
    }

    /** The options every benchmark shares; {@code bundlesDir} is where --driver must be. */
    void common(BenchOptions o, Path bundlesDir, boolean inDaemon) throws ToolError {
        common(o, bundlesDir, inDaemon, new PinnedCpus(1, null));
    }

    /**
     * A workload's threads are pinned up to CPU {@code min - 1}, as {@code layout} says: a host
     * needs {@code min} CPUs.
     */
    record PinnedCpus(int min, String layout) {
        /** xsk_rr's runs (bench xsk-rr, calibrate): seed 001's layout. */
        static final PinnedCpus SEED001 = new PinnedCpus(io.netmodel.shell.bench.Seed001.CPUS,
            io.netmodel.shell.bench.Seed001.CPU_LAYOUT);
    }

    /** {@link #common(BenchOptions, Path, boolean)} for a workload that needs {@code pinned}: a smaller {@code --cpus} is refused. */
    void common(BenchOptions o, Path bundlesDir, boolean inDaemon, PinnedCpus pinned) throws ToolError {
        if (!(o.durationS > 0 && o.durationS <= MAX_DURATION_S)) {
            throw usage("--duration must be > 0 and <= 3600 s of simulated time, not " + Fmt.typed(o.durationS));
        }
        if (o.json && o.csv) {
            throw usage("--json and --csv are exclusive: choose one");
        }
        if (o.plot != null) {
            Path parent = o.plot.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw usage("--plot " + o.plot + ": the directory " + parent + " does not exist");
            }
            if (Files.isDirectory(o.plot)) {
                throw usage("--plot " + o.plot + " is a directory; give a file name (e.g. cdf.svg or cdf.html)");
            }
        }
        if (o.live || inDaemon) {
            List<String> given = new ArrayList<>();
            if (o.kernel != null) {
                given.add("--kernel");
            }
            if (o.driver != null) {
                given.add("--driver");
            }
            if (o.cpus != null) {
                given.add("--cpus");
            }
            if (!given.isEmpty()) {
                boolean one = given.size() == 1;
                throw usage(String.join(", ", given) + (one ? " chooses" : " choose") + " the in-process model; with "
                    + "--live the running model's own " + (one ? "is" : "are") + " used (drop " + (one ? "it" : "them")
                    + ", or drop --live)");
            }
            return;
        }
        if (o.mount != null) {
            throw usage("--mount chooses a running model and needs --live");
        }
        kernel(o.kernelOrDefault());
        if (o.cpus != null && (o.cpus < pinned.min() || o.cpus > 64)) {
            throw usage("--cpus must be " + pinned.min() + " .. 64, not " + o.cpus
                + (o.cpus >= 1 && o.cpus < pinned.min() && pinned.layout() != null ? " (" + pinned.layout() + ")" : ""));
        }
        driver(o.driverOrDefault(), bundlesDir);
    }

    KernelVersion kernel(String text) throws ToolError {
        KernelVersion v;
        try {
            v = KernelVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage("--kernel: " + e.getMessage());
        }
        if (!v.modelled()) {
            throw usage("--kernel " + text + " is not modelled: choose " + KernelVersion.OLDEST_MODELLED + " .. "
                + KernelVersion.NEWEST_MODELLED);
        }
        return v;
    }

    void driver(String name, Path bundlesDir) throws ToolError {
        Map<String, Path> modules;
        try {
            modules = new ModuleDir(bundlesDir).scan();
        } catch (IOException e) {
            throw new ToolError(who + ": cannot read " + bundlesDir + ": " + e.getMessage(), 1);
        }
        if (!modules.containsKey(ModuleDir.normalize(name))) {
            String known = modules.isEmpty() ? "none (build first: mvn -B package)"
                : modules.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().getFileName() + ")")
                    .collect(Collectors.joining(", "));
            throw usage("--driver " + name + ": no such module in " + bundlesDir + "; available: " + known);
        }
    }

    /** xsk_rr's period from --rate or --period, in ns. */
    long periodNs(Double ratePps, Double periodUs) throws ToolError {
        if (ratePps != null && periodUs != null) {
            throw usage("--rate and --period say the same thing (period = 1e9 / rate ns): give one");
        }
        if (ratePps == null && periodUs == null) {
            throw usage("give --rate PPS or --period US (or --table seed001)");
        }
        if (ratePps != null) {
            if (!(ratePps >= 1 && ratePps <= MAX_RATE_PPS)) {
                throw usage("--rate must be 1 .. 10000000 packets/s, not " + Fmt.typed(ratePps));
            }
            return Math.round(1e9 / ratePps);
        }
        if (!(periodUs >= MIN_PERIOD_US && periodUs <= MAX_PERIOD_US)) {
            throw usage("--period must be 0.1 .. 1000000 µs, not " + Fmt.typed(periodUs));
        }
        return Math.round(periodUs * 1000);
    }

    long delayNs(double delayUs) throws ToolError {
        if (!(delayUs >= 0 && delayUs <= MAX_DELAY_US)) {
            throw usage("--delay must be 0 .. 1000000 µs, not " + Fmt.typed(delayUs));
        }
        return Math.round(delayUs * 1000);
    }

    XskMode mode(String name) throws ToolError {
        if (name == null) {
            throw usage("give --mode: one of " + modes());
        }
        for (XskMode m : XskMode.values()) {
            if (m.cliName().equals(name)) {
                return m;
            }
        }
        throw usage("--mode " + name + " is not a mode; choose one of: " + modes());
    }

    int micros(String flag, int value) throws ToolError {
        if (value < 0) {
            throw usage(flag + " must be 0 .. 2147483647 µs (0 = off), not " + value);
        }
        return value;
    }

    static String modes() {
        List<String> names = new ArrayList<>();
        for (XskMode m : XskMode.values()) {
            names.add(m.cliName());
        }
        return String.join(", ", names);
    }
}
