package io.netmodel.drivers.mlx4_en;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.net.NetStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mlx4_en's ethtool operations on an 8-CPU host with a ConnectX-3, and seed 001's commands. */
class Mlx4EthtoolTest {

    private static EthtoolOps ops(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 8, "mlx4_en");
        host.load(new Mlx4EnDriver());
        return host.netdev("eth0").ethtoolOps();
    }

    @Test
    void seed001_channels_rx_1_tx_1_sets_one_ring_each() throws Exception {
        EthtoolOps ops = ops("6.18");
        assertEquals(new Channels(128, 32, 0, 0, 8, 8, 0, 0), ops.getChannels());
        ops.setChannels(ops.getChannels().with(ChannelParam.RX, 1).with(ChannelParam.TX, 1));
        assertEquals(new Channels(128, 32, 0, 0, 1, 1, 0, 0), ops.getChannels());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 1))).errno());
    }

    /** {@code udp_rss} (default 1): UDP hashed on the 4-tuple; 0: on the addresses. */
    @Test
    void udp_rss_decides_whether_the_ports_are_hashed() throws Exception {
        int ip = io.netmodel.api.ethtool.Rxfh.RXH_IP_SRC | io.netmodel.api.ethtool.Rxfh.RXH_IP_DST;
        int ports = io.netmodel.api.ethtool.Rxfh.RXH_L4_B_0_1 | io.netmodel.api.ethtool.Rxfh.RXH_L4_B_2_3;
        assertEquals(ip | ports, ops("6.18").rssHashFields(io.netmodel.api.ethtool.Rxfh.UDP_V4_FLOW));
        DriverHost host = DriverHost.boot("6.18", 8, "mlx4_en");
        host.load(new Mlx4EnDriver(), Map.of("udp_rss", "0"));
        assertEquals(ip, host.netdev("eth0").ethtoolOps().rssHashFields(io.netmodel.api.ethtool.Rxfh.UDP_V4_FLOW));
    }

    /** {@code mlx4_en_set_rxfh}: a key alone is taken, the table stays; a bad table with it changes neither. */
    @Test
    void set_rxfh_takes_a_key() throws Exception {
        EthtoolOps ops = ops("6.18");
        io.netmodel.api.ethtool.Rxfh before = ops.getRxfh();
        byte[] key = new byte[40];
        key[39] = 1;
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setRxfh(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, key)).errno());
        assertEquals(before, ops.getRxfh());
        ops.setRxfh(null, key);
        assertEquals(new io.netmodel.api.ethtool.Rxfh(before.indir(), key, before.hfunc()), ops.getRxfh());
    }

    @Test
    void tx_channels_count_per_user_priority_before_4_13() throws Exception {
        DriverHost host = DriverHost.boot("4.4", 8, "mlx4_en");
        host.load(new Mlx4EnDriver());
        assertEquals(64, host.netdev("eth0").realNumTxQueues(), "8 rings per UP x 8 UPs");
        assertEquals(8, host.netdev("eth0").ethtoolOps().getChannels().txCount());
    }

    @Test
    void seed001_ring_rx_1024_and_powers_of_two() throws Exception {
        EthtoolOps ops = ops("6.18");
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1024));
        assertEquals(1024, ops.getRingparam().rxPending());
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1025).with(RingSize.TX, 3));
        assertEquals(2048, ops.getRingparam().rxPending());
        assertEquals(64, ops.getRingparam().txPending(), "MLX4_EN_MIN_TX_SIZE");
    }

    @Test
    void seed001_coalesce_has_adaptive_rx_only() throws Exception {
        EthtoolOps ops = ops("6.18");
        assertEquals(CoalesceParam.USE_ADAPTIVE_RX.bit(), ops.supportedCoalesceParams() & CoalesceParam.USE_ADAPTIVE,
            "adaptive-tx is not supported: the core answers EOPNOTSUPP to the seed's -C");
        assertEquals(true, ops.getCoalesce().useAdaptiveRxCoalesce());
        assertEquals(16, ops.getCoalesce().rxCoalesceUsecs());
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.USE_ADAPTIVE_RX, false)
            .with(CoalesceParam.RX_USECS, 0).with(CoalesceParam.TX_USECS, 0));
        assertEquals(false, ops.getCoalesce().useAdaptiveRxCoalesce());
        assertEquals(0, ops.getCoalesce().rxCoalesceUsecs());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.TX_MAX_FRAMES_IRQ, 0))).errno());
        assertEquals(Errno.ERANGE, assertThrows(EthtoolException.class,
            () -> ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.RX_USECS, 0x10000))).errno());
    }

    private static List<String> statNames(String version, Map<String, String> params) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "mlx4_en");
        host.load(new Mlx4EnDriver(), params);
        return host.netdev("eth0").ethtoolOps().getStringsStats();
    }

    @Test
    void stats_follow_the_bitmap_and_the_rings() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "mlx4_en");
        host.load(new Mlx4EnDriver());
        EthtoolOps ops = host.netdev("eth0").ethtoolOps();
        List<String> names = ops.getStringsStats();
        // 21 + 10 port + 6 global pause + 43 packet + 5 XDP + 4 PHY; 2 TX rings x 2, 2 RX rings x 8
        assertEquals(89 + 2 * 2 + 2 * 8, names.size());
        assertEquals(List.of("tx_chksum_offload", "rx_pause", "rx_pause_duration", "rx_pause_transition", "tx_pause"),
            names.subList(30, 35));
        assertEquals(List.of("rx_xdp_drop", "rx_xdp_redirect", "rx_xdp_redirect_fail", "rx_xdp_tx", "rx_xdp_tx_full"),
            names.subList(80, 85));
        assertEquals("tx0_packets", names.get(89));
        assertEquals("rx1_xdp_tx_full", names.get(names.size() - 1));
        ops.setChannels(ops.getChannels().with(ChannelParam.RX, 1).with(ChannelParam.TX, 1));
        assertEquals(89 + 2 + 8, ops.getStringsStats().size(), "per-ring counters follow ethtool -L");
        host.netdev("eth0").stats().add(NetStats.RX_BYTES, 1500);
        List<String> now = ops.getStringsStats();
        long[] values = ops.getEthtoolStats();
        assertEquals(now.size(), values.length);
        assertEquals(1500, values[now.indexOf("rx_bytes")]);
        assertEquals(0, values[now.indexOf("rx_bytes_phy")]);
    }

    @Test
    void priority_flow_control_swaps_the_pause_group_per_direction() throws Exception {
        List<String> pfcrx = statNames("6.18", Map.of("pfcrx", "1"));
        assertEquals("rx_pause_prio_0", pfcrx.get(31));
        assertEquals(false, pfcrx.contains("rx_pause"));
        assertEquals(false, pfcrx.contains("tx_pause"), "rx_pause and tx_pause both off with any PFC");
        assertEquals(false, pfcrx.contains("tx_pause_prio_0"));
        assertEquals(89 - 6 + 24, pfcrx.indexOf("tx0_packets"));
    }

    @Test
    void xdp_redirect_counters_from_5_16() throws Exception {
        List<String> old = statNames("5.15", Map.of());
        assertEquals(false, old.contains("rx_xdp_redirect"));
        assertEquals(false, old.contains("rx0_xdp_redirect"));
        assertEquals(89 - 2 + 2 * 2 + 2 * 6, old.size());
        assertEquals(true, statNames("5.16", Map.of()).contains("rx0_xdp_redirect_fail"));
    }
}
