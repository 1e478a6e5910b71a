package io.netmodel.drivers.ixgbe;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.vfs.Errno;

/**
 * The 82599's RSS redirection table ({@code adapter->rss_indir_tbl}) and key
 * ({@code ixgbe_main.c}, {@code ixgbe_ethtool.c}; read from the source for {@code ixgbe_setup_reta},
 * the rest recalled): {@code ixgbe_rss_indir_tbl_entries} is 128 on the 82599 (512 on the X550,
 * which the model does not have); entries are 4 bits there, so {@code ixgbe_rss_indir_tbl_max} is
 * 16, and RSS itself uses at most {@code IXGBE_MAX_RSS_INDICES} (16) queues however many Flow
 * Director adds. {@code ixgbe_setup_reta} fills entry i with {@code i % rss_i} whenever the
 * adapter is (re)configured with another queue count, whether or not the user set the table
 * (ixgbe does not look at {@code netif_is_rxfh_configured}; until a 2025 patch it refilled on every
 * reset): after {@code ethtool -L} the table is the default again. The key is filled once at
 * probe ({@code ixgbe_init_rss_key}) and survives resets; {@code ethtool -X hkey} replaces it.
 * UDP is hashed on the IP addresses only: {@code ixgbe_setup_mrqc} adds
 * {@code IXGBE_MRQC_RSS_FIELD_IPV4_UDP} only with {@code IXGBE_FLAG2_RSS_FIELD_IPV4_UDP}, which
 * {@code ethtool -N rx-flow-hash udp4 sdfn} sets and nothing sets by default (read from the source).
 */
final class IxgbeRss {
    /** {@code ixgbe_rss_indir_tbl_entries} for the 82599. */
    static final int RETA_ENTRIES = 128;
    /** {@code ixgbe_rss_indir_tbl_max} for the 82599 (4-bit entries), also {@code IXGBE_MAX_RSS_INDICES}. */
    static final int RETA_MAX = 16;
    /** {@code IXGBE_RSS_KEY_SIZE}. */
    static final int KEY_SIZE = 40;

    private final int[] table = new int[RETA_ENTRIES];
    private final byte[] key;
    private int lastRssI = -1;

    /** With the first {@link #KEY_SIZE} bytes of the kernel's RSS key ({@code netdev_rss_key_fill} at probe). */
    IxgbeRss(byte[] key) {
        this.key = key.clone();
    }

    /** {@code ixgbe_setup_reta} for {@code numRxQueues} queues: RSS spreads over min(queues, 16). */
    void setupReta(int numRxQueues) {
        int rssI = Math.max(1, Math.min(numRxQueues, RETA_MAX));
        if (rssI != lastRssI) {
            for (int i = 0; i < RETA_ENTRIES; i++) {
                table[i] = Rxfh.indirDefault(i, rssI);
            }
            lastRssI = rssI;
        }
    }

    Rxfh get() {
        return new Rxfh(table, key, Rxfh.ETH_RSS_HASH_TOP);
    }

    /** {@code ixgbe_set_rxfh}: every entry below min(num_rx_queues, 16), else EINVAL and nothing changes. */
    void set(int[] indir, int numRxQueues) throws EthtoolException {
        set(indir, null, numRxQueues);
    }

    /**
     * {@code ixgbe_set_rxfh} with a table and/or a key (null: unchanged): the table is checked
     * first (EINVAL, nothing changes), then the key is copied ({@code ixgbe_store_key}: the
     * {@code RSSRK} registers) and the table written ({@code ixgbe_store_reta}).
     */
    void set(int[] indir, byte[] newKey, int numRxQueues) throws EthtoolException {
        if (indir != null) {
            int maxQueues = Math.min(numRxQueues, RETA_MAX);
            for (int q : indir) {
                if (q >= maxQueues) {
                    throw new EthtoolException(Errno.EINVAL);
                }
            }
            System.arraycopy(indir, 0, table, 0, RETA_ENTRIES);
        }
        if (newKey != null) {
            System.arraycopy(newKey, 0, key, 0, KEY_SIZE);
        }
    }
}
