package io.netmodel.shell.cmd.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netmodel bench}: benchmarks run on the kernel model's simulated hosts. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Run a benchmark on a pair of simulated hosts (client and server) and report latency, "
        + "throughput, CPU use and the knobs in force.",
        "Runs are batch and deterministic: same flags and --seed, same bytes out. Without --live the "
            + "command boots its own in-process model (no mount); with --live it runs on the model of "
            + "'netmodel up'."},
    subcommands = {XskRrCommand.class, TcpRrCommand.class, UdpRrCommand.class, EpollRrCommand.class},
    footer = {"", "Examples:",
        "  netmodel bench xsk-rr --rate 12500 --delay 0 --mode interrupts",
        "  netmodel bench xsk-rr --table seed001 --json > seed001.json",
        "  netmodel bench tcp-rr --busy-read 50 --busy-poll 50 --plot cdf.svg"})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** {@code netmodel bench} alone: which benchmark is missing, a usage error (exit 2) with the usage on stderr. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "Missing required subcommand: xsk-rr, tcp-rr, udp-rr or epoll-rr");
    }
}
