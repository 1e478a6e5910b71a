package io.netmodel.drivers.examplenic;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/**
 * The (fictional) driver's own changes. The core's changes ({@code Behaviour}) are asked
 * directly; a driver declares only what its own source changed, and never compares versions.
 */
enum ExampleNicHistory implements Change {
    /** {@code ndo_busy_poll} and an explicit {@code napi_hash_add}, added to the (fictional) driver in 3.14. */
    BUSY_POLL("3.14");

    private final KernelVersion since;

    ExampleNicHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
