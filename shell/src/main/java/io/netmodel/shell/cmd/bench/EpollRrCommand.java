package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.bench.BenchCsv;
import io.netmodel.shell.bench.BenchJson;
import io.netmodel.shell.bench.BenchText;
import io.netmodel.shell.bench.CdfPlot;
import io.netmodel.shell.bench.EpollRrRun;
import io.netmodel.shell.bench.EpollSetups;
import io.netmodel.shell.bench.Fmt;
import io.netmodel.shell.bench.ProgressBar;
import io.netmodel.shell.bench.RunColumns;
import io.netmodel.shell.bench.SampleRecorder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netmodel bench epoll-rr}: an epoll server under open-loop load; busy poll, deferral, IRQ suspension. */
@Command(name = "epoll-rr", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"epoll_rr: a client sends 1-byte UDP requests at Poisson times; one server thread loops on "
        + "epoll_wait, serves each request (--service) and replies. The server's epoll busy polling (EPIOCSPARAMS, "
        + "6.9), NAPI deferral and IRQ suspension (irq-suspend-timeout, 6.13) are set per run: by flags, or by "
        + "--setup, the configurations of the IRQ-suspension series' evaluation (Damato and Karsten, Nov 2024) on one queue.",
        "With --live the server runs on the running model's knobs instead (net.core sysctls, eth0's "
            + "napi_defer_hard_irqs and gro_flush_timeout, its NAPI's napi-set config, IRQ affinity, ethtool "
            + "settings); only epoll's own parameters (--busy-poll-usecs, --busy-poll-budget, --prefer-busy-poll) "
            + "come from the command line. With no busy_poll_usecs of its own, epoll busy-polls as long as the "
            + "busy_poll sysctl says, as the kernel does.",
        "Reports latency at the client, the server thread's CPU use and the interrupts taken."},
    footer = {"", "Set-ups: base, defer10, defer20, napibusy, fullbusy, suspend10, suspend20,",
        "or all (one run each).",
        "", "Examples:",
        "  netmodel bench epoll-rr --rate 25000 --setup all   # the series' set-ups",
        "  netmodel bench epoll-rr --rate 25000 --setup suspend20 --json",
        "  netmodel bench epoll-rr --rate 50000 --busy-poll-usecs 64 \\",
        "      --busy-poll-budget 64 --prefer-busy-poll",
        "  # on the running model, with suspend20's NAPI knobs echoed into its mount",
        "  # (--setup suspend20 --live prints what to type)",
        "  netmodel bench epoll-rr --live --rate 25000 --busy-poll-budget 64 \\",
        "      --prefer-busy-poll"})
public final class EpollRrCommand extends BenchSubcommand {
    @Option(names = "--rate", paramLabel = "PPS", order = 1, required = true,
        description = "Mean requests per second (Poisson arrivals), 1 .. 2000000.")
    double rate;

    @Option(names = "--service", paramLabel = "US", order = 2, defaultValue = "3",
        description = "Application time per request, µs (default 3).")
    double serviceUs;

    @Option(names = "--setup", paramLabel = "NAME", order = 3,
        description = "A named configuration (see below), or 'all'; instead of the knob flags and --live.")
    String setup;

    @Option(names = "--busy-poll-usecs", paramLabel = "US", order = 4, defaultValue = "0",
        description = "epoll busy_poll_usecs (0 = none).")
    int busyPollUsecs;

    @Option(names = "--busy-poll-budget", paramLabel = "N", order = 5, defaultValue = "0",
        description = "epoll busy_poll_budget (0 means 8).")
    int busyPollBudget;

    @Option(names = "--prefer-busy-poll", order = 6, description = "epoll prefer_busy_poll.")
    boolean prefer;

    @Option(names = "--defer", paramLabel = "N", order = 7,
        description = "napi_defer_hard_irqs on the server's NAPI (default 0; --live uses the model's).")
    Long defer;

    @Option(names = "--gro-flush-timeout", paramLabel = "NS", order = 8,
        description = "gro_flush_timeout on the server's NAPI, ns (default 0; --live uses the model's).")
    Long groFlushTimeout;

    @Option(names = "--irq-suspend-timeout", paramLabel = "NS", order = 9,
        description = "irq-suspend-timeout on the server's NAPI (napi-set), ns (default 0; --live uses the model's).")
    Long irqSuspendTimeout;

    /** The runs to do, and the set-up name of each (null for knobs given by flags). */
    private final List<EpollRrRequest> requests = new ArrayList<>();
    private final List<String> setups = new ArrayList<>();

    @Override
    protected BenchChecks.PinnedCpus pinnedCpus() {
        return new BenchChecks.PinnedCpus(2,
            "epoll_rr's server thread is on CPU 1, the NIC's interrupt on CPU 0 unless smp_affinity says otherwise");
    }

