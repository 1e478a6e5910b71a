package io.netmodel.rx;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.UdpRrRequest;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.cpu.CpuStat;
import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Simulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds a client and a server host like the model's own (same release, NICs, drivers bound),
 * configures them the way seed 001's script does, runs the workload on one simulator and
 * reports samples, CPU time and counters. Each call builds fresh hosts: runs are independent
 * and deterministic for a seed.
 */
public final class BenchServiceImpl implements BenchService {
    /** xsk_rr pins threads up to CPU 5 (seed 001): hosts get at least 6 CPUs. */
    private static final int XSK_RR_MIN_CPUS = 6;
    /** netperf's and epoll_rr's application threads are on CPU 1: hosts get at least 2 CPUs. */
    private static final int RR_MIN_CPUS = 2;

    private final KernelProfile profile;
    private final HostSpec host;
    private final Supplier<List<NetDriver>> drivers;
    private final RxCosts costs;
    /** The running model, whose knobs {@link #xskRrLive} and {@link #epollRrLive} copy; null when stopped. */
    private final Supplier<Kernel> live;

    public BenchServiceImpl(KernelProfile profile, HostSpec host, Supplier<List<NetDriver>> drivers,
                            Supplier<Kernel> live) {
        this(profile, host, drivers, live, RxCosts.load(RxCosts.DEFAULT_PROFILE));
    }

    private BenchServiceImpl(KernelProfile profile, HostSpec host, Supplier<List<NetDriver>> drivers,
                             Supplier<Kernel> live, RxCosts costs) {
        this.profile = profile;
        this.host = host;
        this.drivers = drivers;
        this.live = live;
        this.costs = costs;
    }

    @Override
    public Map<String, Long> costs() {
        return costs.toMap();
    }

    @Override
    public BenchService withCosts(Map<String, Long> overrides) {
        return new BenchServiceImpl(profile, host, drivers, live, costs.with(overrides));
    }

    @Override
    public BenchResult xskRr(XskRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(xskRr(req, progress, samples));
    }

    @Override
    public synchronized BenchResult xskRr(XskRrRequest req, ProgressListener progress, LatencySink sink) {
        checkXskRr(req.mode());
        return runXskRr(req, progress, sink, h -> SeedScript.apply(h, req.mode(), XskRr.IRQ_CPU),
            client -> SeedScript.describe(client, req.mode()));
    }

    @Override
    public BenchResult xskRrLive(XskRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(xskRrLive(req, progress, samples));
    }

