package io.netmodel.shell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** The scalar columns of xsk_rr, tcp_rr / udp_rr and epoll_rr runs, in output order (JSON and CSV). */
public final class RunColumns {
    private static final int[] XSK_PERCENTILES = {5, 50, 95, 99};

    private RunColumns() {
    }

    public static final List<Column<XskRrRun>> XSK_RR = xskRr();
    public static final List<Column<RrRun>> RR = rr();
    public static final List<Column<EpollRrRun>> EPOLL_RR = epollRr();

    /** The server thread's CPU in epoll_rr (where the kernel model pins it). */
    public static final int EPOLL_SERVER_CPU = 1;

    private static List<Column<XskRrRun>> xskRr() {
        List<Column<XskRrRun>> c = new ArrayList<>();
        c.add(Column.of("workload", r -> "xsk-rr"));
        c.add(Column.when(r -> r.experiment() != null, "experiment", XskRrRun::experiment));
        c.add(Column.of("rate_pps", r -> Fmt.decimal(r.ratePps(), 3)));
        c.add(Column.of("period_us", r -> Fmt.decimal(r.request().periodNs() / 1000.0, 3)));
        c.add(Column.of("delay_us", r -> Fmt.decimal(r.request().delayNs() / 1000.0, 3)));
        c.add(Column.of("mode", r -> r.request().mode().cliName()));
        c.add(Column.of("seed", r -> r.request().seed()));
        c.add(Column.of("duration_s", r -> Fmt.decimal(r.request().durationNs() / 1e9, 3)));
        c.add(Column.of("samples", r -> r.stats().count()));
        c.add(Column.of("transactions", r -> r.result().transactions()));
        c.add(Column.of("transactions_per_s", r -> Fmt.decimal(r.result().transactionsPerSecond(), 1)));
        for (int p : XSK_PERCENTILES) {
            c.add(Column.of("p" + p + "_ns", r -> r.stats().present() ? (Object) r.xskValueNs(p) : null));
        }
        c.add(Column.of("xsk_rr_windows", r -> (long) r.xsk().windows()));
        latency(c, "true_", XskRrRun::stats);
        for (int p : XSK_PERCENTILES) {
            c.add(Column.when(r -> r.published() != null, "published_p" + p + "_ns",
                r -> r.published() == null ? null : (Object) r.published().valueNs(p)));
        }
        for (int p : XSK_PERCENTILES) {
            c.add(Column.when(r -> r.published() != null, "error_p" + p,
                r -> Double.isNaN(r.error(p)) ? null : Fmt.decimal(r.error(p), 4)));
        }
        return List.copyOf(c);
    }

    private static List<Column<RrRun>> rr() {
        List<Column<RrRun>> c = new ArrayList<>();
        c.add(Column.of("workload", RrRun::workload));
        c.add(Column.of("busy_read_us", r -> (long) r.busyReadUs()));
        c.add(Column.of("busy_poll_us", r -> (long) r.busyPollUs()));
        c.add(Column.of("seed", RrRun::seed));
        c.add(Column.of("duration_s", r -> Fmt.decimal(r.durationNs() / 1e9, 3)));
        c.add(Column.of("samples", r -> r.stats().count()));
        c.add(Column.of("transactions", r -> r.result().transactions()));
        c.add(Column.of("transactions_per_s", r -> Fmt.decimal(r.result().transactionsPerSecond(), 1)));
        latency(c, "", RrRun::stats);
        return List.copyOf(c);
    }

    private static List<Column<EpollRrRun>> epollRr() {
        List<Column<EpollRrRun>> c = new ArrayList<>();
        c.add(Column.of("workload", r -> "epoll-rr"));
        c.add(Column.when(r -> r.setup() != null, "setup", EpollRrRun::setup));
        c.add(Column.of("rate_pps", r -> Fmt.decimal(r.request().ratePps(), 3)));
        c.add(Column.of("service_us", r -> Fmt.decimal(r.request().serviceNs() / 1000.0, 3)));
        c.add(Column.of("busy_poll_usecs", r -> (long) r.request().busyPollUsecs()));
        c.add(Column.of("busy_poll_budget", r -> (long) r.request().busyPollBudget()));
        c.add(Column.of("prefer_busy_poll", r -> r.request().preferBusyPoll() ? 1L : 0L));
        c.add(Column.of("defer_hard_irqs", r -> r.request().deferHardIrqs()));
        c.add(Column.of("gro_flush_timeout_ns", r -> r.request().groFlushTimeoutNs()));
        c.add(Column.of("irq_suspend_timeout_ns", r -> r.request().irqSuspendTimeoutNs()));
        c.add(Column.of("seed", r -> r.request().seed()));
        c.add(Column.of("duration_s", r -> Fmt.decimal(r.request().durationNs() / 1e9, 3)));
        c.add(Column.of("samples", r -> r.stats().count()));
        c.add(Column.of("server_cpu_percent", r -> Fmt.decimal(r.serverCpuPercent(EPOLL_SERVER_CPU), 1)));
        latency(c, "", EpollRrRun::stats);
        return List.copyOf(c);
    }

    /** The true percentiles ({@code <prefix>p5_ns} … {@code p999_ns}), then min, max and mean. */
    private static <T> void latency(List<Column<T>> c, String percentilePrefix,
                                    java.util.function.Function<T, LatencyStats> stats) {
        c.add(stat(percentilePrefix + "p5_ns", LatencyStats::p5Ns, stats));
        c.add(stat(percentilePrefix + "p50_ns", LatencyStats::p50Ns, stats));
        c.add(stat(percentilePrefix + "p95_ns", LatencyStats::p95Ns, stats));
        c.add(stat(percentilePrefix + "p99_ns", LatencyStats::p99Ns, stats));
        c.add(stat(percentilePrefix + "p999_ns", LatencyStats::p999Ns, stats));
        c.add(stat("min_ns", LatencyStats::minNs, stats));
        c.add(stat("max_ns", LatencyStats::maxNs, stats));
        c.add(stat("mean_ns", LatencyStats::meanRoundedNs, stats));
    }

    /** A latency statistic, null when the run produced no samples. */
    private static <T> Column<T> stat(String name, ToLongFunction<LatencyStats> f,
                                      java.util.function.Function<T, LatencyStats> stats) {
        return Column.of(name, r -> stats.apply(r).present() ? (Object) f.applyAsLong(stats.apply(r)) : null);
    }
}
