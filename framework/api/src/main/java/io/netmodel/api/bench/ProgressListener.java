package io.netmodel.api.bench;

import org.osgi.annotation.versioning.ConsumerType;

/** Told how far a long run has got, in simulated time. */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {
    void progress(long doneNs, long totalNs);
}
