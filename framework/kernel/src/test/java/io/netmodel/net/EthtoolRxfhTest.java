package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.RssTableOps;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RSS indirection table through the ethtool core ({@code ethtool_get_rxfh},
 * {@code ethtool_set_rxfh}, {@code ethnl_set_channels}' check against a configured table) on a
 * driver that keeps its table and re-spreads the default on a channel change unless configured.
 */
class EthtoolRxfhTest {
    private static Host host(String version, ConfigNapiDriver cfg) {
        Host h = Host.with(version, 2, 4, cfg);
        cfg.dev.setEthtoolOps(new RssTableOps(cfg, 4, 4, 128));
        return h;
    }

    private static int[] table(Host h) throws EthtoolException {
        return h.kernel.ethtool().getRxfh("eth0").indir();
    }

    private static NetDeviceImpl eth0(Host h) {
        return h.kernel.netdevs().byName("eth0");
    }

    @Test
    void default_table_is_i_mod_rings_with_key_and_toeplitz() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        Rxfh r = h.kernel.ethtool().getRxfh("eth0");
        assertEquals(4, h.kernel.ethtool().getRxRings("eth0"));
        assertArrayEquals(Rxfh.defaultTable(128, 4), r.indir());
        assertEquals(3, r.entry(127));
        assertEquals(40, r.key().length);
        assertEquals(Rxfh.ETH_RSS_HASH_TOP, r.hfunc());
        assertFalse(eth0(h).rxfhConfigured());
    }

    /**
     * {@code ETHTOOL_SRSSH} with a key: of the device's {@code key_size} or EINVAL, neither table
     * nor key EINVAL, nothing changed by a refusal; a key alone keeps the table and
     * {@code IFF_RXFH_CONFIGURED} as they are, a table and a key go in together.
     */
    @Test
    void a_key_of_the_device_size_replaces_it_and_leaves_the_table() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        byte[] before = h.kernel.ethtool().getRxfh("eth0").key();
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setRxfh("eth0", null, new byte[39])).errno());
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setRxfh("eth0", null, null)).errno(), "ETH_RXFH_INDIR_NO_CHANGE and no key");
        int[] bad = new int[128];
        bad[5] = 4;
        assertEquals(Errno.EINVAL, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setRxfh("eth0", bad, new byte[40])).errno(), "an entry beyond the rings");
        assertArrayEquals(before, h.kernel.ethtool().getRxfh("eth0").key(), "refusals change nothing");
        byte[] key = new byte[40];
        key[0] = 0x6d;
        Rxfh r = h.kernel.ethtool().setRxfh("eth0", null, key);
        assertArrayEquals(key, r.key());
        assertArrayEquals(Rxfh.defaultTable(128, 4), r.indir());
        assertFalse(eth0(h).rxfhConfigured(), "a key alone is no table");
        int[] t = new int[128];
        key[1] = 1;
        r = h.kernel.ethtool().setRxfh("eth0", t, key);
        assertArrayEquals(t, r.indir());
        assertArrayEquals(key, r.key());
        assertTrue(eth0(h).rxfhConfigured());
    }

    @Test
    void a_table_sets_configured_and_default_clears_it() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        int[] t = new int[128];
        java.util.Arrays.fill(t, 64, 128, 1);
        assertArrayEquals(t, h.kernel.ethtool().setRxfhIndir("eth0", t).indir());
        assertTrue(eth0(h).rxfhConfigured());
        assertArrayEquals(Rxfh.defaultTable(128, 4), h.kernel.ethtool().setRxfhIndir("eth0", new int[0]).indir());
        assertFalse(eth0(h).rxfhConfigured());
    }

    @Test
    void entries_not_below_the_ring_count_or_a_wrong_size_are_einval_and_change_nothing() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        int[] bad = Rxfh.defaultTable(128, 5); // entries 0..4, 4 rings
        EthtoolException e = assertThrows(EthtoolException.class, () -> h.kernel.ethtool().setRxfhIndir("eth0", bad));
        assertEquals(Errno.EINVAL, e.errno());
        e = assertThrows(EthtoolException.class, () -> h.kernel.ethtool().setRxfhIndir("eth0", new int[64]));
        assertEquals(Errno.EINVAL, e.errno());
        assertArrayEquals(Rxfh.defaultTable(128, 4), table(h));
        assertFalse(eth0(h).rxfhConfigured());
    }

    @Test
    void a_device_without_the_ops_is_eopnotsupp() throws Exception {
        Host h = Host.with("6.19", 2, 4, new ConfigNapiDriver(4, false));
        assertEquals(Errno.EOPNOTSUPP, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().getRxRings("eth0")).errno());
        assertEquals(Errno.EOPNOTSUPP, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().getRxfh("eth0")).errno());
        assertEquals(Errno.EOPNOTSUPP, assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setRxfhIndir("eth0", new int[0])).errno());
        assertEquals(null, EthtoolCore.rssIndir(eth0(h)));
    }

    @Test
    void an_unconfigured_table_is_respread_over_the_new_count() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, 2L));
        assertArrayEquals(Rxfh.defaultTable(128, 2), table(h));
        assertEquals(2, h.kernel.ethtool().getRxRings("eth0"));
    }

    @Test
    void a_configured_table_refuses_counts_at_or_below_its_highest_queue_and_stays() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        int[] t = Rxfh.defaultTable(128, 3); // queues 0..2
        h.kernel.ethtool().setRxfhIndir("eth0", t);
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, 2L)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("requested channel counts are too low for existing indirection table (2)", e.extack());
        assertEquals(4, h.kernel.ethtool().getChannels("eth0").combinedCount(), "nothing applied");
        assertEquals(3, h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, 3L)).combinedCount());
        assertArrayEquals(t, table(h), "a configured table is kept");
    }

    @Test
    void before_6_11_the_extack_does_not_name_the_queue() throws Exception {
        Host h = host("6.10", new ConfigNapiDriver(4, false));
        h.kernel.ethtool().setRxfhIndir("eth0", Rxfh.defaultTable(128, 4));
        EthtoolException e = assertThrows(EthtoolException.class,
            () -> h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, 3L)));
        assertEquals("requested channel counts are too low for existing indirection table settings", e.extack());
    }

    @Test
    void after_default_the_count_may_shrink_again() throws Exception {
        Host h = host("6.19", new ConfigNapiDriver(4, false));
        h.kernel.ethtool().setRxfhIndir("eth0", Rxfh.defaultTable(128, 4));
        h.kernel.ethtool().setRxfhIndir("eth0", new int[0]);
        assertEquals(1, h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, 1L)).combinedCount());
        assertArrayEquals(new int[128], table(h));
    }
}
