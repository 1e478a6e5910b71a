package io.netmodel.kernel;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.kernel.KernelVersion;

/**
 * The modelled kernel release. Which behaviours exist follows from
 * {@link io.netmodel.api.kernel.Behaviour#since()}; nothing else in the model compares versions.
 */
public final class Profile implements KernelProfile {
    /** The default for {@code --kernel}. */
    public static final KernelVersion NEWEST = KernelVersion.NEWEST_MODELLED;

    private final KernelVersion version;

    public Profile(KernelVersion version) {
        if (!version.modelled()) {
            throw new IllegalArgumentException("kernel " + version + " is not modelled ("
                + KernelVersion.OLDEST_MODELLED + " .. " + KernelVersion.NEWEST_MODELLED + ")");
        }
        this.version = version;
    }

    @Override
    public KernelVersion version() {
        return version;
    }

    @Override
    public String toString() {
        return version.toString();
    }
}
