package io.netmodel.net;

/**
 * {@code struct rtnl_link_stats64}: the 24 counters of {@code statistics/}, in the order
 * sysfs lists them. The receive path updates them as packets move.
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
    public static final int RX_DROPPED = 6;

    private final long[] counters = new long[NAMES.length];

    public long get(int index) {
        return counters[index];
    }

    public void add(int index, long delta) {
        counters[index] += delta;
    }
}
