package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.Drvinfo;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Errno;
import java.util.List;

/**
 * {@code mlx4_en_ethtool_ops} ({@code en_ethtool.c}; the statistics were read from the source,
 * see {@link Mlx4Stats}; the rest is from memory, unverified against a tree): drvinfo, rings
 * (rounded up to a power of two and clamped), channels (RX and TX rings set separately; TX
 * counted per user priority), coalescing (usecs, frames, {@code tx-frames-irq} and the
 * adaptive-RX moderation set: {@code adaptive-rx} exists, {@code adaptive-tx} does not), PTP
 * timestamping and {@code -S} (listing the current ring counts). Ring and channel changes restart
 * the port as in Linux ({@link Mlx4Port#restart}): the RX CQs' NAPIs are deleted and added again,
 * and {@code -L} sets the real queue counts ({@code queues/}).
 */
final class Mlx4Ethtool implements EthtoolOps {
    /**
     * {@code MLX4_EN_MIN_RX_SIZE} ({@code MLX4_EN_ALLOC_SIZE / SMP_CACHE_BYTES}: 16384 / 64 on x86)
     * and {@code MLX4_EN_MIN_TX_SIZE} ({@code 4096 / TXBB_SIZE}: 4096 / 64), checked in {@code mlx4_en.h}.
     */
    static final int MIN_RX_SIZE = 256;
    static final int MIN_TX_SIZE = 64;
    /** {@code MLX4_EN_DEFAULT_TX_WORK} (256, checked). */
    static final int DEFAULT_TX_WORK = 256;
    /** {@code ETHTOOL_COALESCE_PKT_RATE_RX_USECS}. */
    private static final int PKT_RATE_RX_USECS = CoalesceParam.USE_ADAPTIVE_RX.bit() | CoalesceParam.RX_USECS_LOW.bit()
        | CoalesceParam.RX_USECS_HIGH.bit() | CoalesceParam.PKT_RATE_LOW.bit() | CoalesceParam.PKT_RATE_HIGH.bit()
        | CoalesceParam.RATE_SAMPLE_INTERVAL.bit();

    private final NetDevice netdev;
    private final KernelProfile kernel;
    /** {@code prof->rx_ppp}, {@code prof->tx_ppp}: the {@code pfcrx}/{@code pfctx} masks. */
    private final long rxPpp;
    private final long txPpp;
    private final String busInfo;
    /** {@code priv->prof->num_up}: TX rings are counted per user priority. */
    private final int numUp;
    int rxRingNum;
    int txRingNum;
    int rxSize = Mlx4Defaults.DEFAULT_RING;
    int txSize = Mlx4Defaults.DEFAULT_RING;
    /** {@code mlx4_en_set_default_moderation}. */
    Coalesce moderation = Coalesce.zero()
        .with(CoalesceParam.RX_USECS, Mlx4Defaults.RX_COAL_TIME).with(CoalesceParam.RX_MAX_FRAMES, Mlx4Defaults.RX_COAL_TARGET)
        .with(CoalesceParam.TX_USECS, Mlx4Defaults.TX_COAL_TIME).with(CoalesceParam.TX_MAX_FRAMES, Mlx4Defaults.TX_COAL_PKTS)
        .with(CoalesceParam.TX_MAX_FRAMES_IRQ, DEFAULT_TX_WORK).with(CoalesceParam.USE_ADAPTIVE_RX, true)
        .with(CoalesceParam.PKT_RATE_LOW, Mlx4Defaults.RX_RATE_LOW).with(CoalesceParam.RX_USECS_LOW, Mlx4Defaults.RX_COAL_TIME_LOW)
        .with(CoalesceParam.PKT_RATE_HIGH, Mlx4Defaults.RX_RATE_HIGH).with(CoalesceParam.RX_USECS_HIGH, Mlx4Defaults.RX_COAL_TIME_HIGH);

    private final Mlx4Port port;

