package io.netmodel.net;

import static io.netmodel.net.NetSysfs.requireNetAdmin;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.Kstrtox;
import java.util.BitSet;
import java.util.List;

/**
 * {@code /sys/class/net/<dev>/queues/}: the rx and tx queue attribute tables of
 * {@code net/core/net-sysfs.c} ({@code rx_queue_default_attrs}, {@code netdev_queue_default_attrs})
 * with their check orders, kernel-interfaces.md §2.6. CPU masks are {@code nr_cpu_ids} wide (the
 * host's CPU count; every CPU is online and none is isolated, so {@code cpu_online_mask} and the
 * housekeeping masks take nothing away). {@code byte_queue_limits/} is {@link BqlSysfs}.
 */
public final class QueueSysfs {
    private final KernelProfile profile;
    private final int nrCpuIds;
    private final List<Attr<RxQueue>> rxTable;
    private final List<Attr<TxQueue>> txTable;
    private final BqlSysfs bql;
    /** {@code net.core.rps_default_mask} now (6.3+; empty until set). */
    private java.util.function.Supplier<BitSet> rpsDefaultMask = BitSet::new;

    public QueueSysfs(KernelProfile profile, int nrCpuIds) {
        this.profile = profile;
        this.nrCpuIds = nrCpuIds;
        this.rxTable = List.of(
            Attr.rw("rps_cpus", q -> Bitmap.print(q.rpsCpus, nrCpuIds) + "\n", this::storeRpsMap),
            Attr.rw("rps_flow_cnt", q -> Long.toUnsignedString(q.rpsFlowCnt) + "\n",
                QueueSysfs::storeRpsDevFlowTableCnt));
        this.txTable = List.of(
            Attr.ro("tx_timeout", this::showTxTimeout),
            Attr.ro("traffic_class", this::showTrafficClass).since(Behaviour.TRAFFIC_CLASS),
            Attr.rw("xps_cpus", this::showXpsCpus, this::storeXpsCpus),
            Attr.rw("xps_rxqs", this::showXpsRxqs, this::storeXpsRxqs).since(Behaviour.XPS_RXQS),
            Attr.rw("tx_maxrate", q -> Long.toUnsignedString(q.txMaxrate) + "\n", this::storeTxMaxrate)
                .since(Behaviour.TX_MAXRATE));
        this.bql = new BqlSysfs(profile);
    }

    /**
     * {@code register_queue_kobjects}: {@code queues/} (a kset, 0755), {@code rx-N} for each rx
     * queue in use ({@code real_num_rx_queues}), then {@code tx-N} for each tx queue in use with
     * its {@code byte_queue_limits/} group.
     */
    public void populate(KDir devDir, NetDeviceImpl dev) {
        KDir queues = devDir.dir("queues");
        for (RxQueue q : dev.rx.subList(0, dev.realNumRx)) {
            populateRx(queues.dir("rx-" + q.index()), dev, q);
        }
        for (TxQueue q : dev.tx.subList(0, dev.realNumTx)) {
            KDir dir = queues.dir("tx-" + q.index());
            Attr.populate(dir, q, txTable, profile, KAttr.Flavor.SYSFS);
            if (bql.exists(dev)) {
                bql.populate(dir, q.dql());
            }
        }
    }

    /** Where {@code rps_default_mask} is read when an rx queue's kobject is added. */
    public void setRpsDefaultMask(java.util.function.Supplier<BitSet> source) {
        this.rpsDefaultMask = source;
    }

