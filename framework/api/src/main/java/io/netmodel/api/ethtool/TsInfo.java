package io.netmodel.api.ethtool;

import java.util.List;

/**
 * {@code struct kernel_ethtool_ts_info} ({@code ethtool -T}): which {@code SO_TIMESTAMPING} flags
 * the device supports, its PTP hardware clock, and the hardware transmit types and receive
 * filters ({@code include/uapi/linux/net_tstamp.h}). Bit {@code n} of each mask is entry {@code n}
 * of the matching name table (the {@code ETH_SS_SOF_TIMESTAMPING}, {@code ETH_SS_TS_TX_TYPES} and
 * {@code ETH_SS_TS_RX_FILTERS} string sets of {@code net/ethtool/common.c}).
 *
 * @param soTimestamping {@code so_timestamping}: {@code SOF_TIMESTAMPING_*} bits
 * @param phcIndex {@code phc_index}: {@code /dev/ptpN}, or -1 for none
 * @param txTypes {@code tx_types}: {@code 1 << HWTSTAMP_TX_*}
 * @param rxFilters {@code rx_filters}: {@code 1 << HWTSTAMP_FILTER_*}
 */
public record TsInfo(int soTimestamping, int phcIndex, int txTypes, int rxFilters) {
    public static final int SOF_TIMESTAMPING_TX_HARDWARE = 1 << 0;
    public static final int SOF_TIMESTAMPING_TX_SOFTWARE = 1 << 1;
    public static final int SOF_TIMESTAMPING_RX_HARDWARE = 1 << 2;
    public static final int SOF_TIMESTAMPING_RX_SOFTWARE = 1 << 3;
    public static final int SOF_TIMESTAMPING_SOFTWARE = 1 << 4;
    public static final int SOF_TIMESTAMPING_SYS_HARDWARE = 1 << 5;
    public static final int SOF_TIMESTAMPING_RAW_HARDWARE = 1 << 6;

    public static final int HWTSTAMP_TX_OFF = 0;
    public static final int HWTSTAMP_TX_ON = 1;
    public static final int HWTSTAMP_TX_ONESTEP_SYNC = 2;
    public static final int HWTSTAMP_TX_ONESTEP_P2P = 3;

    public static final int HWTSTAMP_FILTER_NONE = 0;
    public static final int HWTSTAMP_FILTER_ALL = 1;
    public static final int HWTSTAMP_FILTER_SOME = 2;
    public static final int HWTSTAMP_FILTER_PTP_V1_L4_EVENT = 3;
    public static final int HWTSTAMP_FILTER_PTP_V1_L4_SYNC = 4;
    public static final int HWTSTAMP_FILTER_PTP_V1_L4_DELAY_REQ = 5;
    public static final int HWTSTAMP_FILTER_PTP_V2_L4_EVENT = 6;
    public static final int HWTSTAMP_FILTER_PTP_V2_L4_SYNC = 7;
    public static final int HWTSTAMP_FILTER_PTP_V2_L4_DELAY_REQ = 8;
    public static final int HWTSTAMP_FILTER_PTP_V2_L2_EVENT = 9;
    public static final int HWTSTAMP_FILTER_PTP_V2_L2_SYNC = 10;
    public static final int HWTSTAMP_FILTER_PTP_V2_L2_DELAY_REQ = 11;
    public static final int HWTSTAMP_FILTER_PTP_V2_EVENT = 12;
    public static final int HWTSTAMP_FILTER_PTP_V2_SYNC = 13;
    public static final int HWTSTAMP_FILTER_PTP_V2_DELAY_REQ = 14;
    public static final int HWTSTAMP_FILTER_NTP_ALL = 15;

    /** {@code sof_timestamping_names}, by bit. */
    public static final List<String> SOF_TIMESTAMPING_NAMES = List.of(
        "hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
        "software-system-clock", "hardware-legacy-clock", "hardware-raw-clock", "option-id",
        "option-cmsg", "option-tsonly", "option-stats", "option-pktinfo", "option-tx-swhw",
        "bind-phc", "option-id-tcp", "option-rx-filter", "tx-ack", "tx-sched");

    /** {@code ts_tx_type_names}, by {@code HWTSTAMP_TX_*}. */
    public static final List<String> HWTSTAMP_TX_NAMES = List.of("off", "on", "onestep-sync", "onestep-p2p");

    /** {@code ts_rx_filter_names}, by {@code HWTSTAMP_FILTER_*}. */
    public static final List<String> HWTSTAMP_FILTER_NAMES = List.of(
        "none", "all", "some", "ptpv1-l4-event", "ptpv1-l4-sync", "ptpv1-l4-delay-req",
        "ptpv2-l4-event", "ptpv2-l4-sync", "ptpv2-l4-delay-req", "ptpv2-l2-event", "ptpv2-l2-sync",
        "ptpv2-l2-delay-req", "ptpv2-event", "ptpv2-sync", "ptpv2-delay-req", "ntp-all");

    /**
     * {@code ethtool_op_get_ts_info} ({@code net/ethtool/common.c}), the helper drivers that stamp
     * in software put in their {@code ethtool_ops} (e1000, virtio_net, loopback): software
     * transmit and receive timestamps from the system clock, no PHC. (From 6.11 the helper sets
     * only the transmit flag and {@code __ethtool_get_ts_info} adds the receive ones for every
     * device: the same answer.) A driver without {@code get_ts_info} gets less: see
     * {@link #softwareReceiveOnly()}.
     */
    public static TsInfo softwareOnly() {
        return new TsInfo(SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE,
            -1, 0, 0);
    }

    /**
     * What {@code __ethtool_get_ts_info} reports for a device whose driver has no
     * {@code get_ts_info} at all: software receive stamps and the system clock, no software
     * transmit stamps (which need the driver's {@code skb_tx_timestamp}), no PHC. (Checked against
     * {@code net/ethtool/common.c} and a 6.18 host, where an ifb device answers this and
     * virtio_net and lo the transmit flag too.)
     *
     * @since 1.1
     */
    public static TsInfo softwareReceiveOnly() {
        return new TsInfo(SOF_TIMESTAMPING_RX_SOFTWARE | SOF_TIMESTAMPING_SOFTWARE, -1, 0, 0);
    }
}
