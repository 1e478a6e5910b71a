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
    /**
     * {@code queues/rx-N/virtio_net/mergeable_rx_buffer_size} ("virtio-net: initial rx sysfs
     * support, export mergeable rx buffer size", Michael Dalton): 3.14 (release recalled, unverified).
     */
    MRG_RX_SYSFS("3.14"),
    /**
     * "virtio_net: add ethtool support for set and get of settings" (Nikolay Aleksandrov):
     * {@code virtnet_get_settings}, later {@code virtnet_get_link_ksettings}, reporting the speed
     * and duplex an administrator set (unknown until then) on an "Other" port; before it,
     * {@code ethtool eth0} showed only the link: 4.6 (release recalled, unverified).
     */
    LINK_SETTINGS("4.6"),
    /** TX NAPI ({@code napi_tx}, module parameter): 4.12. */
    NAPI_TX("4.12"),
    /**
     * "virtio-net: Map NAPIs to queues" (Joe Damato): {@code virtnet_napi_enable} calls
     * {@code netif_queue_set_napi}, so netlink {@code queue-get} reports each RX queue's
     * {@code napi-id} (the live 6.18 guest of kernel-interfaces.md §6.4 shows it). The v6 series
     * was posted to net-next on 2025-03-07 and merged as e7231f49d526 (merge branch
     * 'virtio-net-link-queues-to-napis'), so 6.15, inferred from the date; that a first version in
     * 6.14 was reverted is recalled, unverified.
     */
    QUEUE_NAPI_MAP("6.15"),
    /**
     * "virtio_net: Use persistent NAPI config" (Joe Damato, the last patch of the "Map NAPIs to
     * queues" series, net-next v2 of 2025-01-16): {@code virtnet_alloc_queues} adds each RX NAPI
     * with {@code netif_napi_add_config(vi->dev, &vi->rq[i].napi, virtnet_poll, i)} and sets
     * {@code napi.weight = napi_weight} after. Release taken to be the series' (6.15), unverified.
     */
    NAPI_CONFIG("6.15"),
    /**
     * "virtio-net: Added RSS support" (Andrew Melnychenko): {@code get_rxnfc}
     * ({@code ETHTOOL_GRXRINGS} = queue pairs in use), {@code get_rxfh_indir_size},
     * {@code get_rxfh_key_size}, {@code get_rxfh}, {@code set_rxfh}; before, {@code ethtool -x}
     * stops at "Cannot get RX ring count": 5.17 (release recalled, unverified).
     */
    RSS_OPS("5.17"),
    /**
     * "virtio-net: support queue stat" (Xuan Zhuo, d888f04c09bb, merged with "virtio-net: support
     * device stats" from net-next v6 of 2024-04-23): {@code dev->stat_ops = &virtnet_stat_ops}
     * ({@link VirtnetQstats}): 6.10 (inferred from the merge date).
     */
    QUEUE_STATS("6.10"),
    /**
     * "virtio-net: fix total qstat values" (Jakub Kicinski, upstream 001160ec8c59, May 2025, in
     * 6.14 stable): {@code virtnet_get_base_stats} adds the queues beyond the ones in use
     * ({@code netdev_stat_queue_sum}): 6.15 (title recalled; the release inferred from the date).
     */
    QSTATS_DISABLED_QUEUES("6.15"),
    /**
     * "virtio_net: Stripe queue affinities across cores." (Caleb Raitto, 2ca653d607ce): the online
     * CPUs are dealt out to the queue pairs in use, whatever their numbers. Before it
     * {@code virtnet_set_affinity} gave each pair one CPU only when {@code max_queue_pairs} equalled
     * the online CPUs and more than one pair was in use, and otherwise cleared the hints
     * ({@code virtnet_clean_affinity}): 4.19 (release recalled).
     */
    STRIPED_AFFINITY("4.19");

    private final KernelVersion since;

    VirtioNetHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
