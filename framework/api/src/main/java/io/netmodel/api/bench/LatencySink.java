package io.netmodel.api.bench;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes a run's latency samples as the simulation produces them, so that the caller can
 * summarise them (histograms, xsk_rr's windows) without the run keeping one number per
 * request: memory stays flat however long the run.
 *
 * @since 1.3
 */
@ConsumerType
@FunctionalInterface
public interface LatencySink {
    /**
     * One completed request.
     *
     * @param atNs when the sample was taken, simulated ns since the measured part of the run
     *     began (after warm-up); never decreasing from one call to the next
     * @param latencyNs the request's latency, ns, {@code >= 0}
     */
    void sample(long atNs, long latencyNs);
}
