package io.netmodel.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named change that entered the kernel (or a driver's source) in a release. The core's
 * changes are {@link Behaviour}; a driver declares its own history the same way, e.g.
 * {@code enum VirtioNetHistory implements Change { NDO_BUSY_POLL("3.17") }}, and asks
 * {@link KernelProfile#has(Change)}.
 */
@ConsumerType
public interface Change {
    /** The first release with this change. */
    KernelVersion since();
}
