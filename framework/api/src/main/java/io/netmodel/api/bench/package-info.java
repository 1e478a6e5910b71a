/**
 * Benchmarks the kernel model runs on its simulated hosts (xsk_rr, tcp_rr, udp_rr, epoll_rr), for the shell's
 * {@code netmodel bench} and for Java callers. Results carry raw latency samples, or
 * hand them to a {@link io.netmodel.api.bench.LatencySink} as the run produces them (1.3: memory
 * flat over long runs); summaries (percentiles, xsk_rr's own estimator) are computed by the caller.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.netmodel.api.bench;
