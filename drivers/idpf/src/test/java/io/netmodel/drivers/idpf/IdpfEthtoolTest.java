package io.netmodel.drivers.idpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import org.junit.jupiter.api.Test;

/**
 * idpf's ethtool operations ({@code idpf_ethtool.c}) on an 8-CPU host, with seed 001's three
 * commands. The requests are built as the ethtool core builds them: the current value from the
 * get op with the command line's parameters applied.
 */
class IdpfEthtoolTest {

    private static EthtoolOps ops(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 8, "idpf");
        host.load(new IdpfDriver());
        return host.netdev("eth0").ethtoolOps();
    }

    @Test
    void should_report_the_defaults() throws Exception {
        EthtoolOps ops = ops("6.18");
        assertEquals(new Ringparam(8128, 0, 0, 8160, 512, 0, 0, 512), ops.getRingparam());
        assertEquals(new Channels(16, 16, 1, 16, 0, 0, 1, 8), ops.getChannels());
        Coalesce c = ops.getCoalesce();
        assertEquals(true, c.useAdaptiveRxCoalesce());
        assertEquals(true, c.useAdaptiveTxCoalesce());
        assertEquals(50, c.rxCoalesceUsecs());
        assertEquals(50, c.txCoalesceUsecs());
        assertEquals(CoalesceParam.USECS | CoalesceParam.USE_ADAPTIVE, ops.supportedCoalesceParams());
    }

    @Test
    void seed001_ring_rx_1024_is_taken_and_read_back() throws Exception {
        EthtoolOps ops = ops("6.18");
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1024)); // ethtool -G eth0 rx 1024
        assertEquals(1024, ops.getRingparam().rxPending());
        assertEquals(512, ops.getRingparam().txPending());
    }

    @Test
    void ring_sizes_round_up_and_refuse_below_64() throws Exception {
        EthtoolOps ops = ops("6.18");
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 100).with(RingSize.TX, 100));
        assertEquals(128, ops.getRingparam().rxPending(), "multiple of IDPF_REQ_RXQ_DESC_MULTIPLE (64)");
        assertEquals(128, ops.getRingparam().txPending(), "multiple of IDPF_REQ_DESC_MULTIPLE (32)");
        ops.setRingparam(ops.getRingparam().with(RingSize.TX, 65));
        assertEquals(96, ops.getRingparam().txPending());
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> ops.setRingparam(ops.getRingparam().with(RingSize.RX, 32)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(128, ops.getRingparam().rxPending(), "nothing changed");
    }

    @Test
    void seed001_coalesce_static_zero_is_taken_and_read_back() throws Exception {
        EthtoolOps ops = ops("6.18");
        // ethtool -C eth0 adaptive-rx off adaptive-tx off rx-usecs 0 tx-usecs 0
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.USE_ADAPTIVE_RX, false)
            .with(CoalesceParam.USE_ADAPTIVE_TX, false).with(CoalesceParam.RX_USECS, 0).with(CoalesceParam.TX_USECS, 0));
        Coalesce c = ops.getCoalesce();
        assertEquals(false, c.useAdaptiveRxCoalesce());
        assertEquals(false, c.useAdaptiveTxCoalesce());
        assertEquals(0, c.rxCoalesceUsecs());
        assertEquals(0, c.txCoalesceUsecs());
    }

    @Test
    void coalesce_refuses_usecs_with_adaptive_and_rounds_odd_values_down() throws Exception {
        EthtoolOps ops = ops("6.18");
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.RX_USECS, 10)));
        assertEquals(Errno.EINVAL, e.errno(), "Cannot set coalesce usecs if adaptive enabled");
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.USE_ADAPTIVE_RX, false).with(CoalesceParam.RX_USECS, 25));
        assertEquals(24, ops.getCoalesce().rxCoalesceUsecs());
        assertEquals(true, ops.getCoalesce().useAdaptiveTxCoalesce());
        e = assertThrows(EthtoolException.class, () -> ops.setCoalesce(
            ops.getCoalesce().with(CoalesceParam.RX_USECS, IdpfDefaults.ITR_MAX + 2)));
        assertEquals(Errno.EINVAL, e.errno());
    }

    @Test
    void seed001_channels_rx_1_tx_1_is_einval_from_6_10() throws Exception {
        EthtoolOps ops = ops("6.18");
        Channels before = ops.getChannels();
        // ethtool -L eth0 rx 1 tx 1: combined stays 8 in the request
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> ops.setChannels(before.with(ChannelParam.RX, 1).with(ChannelParam.TX, 1)));
        assertEquals(Errno.EINVAL, e.errno(), "Dedicated RX or TX channels cannot be used simultaneously");
        assertEquals(before, ops.getChannels());
    }

    @Test
    void seed001_channels_rx_1_tx_1_meant_one_queue_pair_before_6_10() throws Exception {
        EthtoolOps ops = ops("6.9");
        ops.setChannels(ops.getChannels().with(ChannelParam.RX, 1).with(ChannelParam.TX, 1));
        assertEquals(new Channels(16, 16, 1, 16, 0, 0, 1, 1), ops.getChannels());
    }

    @Test
    void channels_combined_and_asymmetric_from_6_10() throws Exception {
        EthtoolOps ops = ops("6.18");
        ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 1)); // ethtool -L eth0 combined 1
        assertEquals(new Channels(16, 16, 1, 16, 0, 0, 1, 1), ops.getChannels());
        ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 3).with(ChannelParam.TX, 1));
        assertEquals(new Channels(16, 16, 1, 16, 0, 1, 1, 3), ops.getChannels());
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> ops.setChannels(ops.getChannels().with(ChannelParam.COMBINED, 16).with(ChannelParam.TX, 1)));
        assertEquals(Errno.EINVAL, e.errno(), "Maximum TX queues is 16");
    }

    @Test
    void a_soft_reset_brings_coalescing_back_to_its_defaults() throws Exception {
        EthtoolOps ops = ops("6.18");
        ops.setCoalesce(ops.getCoalesce().with(CoalesceParam.USE_ADAPTIVE_RX, false).with(CoalesceParam.RX_USECS, 0));
        ops.setRingparam(ops.getRingparam().with(RingSize.RX, 1024));
        assertEquals(true, ops.getCoalesce().useAdaptiveRxCoalesce());
        assertEquals(50, ops.getCoalesce().rxCoalesceUsecs());
    }

    @Test
    void stats_names_cover_every_possible_queue() throws Exception {
        EthtoolOps ops = ops("6.18");
        var names = ops.getStringsStats();
        assertEquals(15 + 16 * 3 + 16 * 3, names.size());
        assertEquals("rx-csum_errors", names.get(0));
        assertEquals("tx_q-0_pkts", names.get(15));
        assertEquals("rx_q-15_rx_gro_hw_pkts", names.get(names.size() - 1));
        assertEquals(names.size(), ops.getEthtoolStats().length);
    }

    @Test
    void no_get_drvinfo_in_any_release() throws Exception {
        for (String release : new String[] {"6.7", "6.18"}) {
            EthtoolException e = assertThrows(EthtoolException.class, ops(release)::getDrvinfo);
            assertEquals(Errno.EOPNOTSUPP, e.errno());
            assertTrue(e.opAbsent(), "the core names the PCI driver");
        }
    }

    @Test
    void ts_info_absent_before_ptp_and_eopnotsupp_without_a_ptp_capable_control_plane() throws Exception {
        EthtoolException before = assertThrows(EthtoolException.class, ops("6.14")::getTsInfo);
        assertTrue(before.opAbsent(), "6.14: no get_ts_info, the core answers");
        EthtoolException after = assertThrows(EthtoolException.class, ops("6.15")::getTsInfo);
        assertEquals(Errno.EOPNOTSUPP, after.errno());
        assertFalse(after.opAbsent(), "6.15: idpf_get_ts_info without adapter->ptp");
    }

    /** Through the ethtool core ({@code ethtool_get_drvinfo}, {@code __ethtool_get_ts_info}), as {@code -i} and {@code -T} see it. */
    @Test
    void core_names_the_pci_driver_and_answers_ts_info_by_release() throws Exception {
        DriverHost old = DriverHost.boot("6.14", 2, "idpf");
        old.load(new IdpfDriver());
        var info = old.kernel().ethtool().getDrvinfo("eth0");
        assertEquals("idpf", info.driver());
        assertEquals("6.14.0-netmodel", info.version());
        assertEquals("", info.fwVersion());
        assertEquals("0000:00:03.0", info.busInfo());
        assertEquals(io.netmodel.api.ethtool.TsInfo.softwareReceiveOnly(), old.kernel().ethtool().getTsInfo("eth0"));
        DriverHost current = DriverHost.boot("6.15", 2, "idpf");
        current.load(new IdpfDriver());
        assertEquals(Errno.EOPNOTSUPP, assertThrows(EthtoolException.class,
            () -> current.kernel().ethtool().getTsInfo("eth0")).errno());
    }
}
