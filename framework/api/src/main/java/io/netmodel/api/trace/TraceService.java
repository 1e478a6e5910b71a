package io.netmodel.api.trace;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The model's probes. */
@ProviderType
public interface TraceService {
    /** Probe names, sorted. */
    List<String> probes();

    /**
     * Subscribes {@code listener} to {@code probe}; closing the handle unsubscribes.
     *
     * @throws IllegalArgumentException for an unknown probe
     */
    AutoCloseable subscribe(String probe, TraceListener listener);
}
