package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code struct netdev_stat_ops} ({@code include/net/netdev_queues.h}): the per-queue and base
 * statistics a driver reports through netlink {@code qstats-get}. Each op may be null, as in the
 * kernel: without {@code getQueueStatsRx} no RX queue is listed, without {@code getBaseStats} the
 * device-wide sum is not reported ("Netdev can't guarantee any complete counters",
 * {@code netdev_nl_stats_by_netdev}). A driver installs it with {@link NetDevice#setStatOps}.
 *
 * @param getQueueStatsRx {@code get_queue_stats_rx}, or null
 * @param getQueueStatsTx {@code get_queue_stats_tx}, or null
 * @param getBaseStats {@code get_base_stats}, or null
 * @since 1.6
 */
public record NetdevStatOps(RxQueueStats getQueueStatsRx, TxQueueStats getQueueStatsTx, BaseStats getBaseStats) {
    /** {@code get_queue_stats_rx(dev, i, stats)}: what RX queue {@code i} counts; leave the rest unset. */
    @ConsumerType
    @FunctionalInterface
    public interface RxQueueStats {
        void get(NetDevice dev, int i, QueueStatsRx stats);
    }

    /** {@code get_queue_stats_tx(dev, i, stats)}. */
    @ConsumerType
    @FunctionalInterface
    public interface TxQueueStats {
        void get(NetDevice dev, int i, QueueStatsTx stats);
    }

    /**
     * {@code get_base_stats(dev, rx, tx)}: what the device counted outside its active queues
     * (queues gone since, or since the last reset); the core adds the active queues to it.
     * A field set to 0 here is reported for the device even when no queue reports it.
     */
    @ConsumerType
    @FunctionalInterface
    public interface BaseStats {
        void get(NetDevice dev, QueueStatsRx rx, QueueStatsTx tx);
    }
}
