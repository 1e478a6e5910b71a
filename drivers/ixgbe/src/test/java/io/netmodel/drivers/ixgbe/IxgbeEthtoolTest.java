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
import org.junit.jupiter.api.Test;

/** ixgbe's ethtool operations on an 8-CPU host with an 82599ES, and seed 001's commands. */
class IxgbeEthtoolTest {

    private static EthtoolOps ops() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "ixgbe");
        host.load(new IxgbeDriver());
        return host.netdev("eth0").ethtoolOps();
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
}
