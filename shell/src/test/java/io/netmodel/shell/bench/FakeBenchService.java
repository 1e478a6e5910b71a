package io.netmodel.shell.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * A stand-in for the kernel model's BenchService: fixed, seeded samples (one per period of the
 * run for xsk_rr), maps in unordered {@code Map.of} form and CPUs out of order, so output code
 * must impose its own order. Records the requests it got.
 */
public final class FakeBenchService implements BenchService {
    public final List<XskRrRequest> xskRequests = new ArrayList<>();
    public final List<TcpRrRequest> tcpRequests = new ArrayList<>();
    public final List<UdpRrRequest> udpRequests = new ArrayList<>();
    /** Requests of {@code --live} runs, as the command sent them (mode null: the knobs decide). */
    public final List<XskRrRequest> liveRequests = new ArrayList<>();
    /** Requests of {@code epoll-rr --live} runs, as the command sent them. */
    public final List<EpollRrRequest> epollLiveRequests = new ArrayList<>();
    private final ToLongFunction<XskRrRequest> constantNs;
    /** When set, every xsk_rr request is refused with it, as the model refuses a mode its kernel lacks. */
    public String refusal;

    /** Samples spread around a base that depends on mode and delay. */
    public FakeBenchService() {
        this(null);
    }

    /** Every xsk_rr sample of a request equals {@code constantNs.applyAsLong(request)}. */
    public FakeBenchService(ToLongFunction<XskRrRequest> constantNs) {
        this.constantNs = constantNs;
    }

    @Override
    public BenchResult xskRr(XskRrRequest r, ProgressListener progress) {
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        xskRequests.add(r);
        int n = (int) (r.durationNs() / r.periodNs());
        long[] samples = new long[n];
        SplittableRandom rnd = new SplittableRandom(r.seed() * 1_000_003L + r.periodNs() * 31 + r.delayNs() * 7
            + r.mode().ordinal());
        long base = 12_500 + 700L * r.mode().ordinal() + r.delayNs() / 20;
        for (int i = 0; i < n; i++) {
            samples[i] = constantNs != null ? constantNs.applyAsLong(r)
                : base + rnd.nextLong(1_500) + (rnd.nextInt(1000) == 0 ? 40_000 : 0);
        }
        progress.progress(r.durationNs() / 2, r.durationNs());
        progress.progress(r.durationNs(), r.durationNs());
        return new BenchResult("xsk-rr", knobs(r.mode().cliName()), samples, n, r.durationNs(), cpus(r.durationNs()),
            Map.of("server.irq.virtio0-input.0", (long) n, "client.softnet.time_squeeze", 3L, "client.napi.polls", 2L * n));
    }

    @Override
    public BenchResult xskRr(XskRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(xskRr(r, progress), r.periodNs(), sink);
    }

    @Override
    public BenchResult xskRrLive(XskRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(xskRrLive(r, progress), r.periodNs(), sink);
    }

    /** A live model whose knobs make the busy-poll set-up. */
    @Override
    public BenchResult xskRrLive(XskRrRequest r, ProgressListener progress) {
        liveRequests.add(r);
        XskMode mode = r.mode() != null ? r.mode() : XskMode.BUSY_POLL;
        BenchResult b = xskRr(new XskRrRequest(r.periodNs(), r.delayNs(), mode, r.durationNs(), r.seed()), progress);
        Map<String, String> knobs = new java.util.HashMap<>(b.knobs());
        knobs.put("mode", mode.cliName());
        knobs.put("config", "the running model's knobs");
        return new BenchResult(b.workload(), knobs, b.latencyNs(), b.transactions(), b.durationNs(), b.cpus(), b.counters());
    }

    /** A live model set up like suspend20: one sample per 40 µs, its NAPI knobs in the report. */
    @Override
    public BenchResult epollRrLive(EpollRrRequest r, ProgressListener progress) {
        epollLiveRequests.add(r);
        int n = (int) (r.durationNs() / 40_000);
        long[] samples = new long[n];
        SplittableRandom rnd = new SplittableRandom(r.seed());
        for (int i = 0; i < n; i++) {
            samples[i] = 30_000 + rnd.nextLong(5_000);
        }
        progress.progress(r.durationNs(), r.durationNs());
        return new BenchResult("epoll-rr", Map.of("kernel", "6.19", "config", "the running model's knobs on the server",
            "server.eth0.napi[0].defer-hard-irqs", "100", "server.eth0.napi[0].gro-flush-timeout", "20000",
            "server.eth0.napi[0].irq-suspend-timeout", "20000000", "server.epoll.busy_poll",
            r.preferBusyPoll() ? "on: prefer_busy_poll, one pass per epoll_wait" : "off"), samples, n, r.durationNs(),
            cpus(r.durationNs()), Map.of("server.irq.24", 3L, "server.thread.wakeups", (long) n));
    }

    @Override
    public BenchResult tcpRr(TcpRrRequest r, ProgressListener progress) {
        tcpRequests.add(r);
        SplittableRandom rnd = new SplittableRandom(r.seed());
        int n = (int) (r.durationNs() / 30_000);
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            samples[i] = 25_000 - 40L * Math.min(r.busyReadUs(), 100) + rnd.nextLong(4_000);
        }
        progress.progress(r.durationNs(), r.durationNs());
        return new BenchResult("tcp-rr", knobs("tcp_rr"), samples, n, r.durationNs(), cpus(r.durationNs()),
            Map.of("server.tcp.segments", 2L * n, "client.tcp.segments", 2L * n));
    }

    /** As tcp_rr, 10% faster. */
    @Override
    public BenchResult udpRr(UdpRrRequest r, ProgressListener progress) {
        udpRequests.add(r);
        BenchResult tcp = tcpRr(new TcpRrRequest(r.busyReadUs(), r.busyPollUs(), r.durationNs(), r.seed()), progress);
        tcpRequests.remove(tcpRequests.size() - 1);
        long[] samples = tcp.latencyNs().clone();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = samples[i] * 10 / 11;
        }
        return new BenchResult("udp-rr", knobs("udp_rr"), samples, tcp.transactions(), tcp.durationNs(), tcp.cpus(),
            tcp.counters());
    }

    @Override
    public BenchResult tcpRr(TcpRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(tcpRr(r, progress), 30_000, sink);
    }

    @Override
    public BenchResult udpRr(UdpRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(udpRr(r, progress), 30_000, sink);
    }

    @Override
    public BenchResult epollRrLive(EpollRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(epollRrLive(r, progress), 40_000, sink);
    }

    private static Map<String, String> knobs(String what) {
        return Map.of("kernel", "6.19", "driver", "virtio_net", "net.core.busy_read", "400",
            "eth0.napi_defer_hard_irqs", "100", "eth0.gro_flush_timeout", "15000", "setup", what);
    }

    /** Two CPUs per host, listed server first and in reverse CPU order. */
    private static List<CpuUsage> cpus(long t) {
        return List.of(new CpuUsage("server", 1, t / 10, t / 20, t / 40, t / 80, t - t / 10 - t / 20 - t / 40 - t / 80),
            new CpuUsage("server", 0, 0, 0, 0, 0, t),
            new CpuUsage("client", 1, t / 2, t / 4, 0, 0, t - t / 2 - t / 4),
            new CpuUsage("client", 0, t / 3, t / 6, t / 12, t / 24, t - t / 3 - t / 6 - t / 12 - t / 24));
    }
}
