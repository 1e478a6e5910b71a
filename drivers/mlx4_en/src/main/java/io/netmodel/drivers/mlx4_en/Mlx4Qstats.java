package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetdevStatOps;
import io.netmodel.api.netdev.QueueStatsRx;
import io.netmodel.api.netdev.QueueStatsTx;

/**
 * mlx4_en's {@code netdev_stat_ops} ({@link Mlx4History#QUEUE_STATS}; {@code mlx4_stat_ops} in
 * {@code drivers/net/ethernet/mellanox/mlx4/en_netdev.c}, read from Joe Damato's v6 patch). Every op
 * reports nothing while the port is down ({@code !priv->port_up}; the model's port is up while the
 * netdev runs, as {@link Mlx4Port} has it).
 *
 * <p>Of what the driver reports, the model keeps: each RX ring's {@code packets} and
 * {@code bytes} ({@link NetDevice#rxQueuePackets}, {@link NetDevice#rxQueueBytes}). Left out
 * because nothing in the model counts them: RX {@code alloc_fail} (the model's rings never fail an
 * allocation) and {@code get_queue_stats_tx}'s {@code packets}/{@code bytes} (the live model has no
 * TX path), so the TX op is absent here, which a dump shows the same way as a TX op that reports
 * nothing: no TX queue messages. The base stats are 0 for the counters kept, as
 * {@code mlx4_get_base_stats} sets them with any RX ring.
 */
final class Mlx4Qstats {
    private Mlx4Qstats() {
    }

    static NetdevStatOps ops() {
        return new NetdevStatOps(Mlx4Qstats::queueStatsRx, null, Mlx4Qstats::baseStats);
    }

    /** {@code mlx4_get_queue_stats_rx}. */
    static void queueStatsRx(NetDevice dev, int i, QueueStatsRx stats) {
        if (!dev.netifRunning()) {
            return;
        }
        stats.packets = dev.rxQueuePackets(i);
        stats.bytes = dev.rxQueueBytes(i);
    }

    /** {@code mlx4_get_base_stats}: 0 with at least one RX ring ({@code priv->rx_ring_num}). */
    static void baseStats(NetDevice dev, QueueStatsRx rx, QueueStatsTx tx) {
        if (!dev.netifRunning()) {
            return;
        }
        if (dev.realNumRxQueues() > 0) {
            rx.packets = 0;
            rx.bytes = 0;
        }
    }
}
