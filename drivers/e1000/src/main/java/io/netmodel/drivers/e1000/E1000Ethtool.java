package io.netmodel.drivers.e1000;

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
import java.util.Set;

/**
 * {@code e1000_ethtool_ops} ({@code drivers/net/ethernet/intel/e1000/e1000_ethtool.c}): drvinfo,
 * ring sizes ({@code e1000_set_ringparam}: clamped to 48..max and rounded up to 8), interrupt
 * throttling as {@code rx-usecs} (only on the 82545 and later: the 82540EM QEMU emulates answers
 * EOPNOTSUPP, as the real driver does), the {@code e1000_gstrings_stats} counters, and software
 * timestamps ({@code .get_ts_info = ethtool_op_get_ts_info}, checked in {@code e1000_ethtool_ops}). No channels op: e1000 has one
 * queue pair. Counters count what the model's e1000 did; no packet flows through it yet.
 */
final class E1000Ethtool implements EthtoolOps {
    /** {@code E1000_MAX_ITR_USECS}, {@code E1000_MIN_ITR_USECS}. */
    static final int MAX_ITR_USECS = 10000;
    static final int MIN_ITR_USECS = 10;
    /** {@code E1000_REGS_LEN} (32) 32-bit registers ({@code e1000_get_regs_len}, checked). */
    static final int REGS_LEN = 32 * 4;
    /** {@code hw->eeprom.word_size * 2}: 64 words on the 82540 (Microwire EEPROM). */
    static final int EEPROM_LEN = 64 * 2;

    /** {@code e1000_gstrings_test}. */
    static final List<String> TESTS = List.of(
        "Register test  (offline)", "Eeprom test    (offline)", "Interrupt test (offline)",
        "Loopback test  (offline)", "Link test   (on/offline)");

    /** {@code e1000_gstrings_stats} names, in order (checked against a 3.x-era {@code e1000_ethtool.c}). */
    static final List<String> STATS = List.of(
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_broadcast", "tx_broadcast",
        "rx_multicast", "tx_multicast", "rx_errors", "tx_errors", "tx_dropped", "multicast",
        "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors",
        "rx_no_buffer_count", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
        "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors", "tx_abort_late_coll",
        "tx_deferred_ok", "tx_single_coll_ok", "tx_multi_coll_ok", "tx_timeout_count",
        "tx_restart_queue", "rx_long_length_errors", "rx_short_length_errors", "rx_align_errors",
        "tx_tcp_seg_good", "tx_tcp_seg_failed", "rx_flow_control_xon", "rx_flow_control_xoff",
        "tx_flow_control_xon", "tx_flow_control_xoff", "rx_long_byte_count", "rx_csum_offload_good",
        "rx_csum_offload_errors", "alloc_rx_buff_failed", "tx_smbus", "rx_smbus", "dropped_smbus");

    /**
     * PCI device ids whose {@code e1000_set_mac_type} is older than {@code e1000_82545}: 82542,
     * 82543, 82544, 82540 (checked: the cases of {@code e1000_set_mac_type} in {@code e1000_hw.c}
     * and the {@code E1000_DEV_ID_*} values in {@code e1000_hw.h}).
     */
    private static final Set<Integer> BEFORE_82545 = Set.of(
        0x1000, 0x1001, 0x1004, 0x1008, 0x1009, 0x100C, 0x100D, 0x100E, 0x1015, 0x1016, 0x1017, 0x101E);
    /** Device ids older than {@code e1000_82544}: 82542 and 82543. */
    private static final Set<Integer> BEFORE_82544 = Set.of(0x1000, 0x1001, 0x1004);

    private final String busInfo;
    /** What {@code e1000_get_drvinfo} puts in {@code drvinfo->version}: the driver's, or nothing. */
    private final String version;
    private final boolean macAtLeast82545;
    private final int maxRing;
    private int txCount;
    private int rxCount;
    private int itrSetting;
    private int itr;
    private final long[] counters = new long[STATS.size()];
    private final NetDevice netdev;