    /** {@code value} of {@code flag} must be 0 .. {@code max}: a usage error naming the flag and the value otherwise. */
    private static void range(BenchChecks checks, String flag, long value, long max) throws ToolError {
        if (value < 0 || value > max) {
            throw checks.usage(flag + " must be 0 .. " + max + ", not " + value);
        }
    }

    @Override
    protected long prepare(BenchChecks checks, PrintWriter err) throws ToolError {
        if (live()) {
            refuseKernelState(checks);
        }
        long defer = this.defer == null ? 0 : this.defer;
        long groFlushTimeout = this.groFlushTimeout == null ? 0 : this.groFlushTimeout;
        long irqSuspendTimeout = this.irqSuspendTimeout == null ? 0 : this.irqSuspendTimeout;
        if (!(rate >= 1 && rate <= 2_000_000)) {
            throw checks.usage("--rate must be 1 .. 2000000 requests/s, not " + Fmt.plain(rate, 3));
        }
        if (!(serviceUs >= 0 && serviceUs <= 1_000_000)) {
            throw checks.usage("--service must be 0 .. 1000000 µs, not " + Fmt.plain(serviceUs, 3));
        }
        range(checks, "--busy-poll-usecs", busyPollUsecs, Integer.MAX_VALUE);
        range(checks, "--busy-poll-budget", busyPollBudget, 65535);
        range(checks, "--defer", defer, Integer.MAX_VALUE);
        range(checks, "--gro-flush-timeout", groFlushTimeout, Long.MAX_VALUE);
        range(checks, "--irq-suspend-timeout", irqSuspendTimeout, Long.MAX_VALUE);
        long serviceNs = Math.round(serviceUs * 1000);
        long durationNs = options.durationNs();
        if (setup != null) {
            boolean knobs = busyPollUsecs != 0 || busyPollBudget != 0 || prefer || this.defer != null
                || this.groFlushTimeout != null || this.irqSuspendTimeout != null;
            if (knobs) {
                throw checks.usage("--setup " + setup + " sets the knobs itself: drop --busy-poll-*, --prefer-busy-poll, "
                    + "--defer, --gro-flush-timeout and --irq-suspend-timeout");
            }
            List<EpollSetups.Setup> chosen = new ArrayList<>();
            if (setup.equals("all")) {
                chosen.addAll(EpollSetups.ALL.values());
            } else if (EpollSetups.ALL.containsKey(setup)) {
                chosen.add(EpollSetups.ALL.get(setup));
            } else {
                throw checks.usage("--setup " + setup + " is not a set-up; choose one of: "
                    + String.join(", ", EpollSetups.ALL.keySet()) + ", all");
            }
            for (EpollSetups.Setup s : chosen) {
                setups.add(s.name());
                requests.add(s.request(rate, serviceNs, durationNs, options.seed));
            }
        } else {
            setups.add(null);
            requests.add(new EpollRrRequest(rate, serviceNs, busyPollUsecs, busyPollBudget, prefer, defer, groFlushTimeout,
                irqSuspendTimeout, durationNs, options.seed));
        }
        return requests.size() * durationNs;
    }

    /**
     * With --live the server's kernel state is the running model's: a set-up or a NAPI flag that
     * would set it is refused, saying how to set the same on the model instead.
     */
    private void refuseKernelState(BenchChecks checks) throws ToolError {
        if (setup != null) {
            EpollSetups.Setup s = EpollSetups.ALL.get(setup);
            StringBuilder msg = new StringBuilder("--setup " + setup + " sets the server's knobs itself; --live runs on "
                + "the running model's own knobs: drop one of them");
            if (s != null) {
                msg.append("\nto run ").append(setup).append(" on the running model, set its knobs there (N: eth0's ")
                    .append("input IRQ in /proc/interrupts; <napi-id>: netmodel ynl --family netdev --dump napi-get), ")
                    .append("then run it with --live:");
                for (String line : s.typed(Fmt.plain(rate, 3))) {
                    msg.append("\n  ").append(line);
                }
            }
            throw checks.usage(msg.toString());
        }
        List<String> given = new ArrayList<>();
        List<String> instead = new ArrayList<>();
        if (defer != null) {
            given.add("--defer");
            instead.add("netmodel write /sys/class/net/eth0/napi_defer_hard_irqs " + defer);
        }
        if (groFlushTimeout != null) {
            given.add("--gro-flush-timeout");
            instead.add("netmodel write /sys/class/net/eth0/gro_flush_timeout " + groFlushTimeout);
        }
        if (irqSuspendTimeout != null) {
            given.add("--irq-suspend-timeout");
            instead.add(EpollSetups.napiSet(irqSuspendTimeout));
        }
        if (!given.isEmpty()) {
            boolean one = given.size() == 1;
            throw checks.usage(String.join(", ", given) + (one ? " sets" : " set") + " the server's NAPI; with --live "
                + "the running model's own " + (one ? "value is" : "values are") + " used (drop " + (one ? "it" : "them")
                + ", or set " + (one ? "it" : "them") + " on the model: " + String.join("; ", instead) + ")");
        }
    }

