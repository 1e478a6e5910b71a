package io.netmodel.api.bench;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs benchmarks on a pair of simulated hosts (client and server) built like the model's own
 * host: same kernel release, CPUs, NIC and driver, joined by a wire. Runs are batch: as fast
 * as the CPU allows, deterministic for a seed. Thread-safe; one run at a time per call.
 */
@ProviderType
public interface BenchService {
    BenchResult xskRr(XskRrRequest request, ProgressListener progress);

    /**
     * As {@link #xskRr(XskRrRequest, ProgressListener)}, but each latency sample goes to
     * {@code sink} when it is taken, with its simulated time, instead of into the result: the
     * result's {@link BenchResult#latencyNs()} is empty and the run keeps nothing per request.
     *
     * @since 1.3
     */
    default BenchResult xskRr(XskRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand xsk_rr samples to a sink");
    }

    /**
     * As {@link #xskRrLive(XskRrRequest, ProgressListener)}, with the samples going to
     * {@code sink} as in {@link #xskRr(XskRrRequest, ProgressListener, LatencySink)}.
     *
     * @since 1.3
     */
    default BenchResult xskRrLive(XskRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand xsk_rr samples to a sink");
    }

    BenchResult tcpRr(TcpRrRequest request, ProgressListener progress);

    /**
     * As {@link #tcpRr(TcpRrRequest, ProgressListener)}, with each sample going to {@code sink}
     * as in {@link #xskRr(XskRrRequest, ProgressListener, LatencySink)}: the result carries none.
     *
     * @since 1.3
     */
    default BenchResult tcpRr(TcpRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand tcp_rr samples to a sink");
    }

    /**
     * As {@link #udpRr(UdpRrRequest, ProgressListener)}, with each sample going to {@code sink}.
     *
     * @since 1.3
     */
    default BenchResult udpRr(UdpRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand udp_rr samples to a sink");
    }

    /**
     * As {@link #tcpRr(TcpRrRequest, ProgressListener, LatencySink)}, but both hosts are
     * configured like the running model, as {@link #xskRrLive} configures them: its
     * {@code net.core} sysctls ({@code busy_read}, {@code busy_poll}, budgets, backlog), eth0's
     * per-device knobs, RPS settings, IRQ affinities, ethtool settings and NAPI config are copied.
     * The request's {@code busyReadUs} and {@code busyPollUs} must be 0: those are the model's
     * own. Throws {@link IllegalArgumentException} when they are not, saying what to change.
     *
     * @since 1.3
     */
    default BenchResult tcpRrLive(TcpRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot run tcp_rr on its live configuration");
    }

    /**
     * As {@link #tcpRrLive}, over UDP.
     *
     * @since 1.3
     */
    default BenchResult udpRrLive(UdpRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot run udp_rr on its live configuration");
    }

    /**
     * As {@link #epollRr(EpollRrRequest, ProgressListener)}, with each sample going to {@code sink}.
     *
     * @since 1.3
     */
    default BenchResult epollRr(EpollRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand epoll_rr samples to a sink");
    }

    /**
     * As {@link #epollRrLive(EpollRrRequest, ProgressListener)}, with each sample going to {@code sink}.
     *
     * @since 1.3
     */
    default BenchResult epollRrLive(EpollRrRequest request, ProgressListener progress, LatencySink sink) {
        throw new UnsupportedOperationException("this model cannot hand epoll_rr samples to a sink");
    }

    /**
     * netperf UDP_RR: as {@link #tcpRr}, over UDP (no connection, a smaller frame, a cheaper
     * protocol path).
     *
     * @since 1.1
     */
    default BenchResult udpRr(UdpRrRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException("this model does not run udp_rr");
    }

    /**
     * An epoll server under open-loop load, with epoll busy polling, deferral and IRQ
     * suspension as the request sets them (Damato and Karsten's three loops).
     *
     * @since 1.1
     */
    default BenchResult epollRr(EpollRrRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException("this model does not run epoll_rr");
    }

    /**
     * As {@link #xskRr}, but both hosts are configured like the running model instead of by
     * seed 001's script: its {@code net.core} sysctls, eth0's per-device knobs, RPS settings and
     * IRQ affinities are copied, so what was echoed into the mount is what runs. A null
     * {@code request.mode()} means: the set-up those knobs make. Throws
     * {@link IllegalArgumentException} when the asked mode and the knobs disagree, saying what
     * to change.
     *
     * @since 1.1
     */
    default BenchResult xskRrLive(XskRrRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException("this model cannot run benchmarks on its live configuration");
    }

    /**
     * As {@link #epollRr}, but the server is configured like the running model instead of by
     * the request: its {@code net.core} sysctls (the {@code busy_poll} sysctl is epoll's
     * busy-poll time when the epoll instance has none of its own), eth0's per-device knobs,
     * the netlink config ({@code irq-suspend-timeout}, threaded) of the NAPI its flow's RX queue
     * has (queue 0 unless a configured RSS table says otherwise), IRQ affinities
     * and ethtool settings are copied. Only the application's own parameters come from the
     * request ({@code EPIOCSPARAMS}: busy_poll_usecs, budget, prefer); its
     * {@code deferHardIrqs}, {@code groFlushTimeoutNs} and {@code irqSuspendTimeoutNs} must be
     * 0. The client is a load generator and keeps its defaults, as in {@link #epollRr}. Throws
     * {@link IllegalArgumentException} when the request sets kernel state or the knobs make a
     * run the model cannot do, saying what to change.
     *
     * @since 1.2
     */
    default BenchResult epollRrLive(EpollRrRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException("this model cannot run epoll_rr on its live configuration");
    }

    /**
     * The cost parameters of the host profile the runs use (ns), by the calibration file's keys,
     * in the file's order; empty if the model has none.
     *
     * @since 1.2
     */
    default java.util.Map<String, Long> costs() {
        return java.util.Map.of();
    }

    /**
     * A service that runs like this one with some cost parameters replaced: what a fit
     * ({@code netmodel calibrate}) tries. The host profile itself is not changed.
     *
     * @throws IllegalArgumentException for a key {@link #costs()} does not have, or a negative value
     * @since 1.2
     */
    default BenchService withCosts(java.util.Map<String, Long> overrides) {
        throw new UnsupportedOperationException("this model's costs cannot be changed");
    }
}