    E1000Ethtool(NetDevice netdev, String busInfo, String version, int pciDevice, E1000Options options) {
        this.netdev = netdev;
        this.busInfo = busInfo;
        this.version = version;
        this.macAtLeast82545 = !BEFORE_82545.contains(pciDevice);
        this.maxRing = BEFORE_82544.contains(pciDevice) ? E1000Defaults.MAX_RING_PRE_82544 : E1000Defaults.MAX_RING_82544;
        this.txCount = options.txRingCount();
        this.rxCount = options.rxRingCount();
        this.itrSetting = options.itrSetting();
        this.itr = options.itr();
    }

    /**
     * {@code e1000_get_drvinfo}: {@code e1000_driver_version} until
     * {@link E1000History#DRIVER_VERSION_REMOVED}, then none (the core reports the kernel release).
     */
    @Override
    public Drvinfo getDrvinfo() {
        return Drvinfo.of("e1000", version, "", busInfo);
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

    /** {@code e1000_get_ringparam}. */
    @Override
    public Ringparam getRingparam() {
        return new Ringparam(maxRing, 0, 0, maxRing, rxCount, 0, 0, txCount);
    }

    /** {@code e1000_set_ringparam}: mini/jumbo EINVAL; {@code max(n, E1000_MIN_*D)}, {@code min(n, max)}, {@code ALIGN(n, 8)}. */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.rxMiniPending() != 0 || ring.rxJumboPending() != 0) {
            throw new EthtoolException(Errno.EINVAL);
        }
        rxCount = align(Math.min(Math.max(ring.rxPending(), E1000Defaults.MIN_RING), maxRing));
        txCount = align(Math.min(Math.max(ring.txPending(), E1000Defaults.MIN_RING), maxRing));
    }

    private static int align(int n) {
        int m = E1000Defaults.RING_MULTIPLE;
        return (n + m - 1) / m * m;
    }

    /** {@code supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS}. */
    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.RX_USECS.bit();
    }

    /** {@code e1000_get_coalesce}: the mode (0..4) or the fixed rate as microseconds. */
    @Override
    public Coalesce getCoalesce() throws EthtoolException {
        if (!macAtLeast82545) {
            throw new EthtoolException(Errno.EOPNOTSUPP);
        }
        long usecs = itrSetting <= 4 ? itrSetting : 1000000 / itrSetting;
        return Coalesce.zero().with(CoalesceParam.RX_USECS, usecs);
    }

    /**
     * {@code e1000_set_coalesce}: above 10000, 5..9, or 2 is EINVAL; 4 simplified mode; 0, 1, 3 a
     * dynamic mode (or off) starting at 20000/s; otherwise the fixed rate 1000000/usecs.
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        if (!macAtLeast82545) {
            throw new EthtoolException(Errno.EOPNOTSUPP);
        }
        long usecs = ec.rxCoalesceUsecs();
        if (usecs > MAX_ITR_USECS || (usecs > 4 && usecs < MIN_ITR_USECS) || usecs == 2) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (usecs == 4) {
            itr = 4;
            itrSetting = 4;
        } else if (usecs <= 3) {
            itr = E1000Defaults.DYNAMIC_START_ITR;
            itrSetting = (int) usecs;
        } else {
            itr = (int) (1000000 / usecs);
            itrSetting = itr & ~3;
        }
    }

    @Override
    public List<String> getStringsStats() {
        return STATS;
    }

    @Override
    public long[] getEthtoolStats() {
        // good packets/octets and the netdev's error counters climb with traffic; MAC registers stay 0
        long[] out = new long[counters.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = netdev.stat(STATS.get(i)).orElse(counters[i]);
        }
        return out;
    }

    /** {@code adapter->itr}: the interrupt rate the hardware runs at (for the receive path). */
    int itr() {
        return itr;
    }

    /** {@code .get_ts_info = ethtool_op_get_ts_info}: software stamps, no PHC. */
    @Override
    public TsInfo getTsInfo() {
        return TsInfo.softwareOnly();
    }
}
