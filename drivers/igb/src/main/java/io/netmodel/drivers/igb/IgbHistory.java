package io.netmodel.drivers.igb;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/**
 * Changes in igb that the model follows ({@code drivers/net/ethernet/intel/igb/}). Its busy-poll
 * story is the core's (no NAPI id before 4.5, one from {@code netif_napi_add} after); these are
 * its version string, its parameters and its persistent NAPI config.
 */
enum IgbHistory implements Change {
    /**
     * "intel: make module parameters readable in sys filesystem" (Jon Maxwell; v2 of Tony Nguyen's
     * net-next pull posted 2024-03-01, applied as aa9870f5c7ef): {@code max_vfs} becomes 0444, so it shows
     * under {@code /sys/module/igb/parameters/}; {@code debug} stays hidden. Release inferred from the
     * date (the 6.9 merge window).
     */
    PARAMS_READABLE("6.9"),
    /**
     * "net/intel: remove driver versions from Intel drivers" (Jeff Kirsher, net-next v2
     * 2020-06-23): {@code igb_get_drvinfo} no longer fills {@code drvinfo->version} and
     * {@code MODULE_VERSION} is gone, so {@code ethtool -i} shows the kernel release (the core's
     * {@code UTS_RELEASE} default). Release inferred from the posting date (the 5.9 merge window).
     */
    DRIVER_VERSION_REMOVED("5.9"),
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
