package io.netmodel.api.netdev;

/**
 * {@code struct netdev_queue_stats_rx} ({@code include/net/netdev_queues.h}): what a driver's
 * {@code get_queue_stats_rx} and {@code get_base_stats} fill in. The core hands it over with
 * every field {@link #NOT_SET} (it {@code memset}s the struct to {@code 0xff}), and only a field
 * the driver wrote is reported ({@code netdev_stat_put} in {@code net/core/netdev-genl.c} skips
 * {@code NETDEV_STAT_NOT_SET}). Fields follow the kernel's names; {@link #values()} gives them
 * in the order {@code netdev_nl_stats_write_rx} puts them on the wire, named by {@link #ATTRS}.
 *
 * @since 1.6
 */
public final class QueueStatsRx {
    /** {@code NETDEV_STAT_NOT_SET} ({@code ~0ULL}): the driver does not report this counter. */
    public static final long NOT_SET = -1L;

    /** The {@code qstats} attribute of each of {@link #values()}, in wire order. */
    public static final java.util.List<String> ATTRS = java.util.List.of("rx-packets", "rx-bytes",
        "rx-alloc-fail", "rx-hw-drops", "rx-hw-drop-overruns", "rx-csum-complete", "rx-csum-unnecessary",
        "rx-csum-none", "rx-csum-bad", "rx-hw-gro-packets", "rx-hw-gro-bytes", "rx-hw-gro-wire-packets",
        "rx-hw-gro-wire-bytes", "rx-hw-drop-ratelimits");

    public long packets = NOT_SET;
    public long bytes = NOT_SET;
    public long allocFail = NOT_SET;
    public long hwDrops = NOT_SET;
    public long hwDropOverruns = NOT_SET;
    public long csumComplete = NOT_SET;
    public long csumUnnecessary = NOT_SET;
    public long csumNone = NOT_SET;
    public long csumBad = NOT_SET;
    public long hwGroPackets = NOT_SET;
    public long hwGroBytes = NOT_SET;
    public long hwGroWirePackets = NOT_SET;
    public long hwGroWireBytes = NOT_SET;
    public long hwDropRatelimits = NOT_SET;

    /** The fields in wire order ({@link #ATTRS}). */
    public long[] values() {
        return new long[] {packets, bytes, allocFail, hwDrops, hwDropOverruns, csumComplete, csumUnnecessary,
            csumNone, csumBad, hwGroPackets, hwGroBytes, hwGroWirePackets, hwGroWireBytes, hwDropRatelimits};
    }

    /** Whether any field was written ({@code memchr_inv(&rx, 0xff, sizeof(rx))}). */
    public boolean anySet() {
        for (long v : values()) {
            if (v != NOT_SET) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code netdev_nl_stats_add}: adds each field of {@code add} to this one where both are set;
     * a field either side does not report stays as it is.
     */
    public void add(QueueStatsRx add) {
        packets = sum(packets, add.packets);
        bytes = sum(bytes, add.bytes);
        allocFail = sum(allocFail, add.allocFail);
        hwDrops = sum(hwDrops, add.hwDrops);
        hwDropOverruns = sum(hwDropOverruns, add.hwDropOverruns);
        csumComplete = sum(csumComplete, add.csumComplete);
        csumUnnecessary = sum(csumUnnecessary, add.csumUnnecessary);
        csumNone = sum(csumNone, add.csumNone);
        csumBad = sum(csumBad, add.csumBad);
        hwGroPackets = sum(hwGroPackets, add.hwGroPackets);
        hwGroBytes = sum(hwGroBytes, add.hwGroBytes);
        hwGroWirePackets = sum(hwGroWirePackets, add.hwGroWirePackets);
        hwGroWireBytes = sum(hwGroWireBytes, add.hwGroWireBytes);
        hwDropRatelimits = sum(hwDropRatelimits, add.hwDropRatelimits);
    }

    static long sum(long sum, long add) {
        return add != NOT_SET && sum != NOT_SET ? sum + add : sum;
    }
}
