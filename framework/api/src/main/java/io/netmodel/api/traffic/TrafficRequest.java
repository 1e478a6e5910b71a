package io.netmodel.api.traffic;

/**
 * A stream of frames arriving at eth0, addressed to a UDP socket an application thread reads.
 *
 * @param ratePps mean frames per second (1 .. 10,000,000)
 * @param frameBytes frame length on the wire (60 .. 9018)
 * @param poisson exponential gaps (true) or a fixed period
 * @param seed random seed of the gaps and the wire's jitter
 * @param busyPollUs the socket's {@code SO_BUSY_POLL} in µs (0 .. 2147483647), or
 *     {@link #SYSCTL_BUSY_READ} for {@code net.core.busy_read} as it is when the traffic starts
 * @param cpu the CPU the reading thread is pinned to, or {@link #DEFAULT_CPU} for the last online one
 * @param flows how many flows (source ports) the frames come from, in turn (1 .. {@value #MAX_FLOWS}):
 *     the NIC's RSS spreads them over eth0's RX queues by their hash (since 1.2)
 * @param nonblock the thread loops on {@code recvfrom(MSG_DONTWAIT)} and never sleeps (since 1.3); false:
 *     a blocking {@code recvfrom}
 * @param connected the socket is {@code connect()}ed to the one flow's sender, so each {@code recvfrom}
 *     records the flow for receive flow steering ({@code sock_rps_record_flow}) (since 1.4); false:
 *     an unconnected socket, which records nothing
 * @since 1.1
 */
public record TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed, int busyPollUs, int cpu,
                             int flows, boolean nonblock, boolean connected) {
    /** The most flows a stream may have. */
    public static final int MAX_FLOWS = 65536;
    /** {@link #busyPollUs}: no {@code SO_BUSY_POLL}; the socket takes {@code net.core.busy_read}. */
    public static final int SYSCTL_BUSY_READ = -1;
    /** {@link #cpu}: the host's last CPU (the first one takes the NIC's interrupts by default). */
    public static final int DEFAULT_CPU = -1;

    public TrafficRequest {
        if (!(ratePps >= 1 && ratePps <= 10_000_000)) {
            throw new IllegalArgumentException("--rate must be 1 .. 10000000 frames/s");
        }
        if (frameBytes < 60 || frameBytes > 9018) {
            throw new IllegalArgumentException("--size must be 60 .. 9018 bytes");
        }
        if (busyPollUs < SYSCTL_BUSY_READ) {
            throw new IllegalArgumentException("--busy-poll must be 0 .. 2147483647 us");
        }
        if (cpu < DEFAULT_CPU) {
            throw new IllegalArgumentException("--cpu must be a CPU number, 0 or more");
        }
        if (flows < 1 || flows > MAX_FLOWS) {
            throw new IllegalArgumentException("--flows must be 1 .. " + MAX_FLOWS);
        }
        if (connected && flows != 1) {
            throw new IllegalArgumentException("--connect takes one flow: a connected UDP socket receives from its "
                + "peer only (got --flows " + flows + ")");
        }
    }

    /** An unconnected socket (the 1.3 form). */
    public TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed, int busyPollUs, int cpu,
                          int flows, boolean nonblock) {
        this(ratePps, frameBytes, poisson, seed, busyPollUs, cpu, flows, nonblock, false);
    }

    /** A blocking reader (the 1.2 form). */
    public TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed, int busyPollUs, int cpu,
                          int flows) {
        this(ratePps, frameBytes, poisson, seed, busyPollUs, cpu, flows, false);
    }

    /** One flow (the 1.1 form). */
    public TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed, int busyPollUs, int cpu) {
        this(ratePps, frameBytes, poisson, seed, busyPollUs, cpu, 1);
    }

    /** A stream to a socket that follows {@code net.core.busy_read}, read on the last CPU. */
    public TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed) {
        this(ratePps, frameBytes, poisson, seed, SYSCTL_BUSY_READ, DEFAULT_CPU);
    }
}
