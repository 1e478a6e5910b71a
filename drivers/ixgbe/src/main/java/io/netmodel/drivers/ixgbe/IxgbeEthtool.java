package io.netmodel.drivers.ixgbe;

import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.Drvinfo;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Errno;
import java.util.List;

/**
 * {@code ixgbe_ethtool_ops} ({@code ixgbe_ethtool.c}; the statistics were read from the source,
 * see {@link IxgbeStats}; the rest is from memory, unverified against a tree): drvinfo, rings
 * (clamped, then rounded up to a multiple of 8), channels (combined only, plus the "other"
 * vector), coalescing ({@code ETHTOOL_COALESCE_USECS | ETHTOOL_COALESCE_TX_MAX_FRAMES_IRQ}: no
 * adaptive flags, so the core answers EOPNOTSUPP for {@code adaptive-rx}), PTP timestamping and
 * {@code -S}.
 * A channel change rebuilds the interrupt scheme ({@code ixgbe_setup_tc}, {@link IxgbeAdapter#setupTc}:
 * new NAPIs with new ids, IRQs and {@code queues/}); a ring change is {@code ixgbe_down}/{@code ixgbe_up}
 * in Linux, which the model does not act out (its NAPIs are never disabled apart from being deleted).
 */
final class IxgbeEthtool implements EthtoolOps {
    /** {@code IXGBE_REQ_TX_DESCRIPTOR_MULTIPLE}, {@code IXGBE_REQ_RX_DESCRIPTOR_MULTIPLE}. */
    static final int DESC_MULTIPLE = 8;
    /** {@code IXGBE_MAX_EITR} (0x0FF8) >> 2: the largest rx-usecs/tx-usecs. */
    static final int MAX_USECS = 0x0ff8 >> 2;
    /** {@code IXGBE_DEFAULT_TX_WORK}: {@code tx-frames-irq}, the TX clean budget. */
    static final int DEFAULT_TX_WORK = 256;

    private final NetDevice netdev;
    private final String busInfo;
    /** What {@code ixgbe_get_drvinfo} puts in {@code drvinfo->version}: the driver's, or nothing. */
    private final String version;
    private final int maxChannels;
    private final IxgbeAdapter adapter;
    /** {@code q_vector[0]} cleans both a TX and an RX ring: tx-usecs follows rx-usecs. */
    private boolean txRxVectors;
    int rxCount = IxgbeDefaults.DEFAULT_RING;
    int txCount = IxgbeDefaults.DEFAULT_RING;
    int combined;
    /** {@code rx_itr_setting}/{@code tx_itr_setting}: 0 off, 1 dynamic, else EITR µs << 2. */
    int rxItrSetting = IxgbeDefaults.DEFAULT_RX_ITR;
    int txItrSetting = IxgbeDefaults.DEFAULT_RX_ITR;
    int txWorkLimit = DEFAULT_TX_WORK;

    /**
     * @param maxChannels {@code ixgbe_max_channels}: 1 without MSI-X, else the Flow Director limit
     *     bounded by CPUs (and, in the model, by the device's queues)
     */
    IxgbeEthtool(NetDevice netdev, String busInfo, String version, int maxChannels, IxgbeAdapter adapter) {
        this.rss = new IxgbeRss(adapter.ctx().netdevRssKeyFill(IxgbeRss.KEY_SIZE));
        this.netdev = netdev;
        this.busInfo = busInfo;
        this.version = version;
        this.maxChannels = maxChannels;
        this.adapter = adapter;
        this.combined = adapter.queues;
        this.txRxVectors = adapter.txRxVectors();
        rss.setupReta(adapter.queues);
    }

    /** {@code adapter->rss_indir_tbl} and the key. */
    private final IxgbeRss rss;

    /**
     * {@code ixgbe_get_drvinfo}: {@code ixgbe_driver_version} until
     * {@link IxgbeHistory#DRIVER_VERSION_REMOVED}, then none (the core reports the kernel
     * release); the firmware string (EEPROM id) is not modelled and stays empty.
     */
    @Override
    public Drvinfo getDrvinfo() {
        return Drvinfo.of("ixgbe", version, "", busInfo);
    }

    @Override
    public Ringparam getRingparam() {
        return new Ringparam(IxgbeDefaults.MAX_RING, 0, 0, IxgbeDefaults.MAX_RING, rxCount, 0, 0, txCount);
    }