    Mlx4Ethtool(NetDevice netdev, KernelProfile kernel, long pfcrx, long pfctx, String busInfo, int rxRings, int txRings,
                int numUp, Mlx4Port port) {
        this.rss = new Mlx4Rss(port.ctx().netdevRssKeyFill(Mlx4Rss.KEY_SIZE));
        this.udpRss = Long.parseLong(port.ctx().param(Mlx4EnParams.UDP_RSS)) != 0;
        this.netdev = netdev;
        this.kernel = kernel;
        this.rxPpp = pfcrx;
        this.txPpp = pfctx;
        this.busInfo = busInfo;
        this.port = port;
        this.rxRingNum = rxRings;
        this.txRingNum = txRings;
        this.numUp = numUp;
    }

    /** {@code mlx4_en_get_drvinfo}: firmware version not modelled (empty). */
    @Override
    public Drvinfo getDrvinfo() {
        return Drvinfo.of("mlx4_en", Mlx4Defaults.DRV_VERSION, "", busInfo);
    }

    @Override
    public Ringparam getRingparam() {
        return new Ringparam(Mlx4Defaults.MAX_RING, 0, 0, Mlx4Defaults.MAX_RING, rxSize, 0, 0, txSize);
    }

    /** {@code mlx4_en_set_ringparam}: mini/jumbo EINVAL; {@code roundup_pow_of_two}, then clamped. */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.rxMiniPending() != 0 || ring.rxJumboPending() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        int rx = Math.min(Mlx4Defaults.MAX_RING, Math.max(MIN_RX_SIZE, roundupPowOfTwo(ring.rxPending())));
        int tx = Math.min(Mlx4Defaults.MAX_RING, Math.max(MIN_TX_SIZE, roundupPowOfTwo(ring.txPending())));
        if (rx == rxSize && tx == txSize) {
            return; // the rounded sizes are the current ones: no restart
        }
        rxSize = rx;
        txSize = tx;
        port.restart(txRingNum, rxRingNum, false);
    }

    /** {@code prof->rss_rings} and the key. */
    private final Mlx4Rss rss;

    /** {@code mlx4_en_get_rxnfc(ETHTOOL_GRXRINGS)}: {@code rx_ring_num}. */
    @Override
    public int getRxRings() {
        return rxRingNum;
    }

    @Override
    public int getRxfhIndirSize() {
        return Mlx4Rss.indirSize(rxRingNum);
    }

    /** {@code mlx4_en_get_rxfh_key_size}. */
    @Override
    public int getRxfhKeySize() {
        return Mlx4Rss.KEY_SIZE;
    }

    @Override
    public io.netmodel.api.ethtool.Rxfh getRxfh() {
        return rss.get(rxRingNum);
    }

    @Override
    public void setRxfh(int[] indir) throws EthtoolException {
        rss.set(indir);
    }

    /** {@code mlx4_en_set_rxfh}: the table and the key. */
    @Override
    public void setRxfh(int[] indir, byte[] key) throws EthtoolException {
        rss.set(indir, key);
    }

    /** UDP over IPv4: the 4-tuple with {@code udp_rss} (the profile's, read at probe), else the addresses. */
    @Override
    public int rssHashFields(int flowType) {
        int ip = io.netmodel.api.ethtool.Rxfh.RXH_IP_SRC | io.netmodel.api.ethtool.Rxfh.RXH_IP_DST;
        return udpRss ? ip | io.netmodel.api.ethtool.Rxfh.RXH_L4_B_0_1 | io.netmodel.api.ethtool.Rxfh.RXH_L4_B_2_3 : ip;
    }

    /** {@code mdev->profile.udp_rss}. */
    private final boolean udpRss;

    /** {@code mlx4_en_get_channels}: RX rings, TX rings per user priority; no combined or other. */
    @Override
    public Channels getChannels() {
        return new Channels(Mlx4Defaults.MAX_RX_RINGS, Mlx4Defaults.MAX_TX_RING_P_UP, 0, 0,
            rxRingNum, txRingNum / numUp, 0, 0);
    }

    /** {@code mlx4_en_set_channels}: other or combined counts, no RX or TX ring, or above the maxima: EINVAL. */
    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        if (ch.otherCount() != 0 || ch.combinedCount() != 0 || ch.txCount() > Mlx4Defaults.MAX_TX_RING_P_UP
                || ch.rxCount() > Mlx4Defaults.MAX_RX_RINGS || ch.txCount() == 0 || ch.rxCount() == 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        rxRingNum = ch.rxCount();
        txRingNum = ch.txCount() * numUp;
        port.restart(txRingNum, rxRingNum, true);
    }

    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.USECS | CoalesceParam.MAX_FRAMES | CoalesceParam.TX_MAX_FRAMES_IRQ.bit() | PKT_RATE_RX_USECS;
    }

    @Override
    public Coalesce getCoalesce() {
        return moderation;
    }

    /**
     * {@code mlx4_en_set_coalesce}: {@code tx-frames-irq} 0 is EINVAL; times and frame counts
     * above 0xffff are ERANGE; 0xffff ({@code MLX4_EN_AUTO_CONF}) means the default.
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        if (ec.txMaxCoalescedFramesIrq() == 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        for (CoalesceParam p : new CoalesceParam[] {CoalesceParam.TX_USECS, CoalesceParam.RX_USECS,
                CoalesceParam.RX_USECS_LOW, CoalesceParam.RX_USECS_HIGH, CoalesceParam.TX_MAX_FRAMES,
                CoalesceParam.RX_MAX_FRAMES}) {
            if (ec.get(p) > Mlx4Defaults.MAX_COAL) {
                throw new EthtoolException(Errno.ERANGE);
            }
        }
        moderation = ec
            .with(CoalesceParam.RX_MAX_FRAMES, auto(ec.rxMaxCoalescedFrames(), Mlx4Defaults.RX_COAL_TARGET))
            .with(CoalesceParam.RX_USECS, auto(ec.rxCoalesceUsecs(), Mlx4Defaults.RX_COAL_TIME))
            .with(CoalesceParam.TX_MAX_FRAMES, auto(ec.txMaxCoalescedFrames(), Mlx4Defaults.TX_COAL_PKTS))
            .with(CoalesceParam.TX_USECS, auto(ec.txCoalesceUsecs(), Mlx4Defaults.TX_COAL_TIME));
    }

    /** {@code mlx4_en_get_ts_info}: hardware and software stamps, tx off/on, filters none/all; PHC 0. */
    @Override
    public TsInfo getTsInfo() {
        int so = 0;
        for (String n : Mlx4Defaults.TIMESTAMPING) {
            so |= 1 << TsInfo.SOF_TIMESTAMPING_NAMES.indexOf(n);
        }
        int rx = 0;
        for (String n : Mlx4Defaults.RX_FILTERS) {
            rx |= 1 << TsInfo.HWTSTAMP_FILTER_NAMES.indexOf(n);
        }
        return new TsInfo(so, 0, 1 << TsInfo.HWTSTAMP_TX_OFF | 1 << TsInfo.HWTSTAMP_TX_ON, rx);
    }

    /** {@code mlx4_en_get_strings(ETH_SS_STATS)}: {@code tx_ring_num[TX]} TX rings, {@code rx_ring_num} RX rings. */
    @Override
    public List<String> getStringsStats() {
        return Mlx4Stats.strings(kernel, rxPpp, txPpp, txRingNum, rxRingNum);
    }

    /** {@code mlx4_en_get_ethtool_stats}. */
    @Override
    public long[] getEthtoolStats() {
        return Mlx4Stats.values(netdev, getStringsStats());
    }

    private static long auto(long v, int dflt) {
        return v == Mlx4Defaults.MAX_COAL ? dflt : v;
    }

    private static int roundupPowOfTwo(int v) {
        return v <= 1 ? 1 : Integer.highestOneBit(v - 1) << 1;
    }
}
