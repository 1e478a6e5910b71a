package io.netmodel.api.bench;

/**
 * One netperf-style TCP_RR run: 1-byte request and response, one transaction in flight,
 * closed loop, on the model host's NIC and driver.
 *
 * @param busyReadUs {@code net.core.busy_read} on both hosts (µs; 0 = off)
 * @param busyPollUs {@code net.core.busy_poll} on both hosts (µs; 0 = off)
 * @param durationNs simulated time to run
 * @param seed random seed
 */
public record TcpRrRequest(int busyReadUs, int busyPollUs, long durationNs, long seed) {
    public TcpRrRequest {
        RrArgs.check(busyReadUs, busyPollUs, durationNs);
    }
}
