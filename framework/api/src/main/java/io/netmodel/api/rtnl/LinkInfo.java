package io.netmodel.api.rtnl;

import java.util.List;

/**
 * One link as {@code rtnl_fill_ifinfo} reports it.
 *
 * @param ifindex     {@code ifi_index}
 * @param name        {@code IFLA_IFNAME}
 * @param flags       {@code ifi_flags}: {@code dev_get_flags} ({@code IFF_RUNNING}, {@code IFF_LOWER_UP} included)
 * @param mtu         {@code IFLA_MTU}
 * @param minMtu      {@code IFLA_MIN_MTU}
 * @param maxMtu      {@code IFLA_MAX_MTU} (0: no limit)
 * @param qdisc       {@code IFLA_QDISC}: the root qdisc's kind ({@code noop} before the first up)
 * @param operstate   {@code IFLA_OPERSTATE} as iproute2 names it: {@code UP}, {@code DOWN}, {@code UNKNOWN}, ...
 * @param linkMode    {@code IFLA_LINKMODE} (0: DEFAULT)
 * @param group       {@code IFLA_GROUP}
 * @param txqlen      {@code IFLA_TXQLEN}
 * @param type        {@code ifi_type} ({@code ARPHRD_ETHER} 1, {@code ARPHRD_LOOPBACK} 772)
 * @param address     {@code IFLA_ADDRESS}
 * @param broadcast   {@code IFLA_BROADCAST}
 * @param numTxQueues {@code IFLA_NUM_TX_QUEUES}
 * @param numRxQueues {@code IFLA_NUM_RX_QUEUES}
 * @param stats64     {@code IFLA_STATS64}, in the order of {@link #STATS64}
 * @param carrierChanges {@code IFLA_CARRIER_CHANGES}
 */
public record LinkInfo(int ifindex, String name, int flags, int mtu, int minMtu, int maxMtu, String qdisc,
                       String operstate, int linkMode, int group, int txqlen, int type, byte[] address,
                       byte[] broadcast, int numTxQueues, int numRxQueues, List<Long> stats64,
                       long carrierChanges) {
    /** The fields of {@code struct rtnl_link_stats64}, in order. */
    public static final List<String> STATS64 = List.of("rx_packets", "tx_packets", "rx_bytes", "tx_bytes",
        "rx_errors", "tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
        "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors",
        "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors",
        "rx_compressed", "tx_compressed", "rx_nohandler");

    public LinkInfo {
        address = address.clone();
        broadcast = broadcast.clone();
        stats64 = List.copyOf(stats64);
    }

    /** One counter of {@code stats64} by its {@code rtnl_link_stats64} name. */
    public long stat(String field) {
        int i = STATS64.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException("no stats64 field " + field);
        }
        return stats64.get(i);
    }
}