    /** {@code ixgbe_set_ringparam}: mini/jumbo rings are EINVAL; clamp to 64..max, {@code ALIGN(.., 8)}. */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.rxMiniPending() != 0 || ring.rxJumboPending() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        txCount = align(clamp(ring.txPending()));
        rxCount = align(clamp(ring.rxPending()));
    }

    /** {@code ixgbe_get_channels}: combined queues and the one "other" vector; no rx-only or tx-only. */
    @Override
    public Channels getChannels() {
        return new Channels(0, 0, IxgbeDefaults.NON_Q_VECTORS, maxChannels, 0, 0, IxgbeDefaults.NON_Q_VECTORS, combined);
    }

    /** {@code ixgbe_set_channels}: no count, rx or tx counts, other not 1, or more than the maximum: EINVAL. */
    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        if (ch.combinedCount() == 0 || ch.rxCount() != 0 || ch.txCount() != 0
                || ch.otherCount() != IxgbeDefaults.NON_Q_VECTORS || ch.combinedCount() > maxChannels) {
            throw new EthtoolException(Errno.EINVAL);
        }
        try {
            adapter.setupTc(ch.combinedCount());
        } catch (io.netmodel.api.driver.DriverException e) {
            throw new EthtoolException(e.errno());
        }
        combined = adapter.queues;
        txRxVectors = adapter.txRxVectors();
        rss.setupReta(adapter.queues);
    }

    /** {@code ixgbe_get_rxnfc(ETHTOOL_GRXRINGS)}: {@code adapter->num_rx_queues}. */
    @Override
    public int getRxRings() {
        return adapter.queues;
    }

    /** {@code ixgbe_rss_indir_size}. */
    @Override
    public int getRxfhIndirSize() {
        return IxgbeRss.RETA_ENTRIES;
    }

    /** {@code ixgbe_get_rxfh_key_size}. */
    @Override
    public int getRxfhKeySize() {
        return IxgbeRss.KEY_SIZE;
    }

    /** {@code ixgbe_get_rxfh}: the table, the key, Toeplitz. */
    @Override
    public io.netmodel.api.ethtool.Rxfh getRxfh() {
        return rss.get();
    }

    /** {@code ixgbe_set_rxfh}. */
    @Override
    public void setRxfh(int[] indir) throws EthtoolException {
        rss.set(indir, adapter.queues);
    }

    /** {@code ixgbe_set_rxfh}: the table and the key. */
    @Override
    public void setRxfh(int[] indir, byte[] key) throws EthtoolException {
        rss.set(indir, key, adapter.queues);
    }

    /** {@code ixgbe_get_rss_hash_opts}: UDP over IPv4 on the addresses ({@code IXGBE_FLAG2_RSS_FIELD_IPV4_UDP} off). */
    @Override
    public int rssHashFields(int flowType) {
        return io.netmodel.api.ethtool.Rxfh.RXH_IP_SRC | io.netmodel.api.ethtool.Rxfh.RXH_IP_DST;
    }

    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.USECS | CoalesceParam.TX_MAX_FRAMES_IRQ.bit();
    }

    /** {@code ixgbe_get_coalesce}: with TX and RX on one vector only the RX value is reported. */
    @Override
    public Coalesce getCoalesce() {
        Coalesce c = Coalesce.zero().with(CoalesceParam.TX_MAX_FRAMES_IRQ, txWorkLimit)
            .with(CoalesceParam.RX_USECS, usecs(rxItrSetting));
        return txRxVectors ? c : c.with(CoalesceParam.TX_USECS, usecs(txItrSetting));
    }

    /**
     * {@code ixgbe_set_coalesce}: tx-usecs with shared vectors is EINVAL; above 1022 µs is
     * EINVAL; 0 and 1 (dynamic) are kept as they are, larger values as EITR ({@code << 2}).
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        if (txRxVectors && ec.txCoalesceUsecs() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (ec.rxCoalesceUsecs() > MAX_USECS || ec.txCoalesceUsecs() > MAX_USECS) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (ec.txMaxCoalescedFramesIrq() != 0) {
            txWorkLimit = (int) ec.txMaxCoalescedFramesIrq();
        }
        rxItrSetting = setting(ec.rxCoalesceUsecs());
        txItrSetting = txRxVectors ? rxItrSetting : setting(ec.txCoalesceUsecs());
    }

    /** {@code ixgbe_get_ts_info} on an 82599: software and hardware stamps, PHC 0, tx off/on, the 82599 filters. */
    @Override
    public TsInfo getTsInfo() {
        int so = 0;
        for (String n : IxgbeDefaults.TIMESTAMPING) {
            so |= 1 << TsInfo.SOF_TIMESTAMPING_NAMES.indexOf(n);
        }
        int rx = 0;
        for (String n : IxgbeDefaults.RX_FILTERS) {
            rx |= 1 << TsInfo.HWTSTAMP_FILTER_NAMES.indexOf(n);
        }
        return new TsInfo(so, 0 /* the PHC ixgbe_ptp_init registers: /dev/ptp0 */, 1 << TsInfo.HWTSTAMP_TX_OFF | 1 << TsInfo.HWTSTAMP_TX_ON, rx);
    }

    /** {@code ixgbe_get_strings(ETH_SS_STATS)}. */
    @Override
    public List<String> getStringsStats() {
        return IxgbeStats.strings(netdev);
    }

    /** {@code ixgbe_get_ethtool_stats}. */
    @Override
    public long[] getEthtoolStats() {
        return IxgbeStats.values(netdev);
    }

    private static long usecs(int setting) {
        return setting <= 1 ? setting : setting >> 2;
    }

    private static int setting(long usecs) {
        return usecs > 1 ? (int) usecs << 2 : (int) usecs;
    }

    private static int clamp(int v) {
        return Math.max(IxgbeDefaults.MIN_RING, Math.min(IxgbeDefaults.MAX_RING, v));
    }

    private static int align(int v) {
        return (v + DESC_MULTIPLE - 1) / DESC_MULTIPLE * DESC_MULTIPLE;
    }
}
