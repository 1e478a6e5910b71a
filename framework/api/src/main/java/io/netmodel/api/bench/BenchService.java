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

    BenchResult tcpRr(TcpRrRequest request, ProgressListener progress);

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
}