    /**
     * {@code rx_queue_add_kobject}: the default attributes, then the driver's
     * {@code sysfs_rx_queue_group} if it has one (virtio_net's {@code virtio_net/}); from 6.3
     * {@code rx_queue_default_mask} gives the queue {@code rps_default_mask} as its RPS map when
     * that is not empty ({@code netdev_rx_queue_set_rps_mask}: its online CPUs).
     */
    private void populateRx(KDir dir, NetDeviceImpl dev, RxQueue q) {
        if (profile.has(Behaviour.RPS_DEFAULT_MASK)) {
            BitSet mask = rpsDefaultMask.get();
            mask.clear(nrCpuIds, Math.max(nrCpuIds, mask.length()));
            if (!mask.isEmpty()) {
                q.rpsCpus = mask;
            }
        }
        Attr.populate(dir, q, rxTable, profile, KAttr.Flavor.SYSFS);
        if (dev.rxQueueGroup != null) {
            KDir group = dir.dir(dev.rxQueueGroup);
            int index = q.index();
            dev.rxQueueGroupFiles.forEach((name, show) -> group.attr(name, 0444, KAttr.Flavor.SYSFS, () -> show.apply(index), null));
        }
    }

    /**
     * {@code net_rx_queue_update_kobjects} and {@code netdev_queue_update_kobjects} after
     * {@code netif_set_real_num_{rx,tx}_queues} on a registered device: {@code rx-N}/{@code tx-N}
     * beyond the new counts go, missing ones are added. An rx queue's kobject release
     * ({@code rx_queue_release}) frees its RPS map and flow table, so a queue that comes back
     * starts without them (or with {@code rps_default_mask}); the rest of the queues' state is kept.
     */
    public void update(KDir devDir, NetDeviceImpl dev) {
        KDir queues = devDir.dir("queues");
        for (RxQueue q : dev.rx) {
            String name = "rx-" + q.index();
            boolean present = queues.child(name) != null;
            if (q.index() < dev.realNumRx && !present) {
                populateRx(queues.dir(name), dev, q);
            } else if (q.index() >= dev.realNumRx && present) {
                queues.remove(name);
                q.rpsCpus = new BitSet();
                q.rpsFlowCnt = 0;
                q.rpsFlowTableStores++;
            }
        }
        for (TxQueue q : dev.tx) {
            String name = "tx-" + q.index();
            boolean present = queues.child(name) != null;
            if (q.index() < dev.realNumTx && !present) {
                KDir dir = queues.dir(name);
                Attr.populate(dir, q, txTable, profile, KAttr.Flavor.SYSFS);
                if (bql.exists(dev)) {
                    bql.populate(dir, q.dql());
                }
            } else if (q.index() >= dev.realNumTx && present) {
                queues.remove(name);
            }
        }
    }

    /**
     * {@code store_rps_map}: {@code capable(CAP_NET_ADMIN)} (EPERM), {@code bitmap_parse} over
     * {@code nr_cpu_ids} (EINVAL, EOVERFLOW), then the map keeps the online CPUs of the mask. An
     * empty mask ({@code echo > rps_cpus}) frees the map: RPS off.
     */
    private int storeRpsMap(RxQueue q, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        BitSet mask = Bitmap.parse(data, nrCpuIds);
        // rps_cpumask_housekeeping and cpu_online_mask: no isolated or offline CPU in the model
        q.rpsCpus = mask;
        return data.length;
    }

    /**
     * {@code store_rps_dev_flow_table_cnt}: capability, {@code kstrtoul} base 0, then the count
     * rounded up to a power of two; a table whose mask does not fit {@code u32} is EINVAL; 0 frees
     * the table.
     */
    private static int storeRpsDevFlowTableCnt(RxQueue q, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        long count = Kstrtox.kstrtoul(data);
        long size = 0;
        if (count != 0) {
            long mask = count - 1;
            while ((mask | (mask >>> 1)) != mask) { // roundup_pow_of_two(count) - 1 without overflow
                mask |= mask >>> 1;
            }
            if (Long.compareUnsigned(mask, 0xFFFF_FFFFL) > 0) {
                throw new VfsException(Errno.EINVAL);
            }
            size = mask + 1;
        }
        q.rpsFlowCnt = size;
        q.rpsFlowTableStores++;
        return data.length;
    }

