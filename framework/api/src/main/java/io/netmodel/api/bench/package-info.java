/**
 * Benchmarks the kernel model runs on its simulated hosts (xsk_rr, tcp_rr, udp_rr, epoll_rr), for the shell's
 * {@code netmodel bench} and for Java callers. Results carry raw latency samples; summaries
 * (percentiles, xsk_rr's own estimator) are computed by the caller.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.netmodel.api.bench;
