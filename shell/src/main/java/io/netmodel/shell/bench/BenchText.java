package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.EpollRrRequest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human report of one run: what ran, latency (µs, one decimal: p5, p50, p95, p99, p99.9,
 * mean), transactions/s, per-CPU time split and the knobs in force. A latency wider than its
 * column (100 ms and more, e.g. behind a throttled RT kthread) keeps a space before it.
 */
public final class BenchText {
    private static final String LATENCY_HEADER =
        String.format(Locale.ROOT, "%-18s%8s%8s%8s%8s%8s%8s", "latency (µs)", "p5", "p50", "p95", "p99", "p99.9", "mean");

    private BenchText() {
    }

    public static String xskRr(XskRrRun run) {
        StringBuilder out = new StringBuilder();
        out.append("xsk_rr: ").append(Fmt.plain(run.ratePps(), 3)).append(" requests/s (period ")
            .append(Fmt.plain(run.request().periodNs() / 1000.0, 3)).append(" µs), delay ")
            .append(Fmt.plain(run.request().delayNs() / 1000.0, 3)).append(" µs, mode ")
            .append(run.request().mode().cliName()).append('\n');
        totals(out, run.request().durationNs(), run.request().seed(), run.result());
        out.append('\n');
        LatencyStats s = run.stats();
        if (!s.present()) {
            out.append("no request completed: no latency figures\n");
        } else {
            out.append(LATENCY_HEADER).append('\n');
            out.append(trueRow(s));
            out.append(String.format(Locale.ROOT, "  %-16s %7s %7s %7s %7s %7s %7s\n", "xsk_rr \"pXX\"",
                Fmt.us(run.xskValueNs(5)), Fmt.us(run.xskValueNs(50)), Fmt.us(run.xskValueNs(95)),
                Fmt.us(run.xskValueNs(99)), "-", "-"));
            out.append("  (\"pXX\" is what xsk_rr would print: a floored running mean of the lowest XX%, not a\n")
                .append("   percentile; ").append(windows(run.xsk().windows())).append(")\n");
        }
        cpuAndKnobs(out, run.result());
        return out.toString();
    }

    public static String rr(RrRun run) {
        StringBuilder out = new StringBuilder();
        out.append(run.testName()).append(": 1-byte request/response, one in flight; busy_read ")
            .append(run.busyReadUs()).append(" µs, busy_poll ").append(run.busyPollUs())
            .append(" µs\n");
        totals(out, run.durationNs(), run.seed(), run.result());
        out.append('\n');
        if (!run.stats().present()) {
            out.append("no transaction completed: no latency figures\n");
        } else {
            out.append(LATENCY_HEADER).append('\n').append(trueRow(run.stats()));
        }
        cpuAndKnobs(out, run.result());
        return out.toString();
    }

    public static String epollRr(EpollRrRun run) {
        EpollRrRequest q = run.request();
        StringBuilder out = new StringBuilder();
        out.append("epoll_rr: ").append(Fmt.plain(q.ratePps(), 3)).append(" requests/s (Poisson), service ")
            .append(Fmt.plain(q.serviceNs() / 1000.0, 3)).append(" µs")
            .append(run.setup() != null ? ", set-up " + run.setup() : "").append('\n');
        out.append("  epoll: busy_poll_usecs ").append(q.busyPollUsecs()).append(", busy_poll_budget ")
            .append(q.busyPollBudget()).append(", prefer_busy_poll ").append(q.preferBusyPoll() ? 1 : 0)
            .append("; NAPI: defer ").append(q.deferHardIrqs()).append(", gro_flush_timeout ")
            .append(q.groFlushTimeoutNs()).append(" ns, irq_suspend_timeout ").append(q.irqSuspendTimeoutNs())
            .append(" ns\n");
        totals(out, q.durationNs(), q.seed(), run.result());
        out.append("server thread CPU: ").append(Fmt.plain(run.serverCpuPercent(RunColumns.EPOLL_SERVER_CPU), 1))
            .append("% busy\n\n");
        if (!run.stats().present()) {
            out.append("no request completed: no latency figures\n");
        } else {
            out.append(LATENCY_HEADER).append('\n').append(trueRow(run.stats()));
        }
        cpuAndKnobs(out, run.result());
        return out.toString();
    }

    private static void totals(StringBuilder out, long durationNs, long seed, BenchResult result) {
        out.append("simulated ").append(Fmt.plain(durationNs / 1e9, 3)).append(" s, seed ").append(seed).append(": ")
            .append(result.transactions()).append(" transactions, ")
            .append(Fmt.plain(result.transactionsPerSecond(), 1)).append(" transactions/s\n");
    }

    private static String trueRow(LatencyStats s) {
        return String.format(Locale.ROOT, "  %-16s %7s %7s %7s %7s %7s %7s\n", "true",
            Fmt.us(s.p5Ns()), Fmt.us(s.p50Ns()), Fmt.us(s.p95Ns()), Fmt.us(s.p99Ns()), Fmt.us(s.p999Ns()),
            Fmt.us(s.meanNs()));
    }

    private static String windows(int n) {
        return n == 0 ? "the run is shorter than one 1-s xsk_rr window: estimated over all samples"
            : "median over " + n + " one-second xsk_rr window" + (n == 1 ? "" : "s");
    }

    /** The CPU table and the knobs, shared by every workload's report. */
    static void cpuAndKnobs(StringBuilder out, BenchResult result) {
        out.append('\n').append("CPU use (% of simulated time)\n");
        if (result.cpus().isEmpty()) {
            out.append("  (the model reported no CPU accounting)\n");
        } else {
            out.append(String.format(Locale.ROOT, "  %-8s%4s%8s%8s%9s%8s%8s\n", "host", "cpu", "user", "sys", "softirq",
                "irq", "idle"));
            for (CpuUsage c : CpuOrder.sorted(result.cpus())) {
                long t = c.totalNs();
                out.append(String.format(Locale.ROOT, "  %-8s%4d%8s%8s%9s%8s%8s\n", c.host(), c.cpu(),
                    Fmt.share(c.userNs(), t), Fmt.share(c.sysNs(), t), Fmt.share(c.softirqNs(), t),
                    Fmt.share(c.irqNs(), t), Fmt.share(c.idleNs(), t)));
            }
        }
        out.append('\n').append("knobs in force\n");
        if (result.knobs().isEmpty()) {
            out.append("  (the model reported none)\n");
        }
        for (Map.Entry<String, String> e : new TreeMap<>(result.knobs()).entrySet()) {
            out.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
    }
}
