package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.SeqFmt;
import java.util.List;

/**
 * {@code net/core/net-procfs.c}: {@code /proc/net/dev} ({@code dev_seq_show},
 * {@code dev_seq_printf_stats}) and {@code /proc/net/softnet_stat} ({@code softnet_seq_show}),
 * both 0444 seq_files (kernel-interfaces.md §5, §9 fact 13).
 *
 * <p>On a real host {@code /proc/net} is a symlink to {@code self/net} (the reader's network
 * namespace); the model has one namespace and serves a plain directory.
 */
public final class NetProcfs {
    /** The two header lines of {@code dev_seq_show}, verbatim. */
    static final String DEV_HEADER =
        "Inter-|   Receive                                                |  Transmit\n"
        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
        + "drop fifo colls carrier compressed\n";

    private final KernelProfile profile;
    private final NetdevRegistry netdevs;
    private final List<SoftnetData> softnet;
    private final java.util.function.IntPredicate online;

    /** {@code online}: {@code cpu_online}, which CPUs have a {@code softnet_stat} row. */
    public NetProcfs(KTree tree, KernelProfile profile, NetdevRegistry netdevs, List<SoftnetData> softnet,
                     java.util.function.IntPredicate online) {
        this.online = online;
        this.profile = profile;
        this.netdevs = netdevs;
        this.softnet = softnet;
        KDir dir = tree.mkdirs("/proc/net");
        dir.attr("dev", 0444, KAttr.Flavor.PROC, this::showDev, null);
        dir.attr("softnet_stat", 0444, KAttr.Flavor.PROC, this::showSoftnetStat, null);
    }

    /**
     * {@code dev_seq_show}: the header, then one row per device in ifindex order
     * ({@code for_each_netdev_dump}), with {@code rx_missed_errors} folded into drop, the four
     * rx length/over/crc/frame errors into frame and the four tx carrier/aborted/window/heartbeat
     * errors into carrier. Format:
     * {@code "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu\n"}.
     */
    String showDev() {
        List<NetDeviceImpl> devs = netdevs.devices();
        StringBuilder sb = new StringBuilder(DEV_HEADER.length() + devs.size() * 128);
        sb.append(DEV_HEADER);
        for (NetDeviceImpl d : devs) {
            NetStats s = d.stats();
            SeqFmt.right(sb, d.name(), 6).append(':');
            col(sb, s.get(NetStats.RX_BYTES), 7);
            col(sb, s.get(NetStats.RX_PACKETS), 7);
            col(sb, s.get(NetStats.RX_ERRORS), 4);
            col(sb, s.get(NetStats.RX_DROPPED) + s.get(NetStats.RX_MISSED_ERRORS), 4);
            col(sb, s.get(NetStats.RX_FIFO_ERRORS), 4);
            col(sb, s.get(NetStats.RX_LENGTH_ERRORS) + s.get(NetStats.RX_OVER_ERRORS)
                + s.get(NetStats.RX_CRC_ERRORS) + s.get(NetStats.RX_FRAME_ERRORS), 5);
            col(sb, s.get(NetStats.RX_COMPRESSED), 10);
            col(sb, s.get(NetStats.MULTICAST), 9);
            col(sb, s.get(NetStats.TX_BYTES), 8);
            col(sb, s.get(NetStats.TX_PACKETS), 7);
            col(sb, s.get(NetStats.TX_ERRORS), 4);
            col(sb, s.get(NetStats.TX_DROPPED), 4);
            col(sb, s.get(NetStats.TX_FIFO_ERRORS), 4);
            col(sb, s.get(NetStats.COLLISIONS), 5);
            col(sb, s.get(NetStats.TX_CARRIER_ERRORS) + s.get(NetStats.TX_ABORTED_ERRORS)
                + s.get(NetStats.TX_WINDOW_ERRORS) + s.get(NetStats.TX_HEARTBEAT_ERRORS), 7);
            col(sb, s.get(NetStats.TX_COMPRESSED), 10);
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code softnet_seq_show}: one line per online CPU in CPU order, every column {@code %08x}
     * of a u32. Columns: processed, dropped, time_squeeze, five zeros (was fastroute), zero (was
     * cpu_collision; the model has no tx lock contention), received_rps, flow_limit_count
     * (11 columns, 3.11-5.9); then backlog length and the CPU id ({@code (int)seq->index},
     * 13 columns from 5.10); then input_pkt_queue and process_queue lengths (15 from 6.4).
     */
    String showSoftnetStat() {
        int columns = profile.has(Behaviour.SOFTNET_STAT_15_COLUMNS) ? 15
            : profile.has(Behaviour.SOFTNET_STAT_13_COLUMNS) ? 13 : 11;
        StringBuilder sb = new StringBuilder(softnet.size() * 9 * columns);
        for (SoftnetData sd : softnet) {
            if (!online.test(sd.cpu)) {
                continue; // softnet_get_online
            }
            int[] row = {
                sd.processed, sd.dropped, sd.timeSqueeze, 0, 0, 0, 0, 0, 0, sd.receivedRps, sd.flowLimitCount,
                sd.backlogLen(), sd.cpu, sd.inputPktQueueLen, sd.processQueueLen,
            };
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                SeqFmt.hex8(sb, row[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code " %<width>llu"}: a space, then the u64 right-justified (never truncated). */
    private static void col(StringBuilder sb, long value, int width) {
        SeqFmt.rightUnsigned(sb.append(' '), value, width);
    }
}
