package io.netmodel.api.netdev;

/**
 * {@code struct netdev_queue_stats_tx} ({@code include/net/netdev_queues.h}), as
 * {@link QueueStatsRx}: every field {@link QueueStatsRx#NOT_SET} until the driver writes it;
 * {@link #values()} in the order {@code netdev_nl_stats_write_tx} puts them on the wire.
 *
 * @since 1.6
 */
public final class QueueStatsTx {
    /** The {@code qstats} attribute of each of {@link #values()}, in wire order. */
    public static final java.util.List<String> ATTRS = java.util.List.of("tx-packets", "tx-bytes", "tx-hw-drops",
        "tx-hw-drop-errors", "tx-csum-none", "tx-needs-csum", "tx-hw-gso-packets", "tx-hw-gso-bytes",
        "tx-hw-gso-wire-packets", "tx-hw-gso-wire-bytes", "tx-hw-drop-ratelimits", "tx-stop", "tx-wake");

    public long packets = QueueStatsRx.NOT_SET;
    public long bytes = QueueStatsRx.NOT_SET;
    public long hwDrops = QueueStatsRx.NOT_SET;
    public long hwDropErrors = QueueStatsRx.NOT_SET;
    public long csumNone = QueueStatsRx.NOT_SET;
    public long needsCsum = QueueStatsRx.NOT_SET;
    public long hwGsoPackets = QueueStatsRx.NOT_SET;
    public long hwGsoBytes = QueueStatsRx.NOT_SET;
    public long hwGsoWirePackets = QueueStatsRx.NOT_SET;
    public long hwGsoWireBytes = QueueStatsRx.NOT_SET;
    public long hwDropRatelimits = QueueStatsRx.NOT_SET;
    public long stop = QueueStatsRx.NOT_SET;
    public long wake = QueueStatsRx.NOT_SET;

    /** The fields in wire order ({@link #ATTRS}). */
    public long[] values() {
        return new long[] {packets, bytes, hwDrops, hwDropErrors, csumNone, needsCsum, hwGsoPackets, hwGsoBytes,
            hwGsoWirePackets, hwGsoWireBytes, hwDropRatelimits, stop, wake};
    }

    /** Whether any field was written ({@code memchr_inv(&tx, 0xff, sizeof(tx))}). */
    public boolean anySet() {
        for (long v : values()) {
            if (v != QueueStatsRx.NOT_SET) {
                return true;
            }
        }
        return false;
    }

    /** {@code netdev_nl_stats_add}: adds each field of {@code add} where both are set. */
    public void add(QueueStatsTx add) {
        packets = QueueStatsRx.sum(packets, add.packets);
        bytes = QueueStatsRx.sum(bytes, add.bytes);
        hwDrops = QueueStatsRx.sum(hwDrops, add.hwDrops);
        hwDropErrors = QueueStatsRx.sum(hwDropErrors, add.hwDropErrors);
        csumNone = QueueStatsRx.sum(csumNone, add.csumNone);
        needsCsum = QueueStatsRx.sum(needsCsum, add.needsCsum);
        hwGsoPackets = QueueStatsRx.sum(hwGsoPackets, add.hwGsoPackets);
        hwGsoBytes = QueueStatsRx.sum(hwGsoBytes, add.hwGsoBytes);
        hwGsoWirePackets = QueueStatsRx.sum(hwGsoWirePackets, add.hwGsoWirePackets);
        hwGsoWireBytes = QueueStatsRx.sum(hwGsoWireBytes, add.hwGsoWireBytes);
        hwDropRatelimits = QueueStatsRx.sum(hwDropRatelimits, add.hwDropRatelimits);
        stop = QueueStatsRx.sum(stop, add.stop);
        wake = QueueStatsRx.sum(wake, add.wake);
    }
}