    /** {@code tx_timeout_show}: {@code %lu\n} (5.8+; before, no newline). */
    private String showTxTimeout(TxQueue q) {
        String value = Long.toUnsignedString(q.transTimeout);
        return profile.has(Behaviour.TX_TIMEOUT_NEWLINE) ? value + "\n" : value;
    }

    /**
     * {@code traffic_class_show}: ENOENT unless multiqueue, then RTNL, then the queue's traffic
     * class ({@code netdev_txq_to_tc}: 0 while no mqprio set {@code num_tc}).
     */
    private String showTrafficClass(TxQueue q) throws VfsException {
        requireMultiqueue(q.dev());
        sysfsRtnlLock(q.dev());
        return "0\n";
    }

    /** {@code xps_cpus_show}: ENOENT unless multiqueue, RTNL, the CPUs mapped to this queue. */
    private String showXpsCpus(TxQueue q) throws VfsException {
        requireMultiqueue(q.dev());
        sysfsRtnlLock(q.dev());
        return Bitmap.print(q.xpsCpus, nrCpuIds) + "\n";
    }

    /**
     * {@code xps_cpus_store}: ENOENT unless multiqueue (before the capability), EPERM,
     * {@code bitmap_parse} over {@code nr_cpu_ids}, RTNL, {@code netif_set_xps_queue} (online CPUs).
     */
    private int storeXpsCpus(TxQueue q, byte[] data, Caller caller) throws VfsException {
        requireMultiqueue(q.dev());
        requireNetAdmin(caller);
        BitSet mask = Bitmap.parse(data, nrCpuIds);
        sysfsRtnlLock(q.dev());
        q.xpsCpus = mask;
        return data.length;
    }

    /** {@code xps_rxqs_show}: RTNL, then the rx queues mapped to this queue over {@code num_rx_queues}. */
    private String showXpsRxqs(TxQueue q) throws VfsException {
        sysfsRtnlLock(q.dev());
        return Bitmap.print(q.xpsRxqs, q.dev().numRx) + "\n";
    }

    /**
     * {@code xps_rxqs_store}: {@code ns_capable(CAP_NET_ADMIN)} (EPERM), {@code bitmap_parse} over
     * {@code num_rx_queues}, RTNL, {@code __netif_set_xps_queue(XPS_RXQS)}. No multiqueue check.
     */
    private int storeXpsRxqs(TxQueue q, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        BitSet mask = Bitmap.parse(data, q.dev().numRx);
        sysfsRtnlLock(q.dev());
        q.xpsRxqs = mask;
        return data.length;
    }

    /**
     * {@code tx_maxrate_store}: EPERM, then EOPNOTSUPP without {@code ndo_set_tx_maxrate} (before
     * parsing), {@code kstrtou32} base 10 (EINVAL, ERANGE), RTNL, the driver's setter.
     */
    private int storeTxMaxrate(TxQueue q, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        if (!q.dev().ndoSetTxMaxrate) {
            throw new VfsException(Errno.EOPNOTSUPP);
        }
        long rate = Kstrtox.kstrtou32(data);
        sysfsRtnlLock(q.dev());
        q.txMaxrate = rate;
        return data.length;
    }

    private static void requireMultiqueue(NetDeviceImpl dev) throws VfsException {
        if (!dev.isMultiqueue()) {
            throw new VfsException(Errno.ENOENT);
        }
    }

    /**
     * {@code sysfs_rtnl_lock} (6.15+): a device being unregistered gives ENODEV. Before 6.15 the
     * queue attributes used {@code rtnl_trylock} + {@code restart_syscall}: no error reaches the
     * caller and the operation goes on.
     */
    private void sysfsRtnlLock(NetDeviceImpl dev) throws VfsException {
        if (!dev.alive && profile.has(Behaviour.SYSFS_RTNL_LOCK)) {
            throw new VfsException(Errno.ENODEV);
        }
    }
}
