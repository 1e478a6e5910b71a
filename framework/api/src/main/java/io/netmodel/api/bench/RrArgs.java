package io.netmodel.api.bench;

/** The checks netperf-style RR requests share ({@link TcpRrRequest}, {@link UdpRrRequest}). */
final class RrArgs {
    private RrArgs() {
    }

    static void check(int busyReadUs, int busyPollUs, long durationNs) {
        if (busyReadUs < 0 || busyPollUs < 0) {
            throw new IllegalArgumentException("busy_read/busy_poll must be >= 0");
        }
        if (durationNs <= 0) {
            throw new IllegalArgumentException("--duration must be > 0");
        }
    }
}
