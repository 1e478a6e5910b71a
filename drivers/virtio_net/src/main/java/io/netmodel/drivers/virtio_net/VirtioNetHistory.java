package io.netmodel.drivers.virtio_net;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/** Changes in {@code drivers/net/virtio_net.c} that the model follows (kernel-algorithms.md §3.4). */
enum VirtioNetHistory implements Change {
    /**
     * {@code virtnet_busy_poll} as {@code ndo_busy_poll}, with an explicit {@code napi_hash_add}
     * on each RX NAPI (commit 91815639d880, Jason Wang): 3.17.
     */
    NDO_BUSY_POLL("3.17"),
    /**
     * "virtio-net: enable multiqueue by default": use min(online CPUs, max_queue_pairs) pairs
     * instead of 1 (Jason Wang; release inferred, kernel-algorithms.md §3.4 says about 4.x).
     */
    MQ_BY_DEFAULT("4.11"),
    /** TX NAPI ({@code napi_tx}, module parameter): 4.12. */
    NAPI_TX("4.12");

    private final KernelVersion since;

    VirtioNetHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
