package io.netmodel.netlink;

import io.netmodel.api.netdev.NetdevStatOps;
import io.netmodel.api.netdev.QueueStatsRx;
import io.netmodel.api.netdev.QueueStatsTx;
import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetdevRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code qstats-get}: {@code netdev_nl_qstats_get_dumpit} and its helpers in
 * {@code net/core/netdev-genl.c} (read from a 6.19-era tree; the 6.9 and 6.10 versions from the
 * patches that changed them). Devices without {@code stat_ops} are skipped; an {@code ifindex}
 * names one device (ENODEV, or EOPNOTSUPP without {@code stat_ops}, pointing at the attribute).
 * Scope 0 gives one message per device: the driver's base stats plus the sum of its active
 * queues; scope {@code queue} one message per queue of a device that is up. A counter the
 * driver leaves at {@link QueueStatsRx#NOT_SET} is not put. Model-thread only.
 */
final class NetdevQstats {
    /** {@code NETDEV_QSTATS_SCOPE_QUEUE}. */
    static final long SCOPE_QUEUE = 1;
    /** {@code NETDEV_QUEUE_TYPE_RX}, {@code _TX}. */
    static final long QUEUE_TYPE_RX = 0;
    static final long QUEUE_TYPE_TX = 1;

    private final NetdevRegistry netdevs;

    NetdevQstats(NetdevRegistry netdevs) {
        this.netdevs = netdevs;
    }

    /** {@code netdev_nl_qstats_get_dumpit} on attributes its policy let through. */
    List<Map<String, Object>> dumpit(Map<String, Long> attrs) throws NetlinkException {
        long scope = attrs.getOrDefault("scope", 0L);
        long ifindex = attrs.getOrDefault("ifindex", 0L);
        List<Map<String, Object>> out = new ArrayList<>();
        if (ifindex != 0) {
            NetDeviceImpl d = netdevs.byIfindex((int) ifindex);
            if (d == null) {
                throw new NetlinkException(Errno.ENODEV, new Extack(null, "ifindex", null, null));
            }
            if (d.statOps() == null) {
                throw new NetlinkException(Errno.EOPNOTSUPP, new Extack(null, "ifindex", null, null));
            }
            dumpOne(d, scope, out);
            return out;
        }
        for (NetDeviceImpl d : netdevs.devices()) {
            dumpOne(d, scope, out);
        }
        return out;
    }

    /** {@code netdev_nl_qstats_get_dump_one}: nothing for a device without {@code stat_ops}. */
    private static void dumpOne(NetDeviceImpl d, long scope, List<Map<String, Object>> out) {
        if (d.statOps() == null) {
            return;
        }
        if (scope == SCOPE_QUEUE) {
            byQueue(d, out);
        } else {
            byNetdev(d, out);
        }
    }

    /**
     * {@code netdev_nl_stats_by_netdev}: nothing without {@code get_base_stats} ("Netdev can't
     * guarantee any complete counters") or when it reported nothing; else the base plus every
     * active queue ({@code netdev_stat_queue_sum} over the real queue counts).
     */
    private static void byNetdev(NetDeviceImpl d, List<Map<String, Object>> out) {
        NetdevStatOps ops = d.statOps();
        if (ops.getBaseStats() == null) {
            return;
        }
        QueueStatsRx rxSum = new QueueStatsRx();
        QueueStatsTx txSum = new QueueStatsTx();
        ops.getBaseStats().get(d, rxSum, txSum);
        if (!rxSum.anySet() && !txSum.anySet()) {
            return;
        }
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("ifindex", (long) d.ifindex());
        statQueueSum(d, 0, d.realNumRxQueues(), rxSum, 0, d.realNumTxQueues(), txSum);
        write(msg, QueueStatsRx.ATTRS, rxSum.values());
        write(msg, QueueStatsTx.ATTRS, txSum.values());
        out.add(msg);
    }

    /**
     * {@code netdev_stat_queue_sum}: adds queues {@code [rxStart, rxEnd)} and
     * {@code [txStart, txEnd)} to the sums, each as its op reports it (all unset without the op).
     */
    static void statQueueSum(NetDeviceImpl d, int rxStart, int rxEnd, QueueStatsRx rxSum,
                             int txStart, int txEnd, QueueStatsTx txSum) {
        NetdevStatOps ops = d.statOps();
        for (int i = rxStart; i < rxEnd; i++) {
            QueueStatsRx rx = new QueueStatsRx();
            if (ops.getQueueStatsRx() != null) {
                ops.getQueueStatsRx().get(d, i, rx);
            }
            rxSum.add(rx);
        }
        for (int i = txStart; i < txEnd; i++) {
            QueueStatsTx tx = new QueueStatsTx();
            if (ops.getQueueStatsTx() != null) {
                ops.getQueueStatsTx().get(d, i, tx);
            }
            txSum.add(tx);
        }
    }

    /**
     * {@code netdev_nl_stats_by_queue}: nothing while the device is down ({@code IFF_UP});
     * the RX queues, then the TX queues, each only if the driver has the op.
     */
    private static void byQueue(NetDeviceImpl d, List<Map<String, Object>> out) {
        if (!d.isUp()) {
            return;
        }
        NetdevStatOps ops = d.statOps();
        for (int i = 0; ops.getQueueStatsRx() != null && i < d.realNumRxQueues(); i++) {
            QueueStatsRx rx = new QueueStatsRx();
            ops.getQueueStatsRx().get(d, i, rx);
            if (rx.anySet()) {
                Map<String, Object> msg = queueHeader(d, QUEUE_TYPE_RX, i);
                write(msg, QueueStatsRx.ATTRS, rx.values());
                out.add(msg);
            }
        }
        for (int i = 0; ops.getQueueStatsTx() != null && i < d.realNumTxQueues(); i++) {
            QueueStatsTx tx = new QueueStatsTx();
            ops.getQueueStatsTx().get(d, i, tx);
            if (tx.anySet()) {
                Map<String, Object> msg = queueHeader(d, QUEUE_TYPE_TX, i);
                write(msg, QueueStatsTx.ATTRS, tx.values());
                out.add(msg);
            }
        }
    }

    /** {@code netdev_nl_stats_queue}'s header: ifindex, queue-type, queue-id. */
    private static Map<String, Object> queueHeader(NetDeviceImpl d, long type, int i) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("ifindex", (long) d.ifindex());
        msg.put("queue-type", type);
        msg.put("queue-id", (long) i);
        return msg;
    }

    /** {@code netdev_nl_stats_write_rx/tx} with {@code netdev_stat_put}: set counters only. */
    private static void write(Map<String, Object> msg, List<String> names, long[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != QueueStatsRx.NOT_SET) {
                msg.put(names.get(i), values[i]);
            }
        }
    }
}