    @Override
    public synchronized BenchResult xskRrLive(XskRrRequest req, ProgressListener progress, LatencySink sink) {
        if (req.mode() != null) {
            checkXskRr(req.mode()); // the kernel first: no knob can make up for a release without the mode
        }
        LiveKnobs knobs = liveKnobs();
        XskMode mode = LiveMode.resolve(req.mode(), knobs);
        checkXskRr(mode);
        knobs.requireOnline(XskRr.IRQ_CPU, "xsk_rr's IRQ and NAPI kthread (seed 001's script pins them)");
        knobs.requireOnline(XskRr.SENDER_CPU, "xsk_rr's sender thread");
        knobs.requireOnline(XskRr.MAIN_CPU, "xsk_rr's main thread");
        if (mode == XskMode.BUSY_POLL_SEPARATE) {
            knobs.requireOnline(XskRr.LOOP_CPU, "xsk_rr's recvfrom thread (-t)");
        }
        XskRrRequest run = new XskRrRequest(req.periodNs(), req.delayNs(), mode, req.durationNs(), req.seed());
        return runXskRr(run, progress, sink, knobs::applyTo, client -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("mode", mode.cliName());
            m.put("config", req.mode() == null ? "the running model's knobs, which also chose the mode"
                : "the running model's knobs");
            describeCpus(m, atLeast(XSK_RR_MIN_CPUS), "xsk_rr pins threads up to CPU 5");
            m.putAll(knobs.describe());
            return m;
        });
    }

    /** The running model's knobs, read now ({@link LiveKnobs}). */
    private LiveKnobs liveKnobs() {
        Kernel model = live.get();
        if (model == null) {
            throw new IllegalStateException("the kernel model is not running");
        }
        return LiveKnobs.capture(model);
    }

    private void checkXskRr(XskMode mode) {
        if (!profile.has(Behaviour.PREFER_BUSY_POLL)) {
            throw new IllegalArgumentException("xsk_rr needs AF_XDP busy polling on sendto/recvfrom"
                + " (5.11+); the model runs kernel " + profile.version());
        }
        if (mode == XskMode.THREADED_BUSY_POLL && !profile.has(Behaviour.THREADED_BUSY_POLL)) {
            throw new IllegalArgumentException("threaded busy poll exists from 6.19; the model runs kernel "
                + profile.version() + " (use --kernel 6.19)");
        }
    }

    /**
     * One xsk_rr run on a fresh client/server pair: {@code configure} sets each host's knobs
     * (seed 001's script, or the running model's), {@code describe} reports them from the client.
     * The samples go to {@code sink}; the result carries none.
     */
    BenchResult runXskRr(XskRrRequest req, ProgressListener progress, LatencySink sink, Consumer<SimHost> configure,
                                 java.util.function.Function<SimHost, Map<String, String>> describe) {
        Simulator sim = new Simulator(req.seed());
        HostSpec spec = atLeast(XSK_RR_MIN_CPUS);
        SimHost[] hosts = SimHost.pair(() -> boot(spec), sim, costs);
        SimHost client = hosts[0];
        SimHost server = hosts[1];
        for (SimHost h : hosts) {
            configure.accept(h);
            h.loadNicSettings();
        }
        Map<String, String> knobs = new LinkedHashMap<>(describe.apply(client));
        knobs.put("kernel", profile.version().toString());
        knobs.put("driver", driverNames());
        knobs.put("period_ns", Long.toString(req.periodNs()));
        knobs.put("delay_ns", Long.toString(req.delayNs()));

        long[] before = totals(client, server);
        XskRr run = new XskRr(sim, client, server, req, sink);
        run.run(progress);
        Map<String, Long> counters = new LinkedHashMap<>();
        for (SimHost h : new SimHost[] {client, server}) {
            counters.put(h.name + ".napi.polls", h.napi.polls);
            counters.put(h.name + ".napi.busy_polls", h.napi.busyPolls);
            counters.put(h.name + ".napi.busy_poll_packets", h.napi.busyPollPackets);
            counters.put(h.name + ".napi.watchdog_fires", h.napi.watchdogFires);
            counters.put(h.name + ".softnet.processed", (long) h.kernel.softnet(h.napi.irqCpu()).processed);
            counters.put(h.name + ".irq." + h.inputIrqNumber(), irqCount(h));
        }
        counters.put("client.requests_sent", run.sent());
        netstatReport(counters, client, server);
        schedReport(knobs, counters, client, server);
        client.describeDim(knobs, counters);
        server.describeDim(knobs, counters);
        counters.put("sim.events", sim.executed());
        counters.put("sim.stale_timer_entries", sim.skipped());
        counters.put("sim.pending_at_end", (long) sim.pending());
        return new BenchResult("xsk-rr", knobs, new long[0], run.samples(), req.durationNs(),
            cpuUsage(sim.now(), before, client, server), counters);
    }

    @Override
    public BenchResult tcpRr(TcpRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(tcpRr(req, progress, samples));
    }

    @Override
    public synchronized BenchResult tcpRr(TcpRrRequest req, ProgressListener progress, LatencySink sink) {
        return runNetperfRr(NetperfRr.Protocol.TCP, req.busyReadUs(), req.busyPollUs(), req.durationNs(), req.seed(),
            progress, sink);
    }

    @Override
    public BenchResult udpRr(UdpRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(udpRr(req, progress, samples));
    }

    @Override
    public synchronized BenchResult udpRr(UdpRrRequest req, ProgressListener progress, LatencySink sink) {
        return runNetperfRr(NetperfRr.Protocol.UDP, req.busyReadUs(), req.busyPollUs(), req.durationNs(), req.seed(),
            progress, sink);
    }

    @Override
    public synchronized BenchResult tcpRrLive(TcpRrRequest req, ProgressListener progress, LatencySink sink) {
        return runNetperfRrLive(NetperfRr.Protocol.TCP, req.busyReadUs(), req.busyPollUs(), req.durationNs(),
            req.seed(), progress, sink);
    }

    @Override
    public synchronized BenchResult udpRrLive(UdpRrRequest req, ProgressListener progress, LatencySink sink) {
        return runNetperfRrLive(NetperfRr.Protocol.UDP, req.busyReadUs(), req.busyPollUs(), req.durationNs(),
            req.seed(), progress, sink);
    }

    /** A netperf-style RR run on two hosts configured like the running model ({@link LiveKnobs}). */
    private BenchResult runNetperfRrLive(NetperfRr.Protocol protocol, int busyReadUs, int busyPollUs, long durationNs,
                                         long seed, ProgressListener progress, LatencySink sink) {
        if (busyReadUs != 0 || busyPollUs != 0) {
            throw new IllegalArgumentException("busy_read and busy_poll are the running model's own in a live run: "
                + "the request must leave them 0, not " + busyReadUs + " and " + busyPollUs);
        }
        LiveKnobs knobs = liveKnobs();
        knobs.requireOnline(NetperfRr.APP_CPU, "netperf's and netserver's thread");
        return runNetperfRr(protocol, 0, 0, durationNs, seed, progress, sink, knobs::applyTo, client -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("config", "the running model's knobs, on both hosts");
            m.putAll(knobs.describe());
            return m;
        });
    }

    @Override
    public BenchResult epollRr(EpollRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(epollRr(req, progress, samples));
    }

    @Override
    public synchronized BenchResult epollRr(EpollRrRequest req, ProgressListener progress, LatencySink sink) {
        checkEpollRr(req);
        requireSince(req.irqSuspendTimeoutNs() > 0, Behaviour.PER_NAPI_NETLINK_CONFIG, "irq-suspend-timeout");
        requireSince(req.deferHardIrqs() != 0, Behaviour.NAPI_DEFER_HARD_IRQS, "napi_defer_hard_irqs");
        requireSince(req.groFlushTimeoutNs() != 0, Behaviour.GRO_FLUSH_TIMEOUT, "gro_flush_timeout");
        return runEpollRr(req, progress, sink, server -> {
            if (server.inputIrqNumber() >= 0) {
                server.write("/proc/irq/" + server.inputIrqNumber() + "/smp_affinity_list",
                    Integer.toString(EpollRr.APP_CPU));
            }
            if (profile.has(Behaviour.NAPI_DEFER_HARD_IRQS)) {
                server.write("/sys/class/net/eth0/napi_defer_hard_irqs", Long.toString(req.deferHardIrqs()));
            }
            if (profile.has(Behaviour.GRO_FLUSH_TIMEOUT)) {
                server.write("/sys/class/net/eth0/gro_flush_timeout", Long.toString(req.groFlushTimeoutNs()));
            }
            if (req.irqSuspendTimeoutNs() > 0) {
                try {
                    server.kernel.netdevFamily().doit("napi-set", Map.of("id", (long) server.napi.napi().napiId(),
                        "irq-suspend-timeout", req.irqSuspendTimeoutNs()));
                } catch (io.netmodel.api.netlink.NetlinkException e) {
                    throw new IllegalArgumentException("napi-set irq-suspend-timeout: " + e.getMessage(), e);
                }
            }
        }, server -> {
            Map<String, String> m = new LinkedHashMap<>();
            if (profile.has(Behaviour.NAPI_DEFER_HARD_IRQS)) {
                m.put("server.eth0.napi_defer_hard_irqs", server.read("/sys/class/net/eth0/napi_defer_hard_irqs"));
            }
            if (profile.has(Behaviour.GRO_FLUSH_TIMEOUT)) {
                m.put("server.eth0.gro_flush_timeout", server.read("/sys/class/net/eth0/gro_flush_timeout"));
            }
            if (profile.has(Behaviour.PER_NAPI_NETLINK_CONFIG)) {
                m.put("server.eth0.napi[0].irq-suspend-timeout", Long.toString(server.napi.napi().irqSuspendTimeout()));
            }
            return m;
        });
    }

    @Override
    public BenchResult epollRrLive(EpollRrRequest req, ProgressListener progress) {
        Samples samples = new Samples();
        return samples.into(epollRrLive(req, progress, samples));
    }

    @Override
    public synchronized BenchResult epollRrLive(EpollRrRequest req, ProgressListener progress, LatencySink sink) {
        if (req.deferHardIrqs() != 0 || req.groFlushTimeoutNs() != 0 || req.irqSuspendTimeoutNs() != 0) {
            throw new IllegalArgumentException("napi_defer_hard_irqs, gro_flush_timeout and irq-suspend-timeout are "
                + "the running model's own in a live run: the request must leave them 0, not " + req.deferHardIrqs()
                + ", " + req.groFlushTimeoutNs() + " and " + req.irqSuspendTimeoutNs());
        }
        checkEpollRr(req);
        LiveKnobs knobs = liveKnobs();
        knobs.requireOnline(EpollRr.APP_CPU, "epoll_rr's server thread");
        return runEpollRr(req, progress, sink, knobs::applyTo, server -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("config", "the running model's knobs on the server; epoll's own parameters from the command line; "
                + "the client (a load generator) as in every epoll-rr run");
            knobs.describe().forEach((k, v) -> m.put("server." + k, v));
            return m;
        });
    }

    private void checkEpollRr(EpollRrRequest req) {
        boolean epollParams = req.busyPollUsecs() > 0 || req.preferBusyPoll() || req.busyPollBudget() > 0;
        if (epollParams && !profile.has(Behaviour.EPOLL_BUSY_POLL_PARAMS)) {
            throw new IllegalArgumentException("per-epoll busy_poll_usecs, busy_poll_budget and prefer_busy_poll "
                + "(EPIOCSPARAMS) exist from 6.9; the model runs kernel " + profile.version());
        }
    }

    /**
     * One epoll_rr run on a fresh client/server pair: {@code configure} sets the server's knobs
     * (the request's, or the running model's), {@code describe} reports them from the server.
     * The client keeps its defaults: a load generator, as in the series' evaluation. The samples
     * go to {@code sink}; the result carries none.
     */
    private BenchResult runEpollRr(EpollRrRequest req, ProgressListener progress, LatencySink sink,
                                   Consumer<SimHost> configure,
                                   java.util.function.Function<SimHost, Map<String, String>> describe) {
        Simulator sim = new Simulator(req.seed());
        HostSpec spec = atLeast(RR_MIN_CPUS);
        SimHost[] hosts = SimHost.pair(() -> boot(spec), sim, costs);
        SimHost client = hosts[0];
        SimHost server = hosts[1];
        configure.accept(server);
        for (SimHost h : hosts) {
            h.loadNicSettings();
        }
        long[] before = totals(client, server);
        long[] taken = new long[1];
        EpollRr run = new EpollRr(sim, client, server, req, (at, ns) -> {
            taken[0]++;
            sink.sample(at, ns);
        });
        run.run(progress);
        Map<String, String> knobs = new LinkedHashMap<>();
        knobs.put("kernel", profile.version().toString());
        knobs.put("driver", driverNames());
        knobs.putAll(describe.apply(server));
        knobs.put("server.epoll.busy_poll_usecs", Integer.toString(req.busyPollUsecs()));
        knobs.put("server.epoll.busy_poll_budget", Integer.toString(req.busyPollBudget()));
        knobs.put("server.epoll.prefer_busy_poll", req.preferBusyPoll() ? "1" : "0");
        knobs.put("server.epoll.busy_poll", run.busyPollState());
        knobs.put("server.irq_cpu", Integer.toString(server.inputIrqCpu()));
        describeCpus(knobs, spec, "epoll_rr's server thread is on CPU 1");
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("client.requests_sent", run.sent());
        counters.put("server.irq." + server.inputIrqNumber(), irqCount(server));
        counters.put("server.napi.polls", server.napi.polls);
        counters.put("server.napi.watchdog_fires", server.napi.watchdogFires);
        counters.put("server.thread.wakeups", run.wakeups());
        counters.put("server.napi_suspend_irqs", run.suspends());
        counters.put("server.napi_resume_irqs", run.resumes());
        netstatReport(counters, client, server);
        schedReport(knobs, counters, client, server);
        client.describeDim(knobs, counters);
        server.describeDim(knobs, counters);
        client.describeRps(knobs, counters);
        server.describeRps(knobs, counters);
        counters.put("sim.events", sim.executed());
        return new BenchResult("epoll-rr", knobs, new long[0], taken[0], req.durationNs(),
            cpuUsage(sim.now(), before, client, server), counters);
    }

    /** One netperf-style RR run; the samples go to {@code sink}, the result carries none. */
    private BenchResult runNetperfRr(NetperfRr.Protocol protocol, int busyReadUs, int busyPollUs, long durationNs,
                                     long seed, ProgressListener progress, LatencySink sink) {
        return runNetperfRr(protocol, busyReadUs, busyPollUs, durationNs, seed, progress, sink, h -> { },
            client -> Map.of());
    }

    /**
     * As above, with {@code configure} writing more of each host's files after busy_read and
     * busy_poll (the running model's knobs; tests: rps_cpus), and {@code describe} reporting them
     * from the client ahead of what every netperf run reports.
     */
    BenchResult runNetperfRr(NetperfRr.Protocol protocol, int busyReadUs, int busyPollUs, long durationNs,
                             long seed, ProgressListener progress, LatencySink sink, Consumer<SimHost> configure,
                             java.util.function.Function<SimHost, Map<String, String>> describe) {
        Simulator sim = new Simulator(seed);
        HostSpec spec = atLeast(RR_MIN_CPUS);
        SimHost[] hosts = SimHost.pair(() -> boot(spec), sim, costs);
        SimHost client = hosts[0];
        SimHost server = hosts[1];
        for (SimHost h : hosts) {
            h.write("/proc/sys/net/core/busy_read", Integer.toString(busyReadUs));
            h.write("/proc/sys/net/core/busy_poll", Integer.toString(busyPollUs));
            configure.accept(h);
            h.loadNicSettings();
        }
        long[] before = totals(client, server);
        // the sockets take busy_read when they are made (sk_ll_usec = sysctl_net_busy_read)
        int skLlUsec = Integer.parseInt(client.read("/proc/sys/net/core/busy_read"));
        NetperfRr run = new NetperfRr(sim, client, server, protocol, skLlUsec, durationNs, sink);
        run.run(progress);
        Map<String, String> knobs = new LinkedHashMap<>(describe.apply(client));
        knobs.put("kernel", profile.version().toString());
        knobs.put("driver", driverNames());
        knobs.put("net.core.busy_read", client.read("/proc/sys/net/core/busy_read"));
        knobs.put("net.core.busy_poll", client.read("/proc/sys/net/core/busy_poll"));
        knobs.put("eth0.napi_id", Integer.toString(client.napi.napi().napiId()));
        describeCpus(knobs, spec, "netperf's and netserver's threads are on CPU 1");
        String refusal = run.busyPollRefusal();
        knobs.put("busy_poll", refusal == null ? (skLlUsec > 0 ? "active" : "off") : "inactive: " + refusal);
        Map<String, Long> counters = new LinkedHashMap<>();
        for (SimHost h : new SimHost[] {client, server}) {
            counters.put(h.name + ".napi.polls", h.napi.polls);
            counters.put(h.name + ".irq." + h.inputIrqNumber(), irqCount(h));
            counters.put(h.name + ".context_switches", h.kernel.cpus().nrContextSwitches());
            h.describeDim(knobs, counters);
            h.describeRps(knobs, counters);
        }
        netstatReport(counters, client, server);
        String workload = protocol == NetperfRr.Protocol.TCP ? "tcp-rr" : "udp-rr";
        return new BenchResult(workload, knobs, new long[0], run.transactions(), durationNs,
            cpuUsage(sim.now(), before, client, server), counters);
    }

    /** A request that uses {@code knob} ({@code used}) on a release before {@code since} is refused, naming both. */
    private void requireSince(boolean used, Behaviour since, String knob) {
        if (used && !profile.has(since)) {
            throw new IllegalArgumentException(knob + " exists from " + since.since() + "; the model runs kernel "
                + profile.version());
        }
    }

    /**
     * The model's host with at least {@code min} CPUs: a workload's pinned threads need them. An
     * in-process xsk_rr always gets its 6 (the default host has 2; its CPU table shows them); a
     * live one says so, as netperf and epoll_rr do on a 1-CPU model ({@link #describeCpus}).
     */
    private HostSpec atLeast(int min) {
        return host.cpus() >= min ? host : new HostSpec(min, host.nics(), host.smt());
    }

    /** A run on more CPUs than the model has says so in its knobs ({@code why}: where the threads are pinned). */
    private void describeCpus(Map<String, String> knobs, HostSpec spec, String why) {
        if (spec.cpus() != host.cpus()) {
            knobs.put("cpus", spec.cpus() + " per host, not the model's " + host.cpus() + " (" + why + ")");
        }
    }

    private Kernel boot(HostSpec spec) {
        Kernel k = new Kernel(profile, spec);
        for (NetDriver d : drivers.get()) {
            k.modules().driverAppeared(d);
        }
        return k;
    }

    private String driverNames() {
        List<String> names = new ArrayList<>();
        for (NetDriver d : drivers.get()) {
            names.add(d.name());
        }
        return String.join(",", names);
    }

    private static long irqCount(SimHost h) {
        long n = 0;
        io.netmodel.irq.IrqDesc d = h.kernel.irqs().get(h.inputIrqNumber());
        if (d != null) {
            for (int c = 0; c < h.cpus.length; c++) {
                n += d.count(c);
            }
        }
        return n;
    }

    private static long[] totals(SimHost... hosts) {
        List<Long> all = new ArrayList<>();
        for (SimHost h : hosts) {
            for (CpuStat s : h.kernel.cpus().all()) {
                for (CpuTime t : CpuTime.values()) {
                    all.add(s.time(t));
                }
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Each host's TcpExt BusyPollRxPackets ({@code /proc/net/netstat}, {@code nstat
     * TcpExtBusyPollRxPackets}): the packets its busy polls took, as its kernel counted them.
     */
    private static void netstatReport(Map<String, Long> counters, SimHost... hosts) {
        for (SimHost h : hosts) {
            counters.put(h.name + ".netstat.TcpExt.BusyPollRxPackets",
                h.kernel.netStatistics().get(io.netmodel.net.LinuxMib.TcpExt.BUSYPOLLRXPACKETS));
        }
    }

    /**
     * For each CPU a spinning kthread shares with an application thread ({@link RunQueue}): how
     * they shared it, whether the application starved, and the scheduler's counters. Nothing for
     * CPUs no two tasks share.
     */
    private static void schedReport(Map<String, String> knobs, Map<String, Long> counters, SimHost... hosts) {
        for (SimHost h : hosts) {
            for (Cpu c : h.cpus) {
                if (c.rq.shared()) {
                    String prefix = h.name + ".sched.cpu" + c.id;
                    knobs.put(prefix, c.rq.describe());
                    counters.putAll(c.rq.counters(prefix + "."));
                }
            }
        }
    }

    private static List<CpuUsage> cpuUsage(long elapsed, long[] before, SimHost... hosts) {
        List<CpuUsage> out = new ArrayList<>();
        int i = 0;
        int n = CpuTime.values().length;
        for (SimHost h : hosts) {
            for (CpuStat s : h.kernel.cpus().all()) {
                long user = s.time(CpuTime.USER) - before[i + CpuTime.USER.ordinal()];
                long sys = s.time(CpuTime.SYSTEM) - before[i + CpuTime.SYSTEM.ordinal()];
                long si = s.time(CpuTime.SOFTIRQ) - before[i + CpuTime.SOFTIRQ.ordinal()];
                long irq = s.time(CpuTime.IRQ) - before[i + CpuTime.IRQ.ordinal()];
                long idle = Math.max(0, elapsed - user - sys - si - irq);
                out.add(new CpuUsage(h.name, s.cpu, user, sys, si, irq, idle));
                i += n;
            }
        }
        return out;
    }
}
