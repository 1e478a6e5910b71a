package io.netmodel.drivers.virtio_net;

import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetdevStatOps;
import io.netmodel.api.netdev.QueueStatsRx;
import io.netmodel.api.netdev.QueueStatsTx;

/**
 * virtio_net's {@code netdev_stat_ops} ({@link VirtioNetHistory#QUEUE_STATS}; {@code virtnet_stat_ops}
 * in {@code drivers/net/virtio_net.c}, read from Xuan Zhuo's "virtio-net: support queue stat" and
 * the later fixes). Without {@code VIRTIO_NET_F_DEVICE_STATS} (the model's device, like QEMU's
 * default, does not offer it) only the driver's own counters are reported: per RX queue
 * {@code rq->stats.packets}/{@code bytes} ({@code virtnet_rq_stats_desc_qstat}), which the model
 * keeps ({@link NetDevice#rxQueuePackets}, {@link NetDevice#rxQueueBytes}). The counters live as long
 * as the device (virtio's queues are allocated for {@code max_queue_pairs}), so a queue that
 * {@code ethtool -L} disables keeps its count, and from
 * {@link VirtioNetHistory#QSTATS_DISABLED_QUEUES} the base stats add those queues.
 *
 * <p>Left out because the live model has no TX path: TX {@code packets}, {@code bytes} (and
 * {@code stop}/{@code wake}, Daniel Jurgens' patch of May 2024: 6.10 or 6.11, unverified), so the TX op is absent here (a dump shows no TX queue
 * messages either way) and the base stats set only RX {@code packets} and {@code bytes} to 0.
 */
final class VirtnetQstats {
    private VirtnetQstats() {
    }

    static NetdevStatOps ops(int maxQueuePairs, boolean addDisabledQueues) {
        return new NetdevStatOps(VirtnetQstats::queueStatsRx, null,
            (dev, rx, tx) -> baseStats(dev, rx, tx, maxQueuePairs, addDisabledQueues));
    }

    /** {@code virtnet_get_queue_stats_rx} without device stats: the driver's ring counters. */
    static void queueStatsRx(NetDevice dev, int i, QueueStatsRx stats) {
        stats.packets = dev.rxQueuePackets(i);
        stats.bytes = dev.rxQueueBytes(i);
    }

    /**
     * {@code virtnet_get_base_stats}: "The queue stats of the virtio-net will not be reset. So here
     * we return 0."; then (6.15, upstream 001160ec8c59) {@code netdev_stat_queue_sum} over the
     * queues from {@code real_num_rx_queues} to {@code max_queue_pairs}.
     */
    static void baseStats(NetDevice dev, QueueStatsRx rx, QueueStatsTx tx, int maxQueuePairs, boolean addDisabledQueues) {
        rx.bytes = 0;
        rx.packets = 0;
        if (addDisabledQueues) {
            for (int i = dev.realNumRxQueues(); i < maxQueuePairs; i++) {
                QueueStatsRx q = new QueueStatsRx();
                queueStatsRx(dev, i, q);
                rx.add(q);
            }
        }
    }
}
