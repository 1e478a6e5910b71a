package io.netmodel.api.trace;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives probe hits; called on the model's thread with the model lock held: return quickly. */
@ConsumerType
@FunctionalInterface
public interface TraceListener {
    void hit(TraceEvent event);
}
