package io.netmodel.net;

/**
 * {@code struct rtnl_link_stats64}: the 24 counters of {@code statistics/}, in the order
 * sysfs lists them. The receive path updates them as packets move
 * ({@code stats.add(NetStats.RX_PACKETS, 1)}); {@code /proc/net/dev} folds some of them
 * together ({@link NetProcfs}). Counters are u64 and wrap like the kernel's.
 */
public final class NetStats {
    /** File names under {@code statistics/}, index = counter. */
    public static final String[] NAMES = {
        "rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors", "rx_dropped",
        "tx_dropped", "multicast", "collisions", "rx_length_errors", "rx_over_errors", "rx_crc_errors",
        "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors", "tx_aborted_errors",
        "tx_carrier_errors", "tx_fifo_errors", "tx_heartbeat_errors", "tx_window_errors",
        "rx_compressed", "tx_compressed", "rx_nohandler",
    };
    public static final int RX_PACKETS = 0;
    public static final int TX_PACKETS = 1;
    public static final int RX_BYTES = 2;
    public static final int TX_BYTES = 3;
    public static final int RX_ERRORS = 4;
    public static final int TX_ERRORS = 5;
    public static final int RX_DROPPED = 6;
    public static final int TX_DROPPED = 7;
    public static final int MULTICAST = 8;
    public static final int COLLISIONS = 9;
    public static final int RX_LENGTH_ERRORS = 10;
    public static final int RX_OVER_ERRORS = 11;
    public static final int RX_CRC_ERRORS = 12;
    public static final int RX_FRAME_ERRORS = 13;
    public static final int RX_FIFO_ERRORS = 14;
    public static final int RX_MISSED_ERRORS = 15;
    public static final int TX_ABORTED_ERRORS = 16;
    public static final int TX_CARRIER_ERRORS = 17;
    public static final int TX_FIFO_ERRORS = 18;
    public static final int TX_HEARTBEAT_ERRORS = 19;
    public static final int TX_WINDOW_ERRORS = 20;
    public static final int RX_COMPRESSED = 21;
    public static final int TX_COMPRESSED = 22;
    public static final int RX_NOHANDLER = 23;

    private final long[] counters = new long[NAMES.length];

    public long get(int index) {
        return counters[index];
    }

    public void add(int index, long delta) {
        counters[index] += delta;
    }
}
