package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.NetDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * mlx4_en's {@code ethtool -S} ({@code mlx4_en_get_strings(ETH_SS_STATS)},
 * {@code mlx4_en_get_ethtool_stats}, {@code drivers/net/ethernet/mellanox/mlx4/en_ethtool.c}):
 * the groups of {@code main_strings} that {@code priv->stats_bitmap} selects
 * ({@code mlx4_en_set_stats_bitmap} and {@code mlx4_en_update_pfc_stats_bitmap} in
 * {@code en_netdev.c}), then {@code tx%d_packets}/{@code _bytes} per TX ring
 * ({@code tx_ring_num[TX]}) and {@code rx%d_packets}, {@code _bytes}, {@code _dropped} and the XDP
 * counters per RX ring: both follow the ring counts {@code ethtool -L} sets.
 *
 * <p>The bitmap for the model's function (neither SR-IOV master nor slave): the 21 netdev
 * counters, the port counters, no PF counters (master only), the flow-control counters when the
 * firmware has {@code MLX4_DEV_CAP_FLAG2_FLOWSTATS_EN} (the model's ConnectX-3 has it: recalled
 * of real ConnectX-3 output, unverified), per priority where {@code pfcrx}/{@code pfctx} set
 * {@code rx_ppp}/{@code tx_ppp}, else the global pause group while {@code rx_pause}/{@code tx_pause}
 * are on ({@code !(pfcrx || pfctx)} in {@code mlx4_en_get_profile}), the packet counters, the XDP
 * counters and the PHY counters.
 *
 * <p>Release range: the layout of the bitmap-driven {@code en_ethtool.c} (read from a 5.14-era
 * copy) with {@link Mlx4History#XDP_REDIRECT_STATS}; the 3.x layout (21 netdev counters, 8 port
 * counters, {@code broadcast}, {@code rx_prio_N}/{@code tx_prio_N}, and busy-poll counters per
 * RX ring) is not modelled.
 *
 * <p>Values: the 21 netdev counters are {@code dev->stats} ({@code mlx4_en_fold_software_stats})
 * and read the core's counters, so they climb with {@code netmodel traffic}; port, packet, PHY,
 * XDP and per-ring counters have no mechanism in the model and stay 0.
 */
final class Mlx4Stats {
    /** {@code NUM_MAIN_STATS}: {@code struct net_device_stats}, in its order. */
    static final List<String> MAIN = List.of(
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped", "tx_dropped",
        "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors", "rx_frame_errors",
        "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
        "tx_heartbeat_errors", "tx_window_errors");
    /** {@code NUM_PORT_STATS}. */
    static final List<String> PORT = List.of(
        "tso_packets", "xmit_more", "queue_stopped", "wake_queue", "tx_timeout", "rx_alloc_pages", "rx_csum_good",
        "rx_csum_none", "rx_csum_complete", "tx_chksum_offload");
    /** {@code NUM_PKT_STATS}. */
    static final List<String> PKT = pkt();
    /** {@code NUM_PHY_STATS}. */
    static final List<String> PHY = List.of("rx_packets_phy", "rx_bytes_phy", "tx_packets_phy", "tx_bytes_phy");
    /** {@code MLX4_DEV_CAP_FLAG2_FLOWSTATS_EN} on the model's ConnectX-3 firmware (recalled). */
    static final boolean FLOWSTATS_EN = true;

    private Mlx4Stats() {
    }

    private static List<String> pkt() {
        List<String> l = new ArrayList<>(List.of("rx_multicast_packets", "rx_broadcast_packets", "rx_jabbers",
            "rx_in_range_length_error", "rx_out_range_length_error", "tx_multicast_packets", "tx_broadcast_packets"));
        for (String dir : new String[] {"rx", "tx"}) {
            for (int p = 0; p < 8; p++) {
                l.add(dir + "_prio_" + p + "_packets");
                l.add(dir + "_prio_" + p + "_bytes");
            }
            l.add(dir + "_novlan_packets");
            l.add(dir + "_novlan_bytes");
        }
        return List.copyOf(l);
    }

    /** The flow-control group of one direction: per priority with PFC, else the global pause counters. */
    private static void flow(List<String> out, String dir, long ppp, boolean pause) {
        if (!FLOWSTATS_EN) {
            return;
        }
        if (ppp != 0) {
            for (int p = 0; p < 8; p++) {
                out.add(dir + "_pause_prio_" + p);
                out.add(dir + "_pause_duration_prio_" + p);
                out.add(dir + "_pause_transition_prio_" + p);
            }
        } else if (pause) {
            out.add(dir + "_pause");
            out.add(dir + "_pause_duration");
            out.add(dir + "_pause_transition");
        }
    }

    /** {@code mlx4_en_get_strings(ETH_SS_STATS)}. */
    static List<String> strings(KernelProfile kernel, long pfcrx, long pfctx, int txRings, int rxRings) {
        boolean pause = pfcrx == 0 && pfctx == 0;
        List<String> out = new ArrayList<>(MAIN);
        out.addAll(PORT);
        flow(out, "rx", pfcrx, pause);
        flow(out, "tx", pfctx, pause);
        out.addAll(PKT);
        out.add("rx_xdp_drop");
        if (kernel.has(Mlx4History.XDP_REDIRECT_STATS)) {
            out.add("rx_xdp_redirect");
            out.add("rx_xdp_redirect_fail");
        }
        out.add("rx_xdp_tx");
        out.add("rx_xdp_tx_full");
        out.addAll(PHY);
        for (int i = 0; i < txRings; i++) {
            out.add("tx" + i + "_packets");
            out.add("tx" + i + "_bytes");
        }
        for (int i = 0; i < rxRings; i++) {
            out.add("rx" + i + "_packets");
            out.add("rx" + i + "_bytes");
            out.add("rx" + i + "_dropped");
            out.add("rx" + i + "_xdp_drop");
            if (kernel.has(Mlx4History.XDP_REDIRECT_STATS)) {
                out.add("rx" + i + "_xdp_redirect");
                out.add("rx" + i + "_xdp_redirect_fail");
            }
            out.add("rx" + i + "_xdp_tx");
            out.add("rx" + i + "_xdp_tx_full");
        }
        return out;
    }

    /**
     * {@code mlx4_en_get_ethtool_stats}: the netdev counters and each RX ring's packets and bytes
     * ({@code priv->rx_ring[i]->packets}, {@code ->bytes}) from the core, the rest 0.
     */
    static long[] values(NetDevice netdev, List<String> strings) {
        long[] out = new long[strings.size()];
        for (int i = 0; i < MAIN.size(); i++) {
            out[i] = netdev.stat(MAIN.get(i)).orElse(0);
        }
        for (int i = MAIN.size(); i < out.length; i++) {
            java.util.regex.Matcher m = RX_RING.matcher(strings.get(i));
            if (m.matches()) {
                int ring = Integer.parseInt(m.group(1));
                out[i] = m.group(2).equals("packets") ? netdev.rxQueuePackets(ring) : netdev.rxQueueBytes(ring);
            }
        }
        return out;
    }

    /** {@code rx<N>_packets} / {@code rx<N>_bytes}. */
    private static final java.util.regex.Pattern RX_RING = java.util.regex.Pattern.compile("rx(\\d+)_(packets|bytes)");
}
