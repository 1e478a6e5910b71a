package io.netmodel.drivers.ixgbe;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/** Changes in ixgbe that the model follows (kernel-algorithms.md §3.3, table (b)). */
enum IxgbeHistory implements Change {
    /**
     * Low-latency socket polling, the first driver to have it (Eliezer Tamir, merge 'll_poll'
     * 0a4db187a999): {@code ndo_busy_poll} = {@code ixgbe_low_latency_recv} (renamed
     * {@code ixgbe_busy_poll_recv} in 3.13, b4640030ec98), with an explicit
     * {@code napi_hash_add(&q_vector->napi)} after {@code netif_napi_add} in
     * {@code ixgbe_alloc_q_vector}. The explicit call went with the generic busy polling of 4.5
     * ({@code Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD}); the hook stayed until
     * {@link #BUSY_POLL_REMOVED}: 3.11.
     */
    LOW_LATENCY_RECV("3.11"),
    /** "ixgbe: remove ndo_busy_poll" (3ffc1af57655, 2017-02-02), ahead of the core removal: 4.11. */
    BUSY_POLL_REMOVED("4.11"),
    /**
     * XDP transmit rings and the "XDP Queue count" in the probe's "Multiqueue" line (John
     * Fastabend, 2017; release inferred, unverified): 4.13.
     */
    XDP_QUEUE_COUNT("4.13"),
    /**
     * "intel: make module parameters readable in sys filesystem" (Jon Maxwell; v2 of Tony Nguyen's
     * net-next pull posted 2024-03-01, applied as aa9870f5c7ef): {@code allow_unsupported_sfp} (not {@code max_vfs}) becomes 0444, so it shows
     * under {@code /sys/module/ixgbe/parameters/}; {@code debug} stays hidden. Release inferred from the
     * date (the 6.9 merge window).
     */
    PARAMS_READABLE("6.9"),
    /**
     * "net/intel: remove driver versions from Intel drivers" (Jeff Kirsher, net-next v2
     * 2020-06-23, which removes {@code #define DRV_VERSION "5.1.0-k"}): {@code ixgbe_get_drvinfo}
     * no longer fills {@code drvinfo->version}, so {@code ethtool -i} shows the kernel release.
     * Release inferred from the posting date (the 5.9 merge window).
     */
    DRIVER_VERSION_REMOVED("5.9"),
    /**
     * "ixgbe: Use irq_update_affinity_hint()" (Nitesh Narayan Lal's series that split
     * {@code irq_set_affinity_hint}, merged for 5.17): each queue vector's hint no longer sets its
     * affinity; before, {@code irq_set_affinity_hint} did both: 5.17.
     */
    AFFINITY_HINT_ONLY("5.17");

    private final KernelVersion since;

    IxgbeHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
