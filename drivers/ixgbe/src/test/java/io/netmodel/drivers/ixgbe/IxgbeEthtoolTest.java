package io.netmodel.drivers.ixgbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.net.NetStats;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ixgbe's ethtool operations on an 8-CPU host with an 82599ES, and seed 001's commands. */
class IxgbeEthtoolTest {

    private static EthtoolOps ops() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "ixgbe");
        host.load(new IxgbeDriver());
        return host.netdev("eth0").ethtoolOps();
    }

    /**
     * {@code ixgbe_set_rxfh}: a table entry beyond the queues is EINVAL before the key is
     * touched; a key alone replaces the key and leaves the table. UDP is hashed on the addresses.
     */
    @Test
    void set_rxfh_checks_the_table_then_stores_the_key() throws Exception {
        EthtoolOps ops = ops();
        io.netmodel.api.ethtool.Rxfh before = ops.getRxfh();
        byte[] key = new byte[40];
        java.util.Arrays.fill(key, (byte) 0x5a);
        int[] bad = new int[128];
        bad[0] = 16;
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class, () -> ops.setRxfh(bad, key)).errno());
        assertEquals(before, ops.getRxfh());
        ops.setRxfh(null, key);
        assertEquals(new io.netmodel.api.ethtool.Rxfh(before.indir(), key, before.hfunc()), ops.getRxfh());
        assertEquals(io.netmodel.api.ethtool.Rxfh.RXH_IP_SRC | io.netmodel.api.ethtool.Rxfh.RXH_IP_DST,
            ops.rssHashFields(io.netmodel.api.ethtool.Rxfh.UDP_V4_FLOW));
    }

    @Test
    void should_report_defaults() throws Exception {
        EthtoolOps ops = ops();
        assertEquals(new Channels(0, 0, 1, 8, 0, 0, 1, 8), ops.getChannels());
        assertEquals(512, ops.getRingparam().rxPending());
        assertEquals(8192, ops.getRingparam().rxMaxPending());
        assertEquals(1, ops.getCoalesce().rxCoalesceUsecs(), "1 = dynamic ITR");
        assertEquals(256, ops.getCoalesce().txMaxCoalescedFramesIrq());
        assertEquals("ixgbe", ops.getDrvinfo().driver());
        assertEquals("0000:00:03.0", ops.getDrvinfo().busInfo());
        TsInfo ts = ops.getTsInfo();
        assertEquals(0, ts.phcIndex());
        assertEquals(1 << TsInfo.HWTSTAMP_FILTER_NONE | 1 << TsInfo.HWTSTAMP_FILTER_PTP_V1_L4_SYNC
            | 1 << TsInfo.HWTSTAMP_FILTER_PTP_V1_L4_DELAY_REQ | 1 << TsInfo.HWTSTAMP_FILTER_PTP_V2_EVENT, ts.rxFilters());
    }

    @Test
    void seed001_ring_rx_1024_and_rounding_to_8() throws Exception {
        EthtoolOps ops = ops();
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1024));
        assertEquals(1024, ops.getRingparam().rxPending());
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1001).with(RingSize.TX, 10));
        assertEquals(1008, ops.getRingparam().rxPending());
        assertEquals(64, ops.getRingparam().txPending(), "clamped to IXGBE_MIN_TXD");
    }

    @Test
    void seed001_channels_rx_1_tx_1_is_einval_combined_only() throws Exception {
        EthtoolOps ops = ops();
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> ops.setChannels(ops.getChannels().with(ChannelParam.RX, 1).with(ChannelParam.TX, 1)));
        assertEquals(Errno.EINVAL, e.errno());
        ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 1));
        assertEquals(1, ops.getChannels().combinedCount());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 9))).errno());
    }

    @Test
    void seed001_coalesce_has_no_adaptive_flags_and_no_tx_usecs_on_shared_vectors() throws Exception {
        EthtoolOps ops = ops();
        assertEquals(0, ops.supportedCoalesceParams() & CoalesceParam.USE_ADAPTIVE,
            "the core answers EOPNOTSUPP to adaptive-rx/adaptive-tx");
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.RX_USECS, 0)); // ethtool -C eth0 rx-usecs 0
        assertEquals(0, ops.getCoalesce().rxCoalesceUsecs());
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.RX_USECS, 50));
        assertEquals(50, ops.getCoalesce().rxCoalesceUsecs());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.TX_USECS, 10))).errno());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.RX_USECS, 1023))).errno());
    }

    @Test
    void stats_list_every_allocated_queue_and_the_packet_buffers() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "ixgbe");
        host.load(new IxgbeDriver());
        EthtoolOps ops = host.netdev("eth0").ethtoolOps();
        List<String> names = ops.getStringsStats();
        // ixgbe_gstrings_stats, then num_tx_queues (64) TX and RX queues, then 8 packet buffers each way
        assertEquals(IxgbeStats.GLOBAL.size() + 64 * 2 * 2 + 8 * 2 * 2, names.size());
        assertEquals("rx_pkts_nic", names.get(4));
        assertEquals("rx_ipsec", names.get(IxgbeStats.GLOBAL.size() - 1));
        assertEquals("tx_queue_0_packets", names.get(IxgbeStats.GLOBAL.size()));
        assertEquals("tx_queue_63_bytes", names.get(IxgbeStats.GLOBAL.size() + 127));
        assertEquals("rx_queue_0_packets", names.get(IxgbeStats.GLOBAL.size() + 128));
        assertEquals("tx_pb_0_pxon", names.get(IxgbeStats.GLOBAL.size() + 256));
        assertEquals("rx_pb_7_pxoff", names.get(names.size() - 1));
        ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 2));
        assertEquals(names, ops.getStringsStats(), "ixgbe lists allocated queues, not the channel count");
    }

    @Test
    void netdev_counters_climb_and_hardware_registers_stay_zero() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "ixgbe");
        host.load(new IxgbeDriver());
        host.netdev("eth0").stats().add(NetStats.RX_PACKETS, 7);
        host.netdev("eth0").stats().add(NetStats.RX_MISSED_ERRORS, 3);
        EthtoolOps ops = host.netdev("eth0").ethtoolOps();
        List<String> names = ops.getStringsStats();
        long[] values = ops.getEthtoolStats();
        assertEquals(names.size(), values.length);
        assertEquals(7, values[names.indexOf("rx_packets")]);
        assertEquals(3, values[names.indexOf("rx_missed_errors")]);
        assertEquals(0, values[names.indexOf("rx_pkts_nic")], "GPRC: no MAC register in the model");
        assertEquals(0, values[names.indexOf("rx_queue_0_packets")]);
    }

    /** "net/intel: remove driver versions from Intel drivers": the driver's string until 5.9, then none. */
    @ParameterizedTest
    @CsvSource({"4.4, 5.1.0-k", "5.8, 5.1.0-k", "5.9, ''", "6.18, ''"})
    void drvinfo_version_until_5_9(String release, String version) throws Exception {
        DriverHost host = DriverHost.boot(release, 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(version, host.netdev("eth0").ethtoolOps().getDrvinfo().version());
    }
}
