package io.netmodel.drivers.igb;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/** Changes in igb that the model follows ({@code drivers/net/ethernet/intel/igb/}). */
enum IgbHistory implements Change {
    /**
     * "igb: Add support for persistent NAPI config" (Kurt Kanzenbach, iwl-next v3 of 2025-03-19,
     * reviewed by Joe Damato): {@code igb_alloc_q_vector} calls {@code netif_napi_add_config(
     * adapter->netdev, &q_vector->napi, igb_poll, v_idx)}, so {@code igb_reinit_queues} keeps the
     * q_vectors' NAPI ids and per-NAPI settings. Release inferred from the posting date through
     * iwl-next (6.16), unverified.
     */
    NAPI_CONFIG("6.16");

    private final KernelVersion since;

    IgbHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
