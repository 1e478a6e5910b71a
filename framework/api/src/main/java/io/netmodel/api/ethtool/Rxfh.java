package io.netmodel.api.ethtool;

import java.util.Arrays;
import java.util.List;

/**
 * {@code struct ethtool_rxfh} as {@code ETHTOOL_GRSSH} returns it: the RSS indirection table
 * ({@code rss_config}, one RX queue index per entry), the hash key and the hash function bits
 * ({@code ETH_RSS_HASH_*}). An empty table or key means the device has none ({@code indir_size}
 * or {@code key_size} 0: ethtool prints "Operation not supported" for it).
 */
public final class Rxfh {
    /** {@code ETH_RSS_HASH_TOP}: Toeplitz. */
    public static final int ETH_RSS_HASH_TOP = 1;
    /** {@code ETH_RSS_HASH_XOR}. */
    public static final int ETH_RSS_HASH_XOR = 1 << 1;
    /** {@code ETH_RSS_HASH_CRC32}. */
    public static final int ETH_RSS_HASH_CRC32 = 1 << 2;
    /**
     * The {@code ETH_SS_RSS_HASH_FUNCS} string set ({@code rss_hash_func_strings} in
     * {@code net/ethtool/common.c}), bit i named by entry i.
     */
    public static final List<String> HASH_FUNC_NAMES = List.of("toeplitz", "xor", "crc32");

    /** {@code UDP_V4_FLOW}: the flow type of UDP over IPv4 ({@code ethtool -n DEV rx-flow-hash udp4}). */
    public static final int UDP_V4_FLOW = 0x02;
    /** {@code RXH_IP_SRC}: the hash reads the IP source address. */
    public static final int RXH_IP_SRC = 1 << 4;
    /** {@code RXH_IP_DST}: the hash reads the IP destination address. */
    public static final int RXH_IP_DST = 1 << 5;
    /** {@code RXH_L4_B_0_1}: the hash reads bytes 0 and 1 of the L4 header (TCP/UDP source port). */
    public static final int RXH_L4_B_0_1 = 1 << 6;
    /** {@code RXH_L4_B_2_3}: the hash reads bytes 2 and 3 of the L4 header (TCP/UDP destination port). */
    public static final int RXH_L4_B_2_3 = 1 << 7;

    /** {@code NETDEV_RSS_KEY_LEN}: bytes of the kernel's one RSS key. */
    public static final int NETDEV_RSS_KEY_LEN = 52;

    private final int[] indir;
    private final byte[] key;
    private final int hfunc;

    public Rxfh(int[] indir, byte[] key, int hfunc) {
        this.indir = indir.clone();
        this.key = key.clone();
        this.hfunc = hfunc;
    }

    /** The indirection table (a copy). */
    public int[] indir() {
        return indir.clone();
    }

    /** {@code indir_size}. */
    public int indirSize() {
        return indir.length;
    }

    /** Entry {@code i} of the table. */
    public int entry(int i) {
        return indir[i];
    }

    /** The hash key (a copy). */
    public byte[] key() {
        return key.clone();
    }

    /** {@code hfunc}: the {@code ETH_RSS_HASH_*} bits in use; 0 when the driver reports none. */
    public int hfunc() {
        return hfunc;
    }

    /** {@code ethtool_rxfh_indir_default} ({@code include/linux/ethtool.h}): {@code index % n_rx_rings}. */
    public static int indirDefault(int index, int nRxRings) {
        return index % nRxRings;
    }

    /** A table of {@code size} entries filled with {@link #indirDefault} over {@code nRxRings}. */
    public static int[] defaultTable(int size, int nRxRings) {
        int[] t = new int[size];
        for (int i = 0; i < size; i++) {
            t[i] = indirDefault(i, nRxRings);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rxfh r && Arrays.equals(indir, r.indir) && Arrays.equals(key, r.key) && hfunc == r.hfunc;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indir) * 31 + Arrays.hashCode(key) + hfunc;
    }

    @Override
    public String toString() {
        return "Rxfh[indir=" + Arrays.toString(indir) + ", keySize=" + key.length + ", hfunc=" + hfunc + "]";
    }
}
