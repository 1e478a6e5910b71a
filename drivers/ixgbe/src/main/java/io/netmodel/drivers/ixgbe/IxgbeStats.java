package io.netmodel.drivers.ixgbe;

import io.netmodel.api.netdev.NetDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * ixgbe's {@code ethtool -S} ({@code ixgbe_get_strings(ETH_SS_STATS)},
 * {@code ixgbe_get_ethtool_stats}, {@code drivers/net/ethernet/intel/ixgbe/ixgbe_ethtool.c}):
 * {@code ixgbe_gstrings_stats}, then {@code tx_queue_N_packets}/{@code _bytes} for every one of
 * {@code netdev->num_tx_queues} (allocated, not in use: {@code alloc_etherdev_mq(...,
 * MAX_TX_QUEUES)}, so 64 on an 82599 whatever {@code ethtool -L} says), the same number of
 * {@code rx_queue_N_*} ({@code IXGBE_NUM_RX_QUEUES} is {@code netdev->num_tx_queues}), then
 * {@code tx_pb_N_pxon}/{@code pxoff} and {@code rx_pb_N_*} for the 8 packet buffers.
 *
 * <p>Release range: the table is the one of the 5.x/6.x releases (read from a 5.14-era copy of
 * {@code ixgbe_ethtool.c}, with {@code rx_length_errors}, {@code alloc_rx_page}, the hardware
 * timestamp counters and {@code tx_ipsec}/{@code rx_ipsec}). 3.x and early 4.x had a shorter
 * table (a 3.16-era copy has none of those five groups); the model shows the newer one on every
 * release. {@code link_down_events}, posted to iwl-next in April 2025 after {@code rx_ipsec}, is
 * not modelled (its merge release is unverified). {@code CONFIG_FCOE} is taken as off, so the
 * {@code IXGBE_FCOE} entries are absent.
 *
 * <p>Values: the {@code IXGBE_NETDEV_STAT} entries and those ixgbe copies into the netdev's
 * counters ({@code rx_length_errors} is {@code stats.rlec}, as {@code ixgbe_update_stats} sets
 * it) read the core's counters, so they climb with {@code netmodel traffic}; the MAC registers,
 * adapter counters and per-ring counters have no mechanism in the model and stay 0.
 */
final class IxgbeStats {
    /** {@code ixgbe_gstrings_stats}, without the {@code IXGBE_FCOE} entries. */
    static final List<String> GLOBAL = List.of(
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_pkts_nic", "tx_pkts_nic", "rx_bytes_nic",
        "tx_bytes_nic", "lsc_int", "tx_busy", "non_eop_descs", "rx_errors", "tx_errors", "rx_dropped",
        "tx_dropped", "multicast", "broadcast", "rx_no_buffer_count", "collisions", "rx_over_errors",
        "rx_crc_errors", "rx_frame_errors", "hw_rsc_aggregated", "hw_rsc_flushed", "fdir_match", "fdir_miss",
        "fdir_overflow", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors",
        "tx_fifo_errors", "tx_heartbeat_errors", "tx_timeout_count", "tx_restart_queue", "rx_length_errors",
        "rx_long_length_errors", "rx_short_length_errors", "tx_flow_control_xon", "rx_flow_control_xon",
        "tx_flow_control_xoff", "rx_flow_control_xoff", "rx_csum_offload_errors", "alloc_rx_page",
        "alloc_rx_page_failed", "alloc_rx_buff_failed", "rx_no_dma_resources", "os2bmc_rx_by_bmc",
        "os2bmc_tx_by_bmc", "os2bmc_tx_by_host", "os2bmc_rx_by_host", "tx_hwtstamp_timeouts",
        "tx_hwtstamp_skipped", "rx_hwtstamp_cleared", "tx_ipsec", "rx_ipsec");
    /**
     * {@code IXGBE_MAX_PACKET_BUFFERS}: {@code IXGBE_PB_STATS_LEN} is four {@code u64[8]} arrays
     * ({@code pxonrxc}, {@code pxontxc}, {@code pxoffrxc}, {@code pxofftxc}) in
     * {@code struct ixgbe_hw_stats}; 8 in {@code ixgbe_dcb.h} (checked).
     */
    static final int MAX_PACKET_BUFFERS = 8;

    private IxgbeStats() {
    }

    static List<String> strings(NetDevice netdev) {
        List<String> out = new ArrayList<>(GLOBAL);
        int queues = netdev.numTxQueues();
        for (int i = 0; i < queues; i++) {
            out.add("tx_queue_" + i + "_packets");
            out.add("tx_queue_" + i + "_bytes");
        }
        for (int i = 0; i < queues; i++) {
            out.add("rx_queue_" + i + "_packets");
            out.add("rx_queue_" + i + "_bytes");
        }
        for (int i = 0; i < MAX_PACKET_BUFFERS; i++) {
            out.add("tx_pb_" + i + "_pxon");
            out.add("tx_pb_" + i + "_pxoff");
        }
        for (int i = 0; i < MAX_PACKET_BUFFERS; i++) {
            out.add("rx_pb_" + i + "_pxon");
            out.add("rx_pb_" + i + "_pxoff");
        }
        return out;
    }

    /**
     * One value per {@link #strings} entry: the core's counter where it keeps one (the netdev's,
     * and each RX ring's packets and bytes, {@code ring->stats} in {@code ixgbe_get_ethtool_stats}),
     * else 0.
     */
    static long[] values(NetDevice netdev) {
        int queues = netdev.numTxQueues();
        long[] out = new long[GLOBAL.size() + 4 * queues + 4 * MAX_PACKET_BUFFERS];
        for (int i = 0; i < GLOBAL.size(); i++) {
            out[i] = netdev.stat(GLOBAL.get(i)).orElse(0);
        }
        int rx = GLOBAL.size() + 2 * queues;
        for (int q = 0; q < queues; q++) {
            out[rx + 2 * q] = netdev.rxQueuePackets(q);
            out[rx + 2 * q + 1] = netdev.rxQueueBytes(q);
        }
        return out;
    }
}
