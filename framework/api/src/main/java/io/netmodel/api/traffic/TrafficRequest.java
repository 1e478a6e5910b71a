package io.netmodel.api.traffic;

/**
 * A stream of frames arriving at eth0.
 *
 * @param ratePps mean frames per second (1 .. 10,000,000)
 * @param frameBytes frame length on the wire (60 .. 9018)
 * @param poisson exponential gaps (true) or a fixed period
 * @param seed random seed of the gaps and the wire's jitter
 */
public record TrafficRequest(double ratePps, int frameBytes, boolean poisson, long seed) {
    public TrafficRequest {
        if (!(ratePps >= 1 && ratePps <= 10_000_000)) {
            throw new IllegalArgumentException("--rate must be 1 .. 10000000 frames/s");
        }
        if (frameBytes < 60 || frameBytes > 9018) {
            throw new IllegalArgumentException("--size must be 60 .. 9018 bytes");
        }
    }
}
