package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.UdpRrRequest;
import io.netmodel.shell.bench.ProgressBar;
import picocli.CommandLine.Command;

/** {@code netmodel bench udp-rr}: netperf-style UDP_RR, one transaction in flight. */
@Command(name = "udp-rr", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"udp_rr: netperf UDP_RR style, 1-byte request and response over UDP, one transaction in flight, "
        + "closed loop. Reports transactions/s and true latency percentiles (µs)."},
    footer = {"", "Examples:",
        "  netmodel bench udp-rr                                 interrupts only",
        "  netmodel bench udp-rr --busy-read 50 --busy-poll 50   busy polling",
        "  netmodel bench udp-rr --kernel 4.4 --driver e1000 --busy-read 50   no gain"})
public final class UdpRrCommand extends NetperfRrCommand {
    @Override
    protected String workload() {
        return "udp-rr";
    }

    @Override
    protected BenchResult run(BenchService service, boolean live, int busyReadUs, int busyPollUs, long durationNs,
                              long seed, ProgressBar bar, LatencySink sink) {
        UdpRrRequest request = new UdpRrRequest(busyReadUs, busyPollUs, durationNs, seed);
        ProgressListener progress = bar.run(durationNs);
        return live ? service.udpRrLive(request, progress, sink) : service.udpRr(request, progress, sink);
    }
}
