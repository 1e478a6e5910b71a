package io.netmodel.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel release the model behaves as ({@code netmodel up --kernel 4.4}). Registered as a
 * service by the kernel model and handed to drivers at probe time.
 */
@ProviderType
public interface KernelProfile {
    KernelVersion version();

    /** Whether this release has the change (a core {@link Behaviour} or a driver's own). */
    default boolean has(Change change) {
        return version().atLeast(change.since());
    }
}
