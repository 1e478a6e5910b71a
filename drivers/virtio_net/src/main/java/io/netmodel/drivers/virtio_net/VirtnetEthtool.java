package io.netmodel.drivers.virtio_net;

import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.Drvinfo;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.LinkKsettings;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code virtnet_ethtool_ops} ({@code drivers/net/virtio_net.c}) for a device without
 * {@code VIRTIO_NET_F_NOTF_COAL}/{@code VQ_NOTF_COAL} (what QEMU's default virtio-net-pci offers):
 * drvinfo, rings ({@code virtnet_set_ringparam}: resize by virtqueue reset), channels
 * ({@code virtnet_set_channels}: combined only), coalescing limited to the NAPI-TX switch
 * ({@code tx-frames} 0/1, only while down), software timestamps
 * ({@code .get_ts_info = ethtool_op_get_ts_info}: a 6.18 host shows software-transmit), and the
 * per-queue {@code -S} counters of 6.10+ (totals, then each RX queue, then each TX queue; names
 * checked against a 6.18 host, the queue order against {@code virtnet_get_strings}).
 * The counters count what the model's virtio_net did; no packet flows through it yet, so they
 * stay 0.
 */
final class VirtnetEthtool implements EthtoolOps {
    /** {@code VIRTNET_DRIVER_VERSION}. */
    static final String DRIVER_VERSION = "1.0.0";
    /** QEMU's default virtqueue size: {@code vq->num_max} and the size in use (checked on a host). */
    static final int VQ_NUM_MAX = 256;

    static final List<String> RX_STATS = List.of("drops", "xdp_packets", "xdp_tx", "xdp_redirects", "xdp_drops", "kicks");
    static final List<String> TX_STATS = List.of("xdp_tx", "xdp_tx_drops", "kicks", "tx_timeouts");

    private final NetDevice dev;
    private final String busInfo;
    private final int maxQueuePairs;
    private int currQueuePairs;
    private VirtnetAffinity affinity;
    private int rxVqSize = VQ_NUM_MAX;
    private int txVqSize = VQ_NUM_MAX;
    /** {@code sq[0].napi.weight != 0}: TX NAPI ({@code napi_tx}, on by default since 4.x). */
    private boolean napiTx = true;
    private final long[][] rxCounters;
    private final long[][] txCounters;

    /** The driver has the RSS ethtool ops ({@link VirtioNetHistory#RSS_OPS}). */
    private final boolean rssOps;
    /** The driver has {@code get_link_ksettings} ({@link VirtioNetHistory#LINK_SETTINGS}). */
    private boolean linkSettings;
    /** {@code vi->speed}, {@code vi->duplex}: {@code virtnet_init_settings} makes them unknown. */
    private int speed = LinkKsettings.SPEED_UNKNOWN;
    private int duplex = LinkKsettings.DUPLEX_UNKNOWN;

    VirtnetEthtool(NetDevice dev, String busInfo, int maxQueuePairs, int currQueuePairs, boolean rssOps) {
        this.rssOps = rssOps;
        this.dev = dev;
        this.busInfo = busInfo;
        this.maxQueuePairs = maxQueuePairs;
        this.currQueuePairs = currQueuePairs;
        this.rxCounters = new long[maxQueuePairs][RX_STATS.size()];
        this.txCounters = new long[maxQueuePairs][TX_STATS.size()];
    }

    /** {@code virtnet_get_rxnfc(ETHTOOL_GRXRINGS)}: {@code curr_queue_pairs}. */
    @Override
    public int getRxRings() throws EthtoolException {
        if (!rssOps) {
            throw EthtoolException.eopnotsupp();
        }
        return currQueuePairs;
    }

    // The model's virtio-net device does not offer VIRTIO_NET_F_RSS (QEMU's default device does
    // not either): rss_indir_table_size and rss_key_size stay 0, the device spreads flows itself.

    /**
     * {@code virtnet_get_rxfh}: no table and no key without {@code VIRTIO_NET_F_RSS}, the hash
     * function reported as Toeplitz (what {@code ethtool -x} on a QEMU guest prints).
     */
    @Override
    public io.netmodel.api.ethtool.Rxfh getRxfh() throws EthtoolException {
        if (!rssOps) {
            throw EthtoolException.eopnotsupp();
        }
        return new io.netmodel.api.ethtool.Rxfh(new int[0], new byte[0], io.netmodel.api.ethtool.Rxfh.ETH_RSS_HASH_TOP);
    }

    /** {@code virtnet_set_rxfh}: a table without {@code VIRTIO_NET_F_RSS} is EOPNOTSUPP. */
    @Override
    public void setRxfh(int[] indir) throws EthtoolException {
        throw new EthtoolException(Errno.EOPNOTSUPP);
    }

    /** {@code virtnet_get_drvinfo}. */
    @Override
    public Drvinfo getDrvinfo() {
        return Drvinfo.of("virtio_net", DRIVER_VERSION, "", busInfo);
    }

    /** {@code virtnet_get_ringparam}: the virtqueue's maximum and current size; no mini/jumbo rings. */
    @Override
    public Ringparam getRingparam() {
        return new Ringparam(VQ_NUM_MAX, 0, 0, VQ_NUM_MAX, rxVqSize, 0, 0, txVqSize);
    }

    /**
     * {@code virtnet_set_ringparam}: mini/jumbo EINVAL; unchanged sizes do nothing; then
     * {@code virtqueue_resize} per queue: 0 is EINVAL, and a split ring's size must be a power of
     * two ({@code vring_create_virtqueue_split} fails: ENOMEM). Recalled from
     * {@code virtio_ring.c}; a device without {@code VIRTIO_F_RING_RESET} would refuse all resizes.
     */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.rxMiniPending() != 0 || ring.rxJumboPending() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        for (int n : new int[] {ring.rxPending(), ring.txPending()}) {
            if (n == 0) {
                throw new EthtoolException(Errno.EINVAL);
            }
            if (Integer.bitCount(n) != 1) {
                throw new EthtoolException(Errno.ENOMEM);
            }
        }
        rxVqSize = ring.rxPending();
        txVqSize = ring.txPending();
    }

    /** {@code virtnet_get_channels}: combined queue pairs only. */
    @Override
    public Channels getChannels() {
        return new Channels(0, 0, 0, maxQueuePairs, 0, 0, 0, currQueuePairs);
    }

    /**
     * {@code virtnet_set_channels}: rx/tx/other counts EINVAL, 0 or more than the device's pairs
     * EINVAL, then {@code virtnet_set_queues} and {@code netif_set_real_num_{tx,rx}_queues}. The NAPIs
     * stay as they are (one per queue pair the device has, all enabled at open), so their ids do not
     * change; then {@code virtnet_set_affinity} deals the CPUs out to the new count ({@link VirtnetAffinity}).
     */
    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        int pairs = ch.combinedCount();
        if (ch.rxCount() != 0 || ch.txCount() != 0 || ch.otherCount() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (pairs > maxQueuePairs || pairs == 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        currQueuePairs = pairs;
        dev.setRealNumQueues(pairs, pairs);
        if (affinity != null) {
            affinity.set(pairs); // virtnet_set_channels -> virtnet_set_affinity
        }
    }

    /** The vectors' affinity dealer, when each virtqueue has its own vector (null otherwise). */
    void setAffinity(VirtnetAffinity affinity) {
        this.affinity = affinity;
    }

    /** {@code supported_coalesce_params}: {@code ETHTOOL_COALESCE_MAX_FRAMES | USECS | USE_ADAPTIVE_RX}. */
    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.MAX_FRAMES | CoalesceParam.USECS | CoalesceParam.USE_ADAPTIVE_RX.bit();
    }

    /** {@code virtnet_get_coalesce} without notification coalescing: one frame per interrupt. */
    @Override
    public Coalesce getCoalesce() {
        return Coalesce.zero()
            .with(CoalesceParam.RX_MAX_FRAMES, 1)
            .with(CoalesceParam.TX_MAX_FRAMES, napiTx ? 1 : 0);
    }

    /**
     * {@code virtnet_set_coalesce} without {@code VIRTIO_NET_F_NOTF_COAL}
     * ({@code virtnet_coal_params_supported}): any usecs or adaptive RX is EOPNOTSUPP, rx-frames
     * other than 1 or tx-frames above 1 EINVAL; tx-frames switches TX NAPI, only while the device
     * is down (EBUSY: the model's devices are always up).
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        if (ec.rxCoalesceUsecs() != 0 || ec.txCoalesceUsecs() != 0 || ec.useAdaptiveRxCoalesce()) {
            throw new EthtoolException(Errno.EOPNOTSUPP);
        }
        if (ec.txMaxCoalescedFrames() > 1 || ec.rxMaxCoalescedFrames() != 1) {
            throw new EthtoolException(Errno.EINVAL);
        }
        boolean wantNapiTx = ec.txMaxCoalescedFrames() == 1;
        if (wantNapiTx != napiTx) {
            throw new EthtoolException(Errno.EBUSY);
        }
    }

    /** {@code virtnet_get_strings(ETH_SS_STATS)}: totals, each RX queue in use, each TX queue in use. */
    @Override
    public List<String> getStringsStats() {
        List<String> out = new ArrayList<>();
        RX_STATS.forEach(s -> out.add("rx_" + s));
        TX_STATS.forEach(s -> out.add("tx_" + s));
        for (int q = 0; q < currQueuePairs; q++) {
            for (String s : RX_STATS) {
                out.add("rx" + q + "_" + s);
            }
        }
        for (int q = 0; q < currQueuePairs; q++) {
            for (String s : TX_STATS) {
                out.add("tx" + q + "_" + s);
            }
        }
        return out;
    }

    /** {@code virtnet_get_ethtool_stats}: the sums over the queues in use, then each queue. */
    @Override
    public long[] getEthtoolStats() {
        long[] out = new long[(RX_STATS.size() + TX_STATS.size()) * (1 + currQueuePairs)];
        int i = 0;
        for (int s = 0; s < RX_STATS.size(); s++, i++) {
            for (int q = 0; q < currQueuePairs; q++) {
                out[i] += rxCounters[q][s];
            }
        }
        for (int s = 0; s < TX_STATS.size(); s++, i++) {
            for (int q = 0; q < currQueuePairs; q++) {
                out[i] += txCounters[q][s];
            }
        }
        for (int q = 0; q < currQueuePairs; q++) {
            for (long v : rxCounters[q]) {
                out[i++] = v;
            }
        }
        for (int q = 0; q < currQueuePairs; q++) {
            for (long v : txCounters[q]) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** {@code .get_ts_info = ethtool_op_get_ts_info}: software stamps, no PHC. */
    /** Turns on {@code get_link_ksettings} (kernels from {@link VirtioNetHistory#LINK_SETTINGS}). */
    void withLinkSettings() {
        this.linkSettings = true;
    }

    /**
     * {@code virtnet_get_link_ksettings}: the speed and duplex kept in {@code vi}, port
     * {@code PORT_OTHER}; no link modes, no autonegotiation, PHY 0, internal transceiver (the
     * zeroed struct). A 6.18 guest's {@code ethtool eth0} shows exactly this.
     */
    @Override
    public LinkKsettings getLinkKsettings() throws EthtoolException {
        if (!linkSettings) {
            throw EthtoolException.eopnotsupp();
        }
        return new LinkKsettings(speed, duplex, LinkKsettings.PORT_OTHER, 0, false, LinkKsettings.XCVR_INTERNAL);
    }

    @Override
    public TsInfo getTsInfo() {
        return TsInfo.softwareOnly();
    }
}