    @Override
    protected void execute(BenchService service, ProgressBar bar, PrintWriter out, PrintWriter err) throws ToolError {
        List<EpollRrRun> runs = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            EpollRrRequest q = requests.get(i);
            SampleRecorder recorder = new SampleRecorder(options.plot != null);
            if (live()) {
                BenchResult r = service.epollRrLive(q, bar.run(q.durationNs()), recorder);
                runs.add(EpollRrRun.of(null, inForce(q, r), r, recorder));
            } else {
                runs.add(EpollRrRun.of(setups.get(i), q, service.epollRr(q, bar.run(q.durationNs()), recorder), recorder));
            }
        }
        if (options.json) {
            print(out, BenchJson.epollRr(runs));
        } else if (options.csv) {
            print(out, BenchCsv.epollRr(runs));
        } else if (runs.size() == 1) {
            print(out, BenchText.epollRr(runs.get(0)));
        } else {
            print(out, table(runs));
        }
        List<CdfPlot.Series> series = new ArrayList<>();
        for (EpollRrRun r : runs) {
            series.add(new CdfPlot.Series(r.setup() != null ? r.setup() : "epoll_rr", r.samples()));
        }
        writePlot("netmodel bench epoll-rr: latency CDF", List.of(new CdfPlot.Panel("epoll_rr, "
            + Fmt.plain(rate, 3) + " requests/s, service " + Fmt.plain(serviceUs, 3) + " µs", series)), err);
    }

    /** {@code q} with the server NAPI's values the running model's knobs put in force, for the report. */
    private static EpollRrRequest inForce(EpollRrRequest q, BenchResult r) {
        return new EpollRrRequest(q.ratePps(), q.serviceNs(), q.busyPollUsecs(), q.busyPollBudget(), q.preferBusyPoll(),
            knob(r, "defer-hard-irqs"), knob(r, "gro-flush-timeout"), knob(r, "irq-suspend-timeout"), q.durationNs(),
            q.seed());
    }

    private static long knob(BenchResult r, String napiAttr) {
        String key = "server.eth0.napi[0]." + napiAttr;
        String v = r.knobs().get(key);
        if (v == null) {
            throw new IllegalStateException("the model did not report " + key + " for the live run");
        }
        return Long.parseLong(v);
    }

    /** The series' table shape: one row per set-up, average and p99 latency, the server's CPU and interrupts. */
    private static String table(List<EpollRrRun> runs) {
        StringBuilder sb = new StringBuilder();
        EpollRrRequest first = runs.get(0).request();
        sb.append("epoll_rr: ").append(Fmt.plain(first.ratePps(), 3)).append(" requests/s (Poisson), service ")
            .append(Fmt.plain(first.serviceNs() / 1000.0, 3)).append(" µs, ")
            .append(Fmt.plain(first.durationNs() / 1e9, 3)).append(" s simulated each, seed ").append(first.seed())
            .append("\n\n");
        sb.append(String.format(Locale.ROOT, "%-11s%9s%9s%9s%12s%10s%n", "set-up", "avg µs", "p99 µs", "CPU %",
            "interrupts", "wakeups"));
        for (EpollRrRun r : runs) {
            long irqs = r.result().counters().entrySet().stream().filter(e -> e.getKey().startsWith("server.irq."))
                .mapToLong(java.util.Map.Entry::getValue).sum();
            sb.append(String.format(Locale.ROOT, "%-11s%9s%9s%9s%12d%10d%n", r.setup(),
                r.stats().present() ? Fmt.us(r.stats().meanNs()) : "-", r.stats().present() ? Fmt.us(r.stats().p99Ns()) : "-",
                String.format(Locale.ROOT, "%.1f", r.serverCpuPercent(RunColumns.EPOLL_SERVER_CPU)), irqs,
                r.result().counters().getOrDefault("server.thread.wakeups", 0L)));
        }
        sb.append("\nCPU % is the server thread's CPU (busy share, IRQ and softirq work included); the published\n")
            .append("figures (the series' cover letter) are memcached on 8 queues of a 100G NIC: compare the order\n")
            .append("of the rows, not the values.\n");
        return sb.toString();
    }
}
