package io.netmodel.shell.cmd.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every benchmark takes: which model, how long, which seed, and what to print. */
public final class BenchOptions {
    /** Default simulated time per run. */
    static final String DEFAULT_DURATION = "10";
    static final String DEFAULT_KERNEL = "6.19";
    static final String DEFAULT_DRIVER = "virtio_net";

    @Option(names = "--kernel", order = 11, paramLabel = "VER",
        description = "Kernel release the in-process model runs, 3.11 .. 6.19 (default: " + DEFAULT_KERNEL + ").")
    String kernel;

    @Option(names = "--driver", order = 12, paramLabel = "NAME",
        description = "NIC driver of both hosts: a module in bundles/ (default: " + DEFAULT_DRIVER + ").")
    String driver;

    @Option(names = "--cpus", order = 13, paramLabel = "N",
        description = "CPUs of each host, up to 64; at least 6 for xsk-rr and calibrate (seed 001's layout), 2 for the "
            + "others (default: the kernel model's default host, 2, and 6 for xsk-rr).")
    Integer cpus;

    @Option(names = "--duration", order = 14, paramLabel = "S", defaultValue = DEFAULT_DURATION,
        description = "Simulated seconds per run, > 0 and <= 3600 (default: ${DEFAULT-VALUE}).")
    double durationS;

    @Option(names = "--seed", order = 15, paramLabel = "N", defaultValue = "1",
        description = "Random seed; same seed and flags, same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", order = 16, description = "Print JSON instead of text (fixed field order).")
    boolean json;

    @Option(names = "--csv", order = 17, description = "Print CSV instead of text: a header line, then one line per run.")
    boolean csv;

    @Option(names = "--plot", order = 18, paramLabel = "FILE",
        description = "Also write the latency CDF of each run to FILE: SVG, or HTML with the SVG inline if FILE "
            + "ends in .html.")
    Path plot;

    @Option(names = "--live", order = 19, description = "Run on the running model ('netmodel up') instead of an in-process one.")
    boolean live;

    @Option(names = "--mount", order = 20, paramLabel = "DIR",
        description = "With --live: which model, by mount point (default: $NETMODEL_MOUNT, else the default instance).")
    Path mount;

    /** Set by a client forwarding to the daemon when its own stderr is a terminal. */
    @Option(names = "--stderr-tty", order = 21, hidden = true)
    boolean stderrTty;

    String kernelOrDefault() {
        return kernel == null ? DEFAULT_KERNEL : kernel;
    }

    String driverOrDefault() {
        return driver == null ? DEFAULT_DRIVER : driver;
    }

    long durationNs() {
        return Math.round(durationS * 1e9);
    }
}
