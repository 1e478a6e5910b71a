package io.netmodel.drivers.igb;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.vfs.Errno;

/**
 * igb's RSS redirection table ({@code adapter->rss_indir_tbl}, {@code IGB_RETA_SIZE} = 128) and
 * key ({@code igb_main.c} {@code igb_setup_mrqc}, read from the source; {@code igb_ethtool.c}
 * {@code igb_set_rxfh} recalled). igb's own default is not {@code ethtool_rxfh_indir_default}: it
 * spreads in blocks, entry j = {@code j * rss_queues / 128} (queue 0 takes entries 0-31 of four
 * queues), and {@code igb_setup_mrqc} refills it whenever {@code rss_queues} differs from the count
 * it was filled for ({@code rss_indir_tbl_init}), whether or not the user set it (igb does not
 * look at {@code netif_is_rxfh_configured}). {@code ethtool -X default} writes the core's
 * {@code i % n} table instead.
 */
final class IgbRss {
    /** {@code IGB_RETA_SIZE}. */
    static final int RETA_SIZE = 128;
    /** The key igb writes: ten {@code E1000_RSSRK} registers, 40 bytes ({@code igb_get_rxfh_key_size} recalled). */
    static final int KEY_SIZE = 40;

    private final int[] table = new int[RETA_SIZE];
    private final byte[] key;
    /** {@code rss_indir_tbl_init}. */
    private int tblInit;

    /** With the first {@link #KEY_SIZE} bytes of the kernel's RSS key ({@code netdev_rss_key_fill} at probe). */
    IgbRss(byte[] key) {
        this.key = key.clone();
    }

    /** {@code igb_setup_mrqc}'s refill for {@code rssQueues}. */
    void setupMrqc(int rssQueues) {
        if (tblInit != rssQueues) {
            for (int j = 0; j < RETA_SIZE; j++) {
                table[j] = j * rssQueues / RETA_SIZE;
            }
            tblInit = rssQueues;
        }
    }

    /** The table and Toeplitz, without the key ({@code igb_get_rxfh} does not fill it). */
    Rxfh get() {
        return new Rxfh(table, new byte[0], Rxfh.ETH_RSS_HASH_TOP);
    }

    /** The key the hardware hashes with ({@code E1000_RSSRK}). */
    byte[] key() {
        return key.clone();
    }

    /** {@code igb_set_rxfh}: every entry below {@code rss_queues}, else EINVAL and nothing changes. */
    void set(int[] indir, int rssQueues) throws EthtoolException {
        for (int q : indir) {
            if (q >= rssQueues) {
                throw new EthtoolException(Errno.EINVAL);
            }
        }
        System.arraycopy(indir, 0, table, 0, RETA_SIZE);
    }
}
