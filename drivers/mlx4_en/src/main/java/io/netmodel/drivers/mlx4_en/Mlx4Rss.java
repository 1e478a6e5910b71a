package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.vfs.Errno;

/**
 * mlx4_en's RSS ({@code en_ethtool.c}, read from the source): there is no free-form table. The
 * RSS QP group spreads over {@code prof->rss_rings} rings (0: all of {@code rx_ring_num}),
 * rounded down to a power of two, and {@code mlx4_en_get_rxfh} reports a table of
 * {@code rounddown_pow_of_two(rx_ring_num)} entries, entry i = {@code i % rss_rings}.
 * {@code mlx4_en_set_rxfh} accepts only such a table (the ring count read from where the first 0
 * after entry 0 appears, a power of two), else EINVAL: {@code ethtool -X equal 2} works,
 * {@code weight 1 0 0 0} does not. The ring count stays in the profile across {@code ethtool -L}.
 * The key is {@code MLX4_EN_RSS_KEY_SIZE} (40) bytes of {@code netdev_rss_key_fill}; the hash
 * function Toeplitz ({@code rss_hash_fn}, recalled). UDP is hashed on the 4-tuple while the
 * {@code udp_rss} module parameter is 1 (its default): {@code mlx4_en_get_profile} keeps it on a
 * device with {@code MLX4_DEV_CAP_FLAG_UDP_RSS} (read from the source) and
 * {@code mlx4_en_config_rss_steer} adds {@code MLX4_RSS_UDP_IPV4} for it (recalled); the modelled
 * ConnectX-3 has the capability.
 */
final class Mlx4Rss {
    /** {@code MLX4_EN_RSS_KEY_SIZE}. */
    static final int KEY_SIZE = 40;

    private final byte[] key;
    /** {@code priv->prof->rss_rings}: 0 until {@code ethtool -X} sets it. */
    private int rssRings;

    /** With the first {@link #KEY_SIZE} bytes of the kernel's RSS key ({@code netdev_rss_key_fill} at probe). */
    Mlx4Rss(byte[] key) {
        this.key = key.clone();
    }

    /** {@code mlx4_en_get_rxfh_indir_size}: {@code rounddown_pow_of_two(rx_ring_num)}. */
    static int indirSize(int rxRingNum) {
        return Integer.highestOneBit(Math.max(1, rxRingNum));
    }

    /** {@code mlx4_en_get_rxfh}. */
    Rxfh get(int rxRingNum) {
        int n = indirSize(rxRingNum);
        int rings = Integer.highestOneBit(rssRings != 0 ? rssRings : n);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % rings;
        }
        return new Rxfh(t, key, Rxfh.ETH_RSS_HASH_TOP);
    }

    /** {@code mlx4_en_set_rxfh}: only an {@code i % 2^k} table. */
    void set(int[] indir) throws EthtoolException {
        int n = indir.length;
        int rings = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && indir[i] == 0 && rings == 0) {
                rings = i;
            }
            if (indir[i] != i % (rings != 0 ? rings : n)) {
                throw new EthtoolException(Errno.EINVAL);
            }
        }
        if (rings == 0) {
            rings = n;
        }
        if (Integer.bitCount(rings) != 1) {
            throw new EthtoolException(Errno.EINVAL);
        }
        rssRings = rings; // the port restart that follows is not acted out
    }

    /**
     * {@code mlx4_en_set_rxfh} with a table and/or a key (null: unchanged): the table is checked
     * as by {@link #set(int[])} (EINVAL, nothing changes), then the key copied to
     * {@code priv->rss_key}, which the restarted port's RSS context hashes with. Without a table
     * the ring count is the table size, a power of two: a key alone is always taken.
     */
    void set(int[] indir, byte[] newKey) throws EthtoolException {
        if (indir != null) {
            set(indir);
        }
        if (newKey != null) {
            System.arraycopy(newKey, 0, key, 0, KEY_SIZE);
        }
    }
}
