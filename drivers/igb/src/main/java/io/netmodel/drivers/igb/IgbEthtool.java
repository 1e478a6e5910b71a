package io.netmodel.drivers.igb;

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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code igb_ethtool_ops} ({@code drivers/net/ethernet/intel/igb/igb_ethtool.c}) for an I350:
 * drvinfo, rings ({@code igb_set_ringparam}: clamped to 64..4096, rounded up to 8), channels
 * ({@code igb_set_channels}: combined only, {@code other} must stay {@code NON_Q_VECTORS}),
 * coalescing as {@code rx-usecs}/{@code tx-usecs} ({@code igb_set_coalesce}), hardware
 * timestamping with a PHC ({@code igb_get_ts_info}), and {@code -S}: the global counters of
 * {@code igb_gstrings_stats} and {@code igb_gstrings_net_stats} (see {@link #GLOBAL_STATS}), then
 * per queue {@code tx_queue_N_*} and {@code rx_queue_N_*} ({@code igb_get_strings}, checked). Counters
 * count what the model's igb did; no packet flows through it yet. A channel change re-creates
 * the queues, vectors, NAPIs and IRQs ({@code igb_reinit_queues}, {@link IgbAdapter#reinitQueues}).
 */
final class IgbEthtool implements EthtoolOps {
    /** {@code NON_Q_VECTORS}: the "other" vector for link and mailbox interrupts. */
    static final int NON_Q_VECTORS = 1;
    /**
     * {@code IGB_REGS_LEN} (740 registers) times 4: 740 since "igb: add RR2DCDELAY to ethtool
     * registers dump" (June 2019, so 5.3), 739 before; only its being positive shows
     * ({@code supports-register-dump}), so the model does not switch.
     */
    static final int REGS_LEN = 740 * 4;
    /** {@code hw->nvm.word_size * 2}: the I350's 16 KiB NVM (recalled). */
    static final int EEPROM_LEN = 16384;
    static final List<String> TESTS = List.of(
        "Register test  (offline)", "Eeprom test    (offline)", "Interrupt test (offline)",
        "Loopback test  (offline)", "Link test   (on/offline)");
    /** {@code igb_priv_flags_strings}. */
    static final List<String> PRIV_FLAGS = List.of("legacy-rx");
    /**
     * {@code igb_gstrings_stats} (42) + {@code igb_gstrings_net_stats} (9), in order, checked
     * against a 4.x/5.x-era {@code igb_ethtool.c}. {@code tx_hwtstamp_skipped} was added during
     * 4.x (not switched). A 2025 patch adding {@code rx_dropped} to the net stats was turned down
     * on the list.
     */
    static final List<String> GLOBAL_STATS = List.of(
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_broadcast", "tx_broadcast",
        "rx_multicast", "tx_multicast", "multicast", "collisions", "rx_crc_errors",
        "rx_no_buffer_count", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
        "tx_window_errors", "tx_abort_late_coll", "tx_deferred_ok", "tx_single_coll_ok",
        "tx_multi_coll_ok", "tx_timeout_count", "rx_long_length_errors", "rx_short_length_errors",
        "rx_align_errors", "tx_tcp_seg_good", "tx_tcp_seg_failed", "rx_flow_control_xon",
        "rx_flow_control_xoff", "tx_flow_control_xon", "tx_flow_control_xoff", "rx_long_byte_count",
        "tx_dma_out_of_sync", "tx_smbus", "rx_smbus", "dropped_smbus", "os2bmc_rx_by_bmc",
        "os2bmc_tx_by_bmc", "os2bmc_tx_by_host", "os2bmc_rx_by_host", "tx_hwtstamp_timeouts",
        "tx_hwtstamp_skipped", "rx_hwtstamp_cleared", "rx_errors", "tx_errors", "tx_dropped",
        "rx_length_errors", "rx_over_errors", "rx_frame_errors", "rx_fifo_errors", "tx_fifo_errors",
        "tx_heartbeat_errors");
    static final List<String> TX_QUEUE_STATS = List.of("packets", "bytes", "restart");
    static final List<String> RX_QUEUE_STATS = List.of("packets", "bytes", "drops", "csum_err", "alloc_failed");

    private final NetDevice netdev;
    private final String busInfo;
    /** What {@code igb_get_drvinfo} puts in {@code drvinfo->version}: the driver's, or nothing. */
    private final String version;
    private final int maxCombined;
    private final boolean msix;
    private final IgbAdapter adapter;
    private int rssQueues;
    private boolean queuePairs;
    private int txRingCount = IgbDefaults.DEFAULT_RING;
    private int rxRingCount = IgbDefaults.DEFAULT_RING;
    private int rxItrSetting = IgbDefaults.DEFAULT_ITR;
    private int txItrSetting = IgbDefaults.DEFAULT_ITR;
    private final long[] counters = new long[GLOBAL_STATS.size()];
    private long[][] txQueueCounters;
    private long[][] rxQueueCounters;

    IgbEthtool(NetDevice netdev, String busInfo, String version, int maxCombined, IgbAdapter adapter, int rssQueues, boolean queuePairs) {
        this.rss = new IgbRss(adapter.ctx().netdevRssKeyFill(IgbRss.KEY_SIZE));
        this.netdev = netdev;
        this.busInfo = busInfo;
        this.version = version;
        this.maxCombined = maxCombined;
        this.adapter = adapter;
        this.msix = adapter.msix;
        this.rssQueues = rssQueues;
        this.queuePairs = queuePairs;
        resetQueueCounters();
        rss.setupMrqc(adapter.rxQueues);
    }

    /** {@code adapter->rss_indir_tbl} and the key. */
    private final IgbRss rss;

    /** {@code igb_get_rxnfc(ETHTOOL_GRXRINGS)}: {@code adapter->num_rx_queues}. */
    @Override
    public int getRxRings() {
        return adapter.rxQueues;
    }

    /** {@code igb_get_rxfh_indir_size}: {@code IGB_RETA_SIZE}. */
    @Override
    public int getRxfhIndirSize() {
        return IgbRss.RETA_SIZE;
    }

    /**
     * No {@code igb_get_rxfh_key_size} through 6.19 (the series that adds RSS key get/set to igb
     * was posted for iwl-next from December 2025, so 7.0 at the earliest): key size 0, so
     * {@code ethtool -x} prints "Operation not supported" for the key and {@code -X hkey} is
     * refused by ethtool itself.
     */
    @Override
    public int getRxfhKeySize() {
        return 0;
    }

    /** {@code igb_get_rxfh}: the table and Toeplitz; no key. */
    @Override
    public io.netmodel.api.ethtool.Rxfh getRxfh() {
        return rss.get();
    }

    /** The key {@code igb_setup_mrqc} writes to the RSSRK registers ({@code netdev_rss_key_fill}), which igb does not report. */
    @Override
    public byte[] rssHashKey() {
        return rss.key();
    }

    /** {@code igb_set_rxfh}. */
    @Override
    public void setRxfh(int[] indir) throws EthtoolException {
        rss.set(indir, adapter.rxQueues);
    }

    /**
     * {@code igb_set_rxfh}: "We do not allow change in unsupported parameters": a key is
     * EOPNOTSUPP (read from {@code igb_ethtool.c}; a 2025 patch series that lets igb take a key
     * is not modelled).
     */
    @Override
    public void setRxfh(int[] indir, byte[] key) throws EthtoolException {
        if (key != null) {
            throw EthtoolException.eopnotsupp();
        }
        if (indir != null) {
            setRxfh(indir);
        }
    }

    /** {@code igb_get_rss_hash_opts}: UDP over IPv4 on the addresses ({@code IGB_FLAG_RSS_FIELD_IPV4_UDP} off). */
    @Override
    public int rssHashFields(int flowType) {
        return io.netmodel.api.ethtool.Rxfh.RXH_IP_SRC | io.netmodel.api.ethtool.Rxfh.RXH_IP_DST;
    }

    private void resetQueueCounters() {
        txQueueCounters = new long[netdev.realNumTxQueues()][TX_QUEUE_STATS.size()];
        rxQueueCounters = new long[netdev.realNumRxQueues()][RX_QUEUE_STATS.size()];
    }

    /**
     * {@code igb_get_drvinfo}: {@code igb_driver_version} until
     * {@link IgbHistory#DRIVER_VERSION_REMOVED}, then none (the core reports the kernel release);
     * the NVM version is not modelled.
     */
    @Override
    public Drvinfo getDrvinfo() {
        return Drvinfo.of("igb", version, "", busInfo);
    }

    @Override
    public int getRegsLen() {
        return REGS_LEN;
    }

    @Override
    public int getEepromLen() {
        return EEPROM_LEN;
    }

    @Override
    public List<String> getStringsTest() {
        return TESTS;
    }

    @Override
    public List<String> getStringsPrivFlags() {
        return PRIV_FLAGS;
    }

    @Override
    public Ringparam getRingparam() {
        return new Ringparam(IgbDefaults.MAX_RING, 0, 0, IgbDefaults.MAX_RING, rxRingCount, 0, 0, txRingCount);
    }

    /** {@code igb_set_ringparam}: mini/jumbo EINVAL; {@code clamp}, {@code ALIGN(n, REQ_*_DESCRIPTOR_MULTIPLE)}. */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.rxMiniPending() != 0 || ring.rxJumboPending() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        rxRingCount = align(Math.min(Math.max(ring.rxPending(), IgbDefaults.MIN_RING), IgbDefaults.MAX_RING));
        txRingCount = align(Math.min(Math.max(ring.txPending(), IgbDefaults.MIN_RING), IgbDefaults.MAX_RING));
    }

    private static int align(int n) {
        return (n + 7) / 8 * 8;
    }

    /** {@code igb_get_channels}: combined = {@code rss_queues}; one "other" vector with MSI-X. */
    @Override
    public Channels getChannels() {
        int other = msix ? NON_Q_VECTORS : 0;
        return new Channels(0, 0, other, maxCombined, 0, 0, other, rssQueues);
    }

    /**
     * {@code igb_set_channels}: a zero combined count or any rx/tx count EINVAL, "other" other
     * than {@code NON_Q_VECTORS} EINVAL, above the maximum EINVAL; then the queue-pairs flag and
     * {@code igb_reinit_queues}.
     */
    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        int count = ch.combinedCount();
        if (count == 0 || ch.rxCount() != 0 || ch.txCount() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (ch.otherCount() != NON_Q_VECTORS) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (count > maxCombined) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (count != rssQueues) {
            rssQueues = count;
            queuePairs = rssQueues > maxCombined / 2; // igb_set_flag_queue_pairs
            try {
                adapter.reinitQueues(rssQueues, queuePairs);
            } catch (io.netmodel.api.driver.DriverException e) {
                throw new EthtoolException(e.errno());
            }
            resetQueueCounters();
            rss.setupMrqc(adapter.rxQueues);
        }
    }

    /** {@code supported_coalesce_params = ETHTOOL_COALESCE_USECS}. */
    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.USECS;
    }

    /** {@code igb_get_coalesce}: modes 0..3 as they are, else the EITR setting / 4; TX shares RX with queue pairs. */
    @Override
    public Coalesce getCoalesce() {
        Coalesce ec = Coalesce.zero().with(CoalesceParam.RX_USECS, usecs(rxItrSetting));
        if (!queuePairs) {
            ec = ec.with(CoalesceParam.TX_USECS, usecs(txItrSetting));
        }
        return ec;
    }

    private static long usecs(int itrSetting) {
        return itrSetting <= 3 ? itrSetting : itrSetting >> 2;
    }

    /**
     * {@code igb_set_coalesce}: each of rx/tx above 10000, 4..9 or 2 EINVAL; tx-usecs with queue
     * pairs EINVAL; 1..3 keep the mode, others are stored as {@code usecs << 2}.
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        long rx = ec.rxCoalesceUsecs();
        long tx = ec.txCoalesceUsecs();
        if (bad(rx) || bad(tx)) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (queuePairs && tx != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        rxItrSetting = setting(rx);
        txItrSetting = queuePairs ? rxItrSetting : setting(tx);
    }

    private static boolean bad(long usecs) {
        return usecs > IgbDefaults.MAX_ITR_USECS || (usecs > 3 && usecs < IgbDefaults.MIN_ITR_USECS) || usecs == 2;
    }

    private static int setting(long usecs) {
        return usecs != 0 && usecs <= 3 ? (int) usecs : (int) (usecs << 2);
    }

    /** {@code igb_get_ts_info} on an I350: hardware and software stamps, PHC 0, TX off/on, RX none/all. */
    @Override
    public TsInfo getTsInfo() {
        int so = TsInfo.SOF_TIMESTAMPING_TX_SOFTWARE | TsInfo.SOF_TIMESTAMPING_RX_SOFTWARE
            | TsInfo.SOF_TIMESTAMPING_SOFTWARE | TsInfo.SOF_TIMESTAMPING_TX_HARDWARE
            | TsInfo.SOF_TIMESTAMPING_RX_HARDWARE | TsInfo.SOF_TIMESTAMPING_RAW_HARDWARE;
        return new TsInfo(so, 0, (1 << TsInfo.HWTSTAMP_TX_OFF) | (1 << TsInfo.HWTSTAMP_TX_ON),
            (1 << TsInfo.HWTSTAMP_FILTER_NONE) | (1 << TsInfo.HWTSTAMP_FILTER_ALL));
    }

    /** {@code igb_get_strings(ETH_SS_STATS)}: global counters, then per TX queue, then per RX queue. */
    @Override
    public List<String> getStringsStats() {
        List<String> out = new ArrayList<>(GLOBAL_STATS);
        for (int q = 0; q < txQueueCounters.length; q++) {
            for (String s : TX_QUEUE_STATS) {
                out.add("tx_queue_" + q + "_" + s);
            }
        }
        for (int q = 0; q < rxQueueCounters.length; q++) {
            for (String s : RX_QUEUE_STATS) {
                out.add("rx_queue_" + q + "_" + s);
            }
        }
        return out;
    }

    @Override
    public long[] getEthtoolStats() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < counters.length; i++) {
            // good packets/octets and the netdev's error counters climb with traffic; MAC registers stay 0
            out.add(netdev.stat(GLOBAL_STATS.get(i)).orElse(counters[i]));
        }
        for (long[] q : txQueueCounters) {
            for (long v : q) {
                out.add(v);
            }
        }
        for (int q = 0; q < rxQueueCounters.length; q++) {
            // the ring's packets and bytes as the receive path counted them (ring->rx_stats), the rest 0
            out.add(netdev.rxQueuePackets(q));
            out.add(netdev.rxQueueBytes(q));
            for (int s = 2; s < RX_QUEUE_STATS.size(); s++) {
                out.add(rxQueueCounters[q][s]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
