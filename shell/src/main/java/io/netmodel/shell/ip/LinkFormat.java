package io.netmodel.shell.ip;

import io.netmodel.api.rtnl.LinkInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * How iproute2 6.1 prints a link ({@code ip/ipaddress.c}: {@code print_linkinfo},
 * {@code print_link_flags}, {@code print_link_stats64}, {@code print_linkinfo_brief}), in text,
 * brief and JSON form.
 */
public final class LinkFormat {
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int IFF_UP = 0x1;
    private static final int IFF_RUNNING = 0x40;
    /** {@code print_link_flags}' {@code _PF} order. */
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};
    private static final int[] FLAG_BITS = {0x8, 0x2, 0x10, 0x1000, 0x80, 0x200, 0x100, 0x400, 0x800, 0x4, 0x8000,
        0x4000, 0x2000, 0x20, 0x1, 0x10000, 0x20000, 0x40000};

    private LinkFormat() {
    }

    /** {@code print_link_flags}: NO-CARRIER first when up but not running, then the named bits, then any rest in hex. */
    static List<String> flags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & IFF_UP) != 0 && (flags & IFF_RUNNING) == 0) {
            names.add("NO-CARRIER");
        }
        int rest = flags & ~IFF_RUNNING;
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((rest & FLAG_BITS[i]) != 0) {
                rest &= ~FLAG_BITS[i];
                names.add(FLAG_NAMES[i]);
            }
        }
        if (rest != 0) {
            names.add(Integer.toHexString(rest));
        }
        return names;
    }

    /** {@code rtnl_group_n2a}: 0 is {@code default} (/etc/iproute2/group), others their number. */
    static String group(int group) {
        return group == 0 ? "default" : Integer.toString(group);
    }

    static String linkMode(int mode) {
        return mode == 0 ? "DEFAULT" : mode == 1 ? "DORMANT" : "mode " + mode;
    }

    static String linkType(LinkInfo l) {
        return l.type() == ARPHRD_LOOPBACK ? "loopback" : "ether";
    }

    static String mac(byte[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i > 0 ? ":" : "").append(String.format("%02x", a[i] & 0xff));
        }
        return sb.toString();
    }

    /** {@code ip link show} (with {@code -s} when {@code stats} > 0). */
    public static String text(LinkInfo l, int stats) {
        StringBuilder sb = new StringBuilder();
        sb.append(l.ifindex()).append(": ").append(l.name()).append(": <").append(String.join(",", flags(l.flags())))
            .append("> mtu ").append(l.mtu()).append(" qdisc ").append(l.qdisc()).append(" state ").append(l.operstate())
            .append(" mode ").append(linkMode(l.linkMode())).append(" group ").append(group(l.group()))
            .append(" qlen ").append(l.txqlen()).append('\n');
        sb.append("    link/").append(linkType(l)).append(' ').append(mac(l.address())).append(" brd ")
            .append(mac(l.broadcast()));
        if (stats > 0) {
            sb.append('\n');
            stats64(sb, l, stats > 1);
        }
        return sb.append('\n').toString();
    }

    /**
     * {@code print_link_stats64}: columns at least as wide as their widest header word, widened
     * by {@code size_columns} for bigger numbers; each number {@code "%*lu "}. With {@code -s -s}
     * the error breakdown lines follow.
     */
    private static void stats64(StringBuilder sb, LinkInfo l, boolean extended) {
        int[] cols = {"*X errors:".length(), "packets".length(), "errors".length(), "dropped".length(),
            "heartbt".length(), "overrun".length(), "compressed".length(), "otherhost".length()};
        size(cols, l.stat("rx_bytes"), l.stat("rx_packets"), l.stat("rx_errors"), l.stat("rx_dropped"),
            l.stat("rx_missed_errors"), l.stat("multicast"), l.stat("rx_compressed"));
        if (extended) {
            size(cols, 0, l.stat("rx_length_errors"), l.stat("rx_crc_errors"), l.stat("rx_frame_errors"),
                l.stat("rx_fifo_errors"), l.stat("rx_over_errors"), l.stat("rx_nohandler"));
        }
        size(cols, l.stat("tx_bytes"), l.stat("tx_packets"), l.stat("tx_errors"), l.stat("tx_dropped"),
            l.stat("tx_carrier_errors"), l.stat("collisions"), l.stat("tx_compressed"));
        if (extended) {
            size(cols, 0, 0, l.stat("tx_aborted_errors"), l.stat("tx_fifo_errors"), l.stat("tx_window_errors"),
                l.stat("tx_heartbeat_errors"), l.carrierChanges());
        }
        long rxCompressed = l.stat("rx_compressed");
        sb.append(String.format("    RX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
            + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s\n", "bytes", "packets", "errors", "dropped",
            "missed", "mcast", rxCompressed != 0 ? "compressed" : ""));
        sb.append("    ");
        nums(sb, cols, l.stat("rx_bytes"), l.stat("rx_packets"), l.stat("rx_errors"), l.stat("rx_dropped"),
            l.stat("rx_missed_errors"), l.stat("multicast"));
        if (rxCompressed != 0) {
            num(sb, cols[6], rxCompressed);
        }
        if (extended) {
            sb.append("\n    RX errors:").append(" ".repeat(Math.max(0, cols[0] - 10)));
            sb.append(String.format(" %" + cols[1] + "s %" + cols[2] + "s %" + cols[3] + "s %" + cols[4] + "s %"
                + cols[5] + "s", "length", "crc", "frame", "fifo", "overrun"));
            if (l.stat("rx_nohandler") != 0) {
                sb.append(String.format(" %" + cols[6] + "s", "nohandler"));
            }
            sb.append('\n').append(" ".repeat(cols[0] + 5));
            nums(sb, new int[] {cols[1], cols[2], cols[3], cols[4], cols[5]}, l.stat("rx_length_errors"),
                l.stat("rx_crc_errors"), l.stat("rx_frame_errors"), l.stat("rx_fifo_errors"), l.stat("rx_over_errors"));
            if (l.stat("rx_nohandler") != 0) {
                num(sb, cols[6], l.stat("rx_nohandler"));
            }
        }
        long txCompressed = l.stat("tx_compressed");
        sb.append(String.format("\n    TX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
            + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s\n", "bytes", "packets", "errors", "dropped",
            "carrier", "collsns", txCompressed != 0 ? "compressed" : ""));
        sb.append("    ");
        nums(sb, cols, l.stat("tx_bytes"), l.stat("tx_packets"), l.stat("tx_errors"), l.stat("tx_dropped"),
            l.stat("tx_carrier_errors"), l.stat("collisions"));
        if (txCompressed != 0) {
            num(sb, cols[6], txCompressed);
        }
        if (extended) {
            // sized with cols[2..6] above but printed in cols[1..5], as iproute2 6.1 does
            sb.append("\n    TX errors:").append(" ".repeat(Math.max(0, cols[0] - 10)));
            sb.append(String.format(" %" + cols[1] + "s %" + cols[2] + "s %" + cols[3] + "s %" + cols[4] + "s %"
                + cols[5] + "s\n", "aborted", "fifo", "window", "heartbt", "transns"));
            sb.append(" ".repeat(cols[0] + 5));
            nums(sb, new int[] {cols[1], cols[2], cols[3], cols[4], cols[5]}, l.stat("tx_aborted_errors"),
                l.stat("tx_fifo_errors"), l.stat("tx_window_errors"), l.stat("tx_heartbeat_errors"), l.carrierChanges());
        }
    }

    private static void size(int[] cols, long... values) {
        for (int i = 0; i < values.length; i++) {
            int len = Long.toUnsignedString(values[i]).length();
            cols[i] = Math.max(cols[i], len);
        }
    }

    private static void nums(StringBuilder sb, int[] cols, long... values) {
        for (int i = 0; i < values.length; i++) {
            num(sb, cols[i], values[i]);
        }
    }

    private static void num(StringBuilder sb, int width, long value) {
        sb.append(String.format("%" + width + "s ", Long.toUnsignedString(value)));
    }

    /** {@code ip -br link}: {@code print_linkinfo_brief}. */
    public static String brief(LinkInfo l) {
        return String.format("%-16s %-14s %s <%s> %n", l.name(), l.operstate(), mac(l.address()),
            String.join(",", flags(l.flags())));
    }

    /** One element of {@code ip -j link}; {@code stats} adds {@code stats64}. */
    public static void json(Json j, LinkInfo l, int stats) {
        j.beginObject();
        j.field("ifindex").number(l.ifindex());
        j.field("ifname").string(l.name());
        j.field("flags").beginArray();
        for (String f : flags(l.flags())) {
            j.string(f);
        }
        j.endArray();
        j.field("mtu").number(l.mtu());
        j.field("qdisc").string(l.qdisc());
        j.field("operstate").string(l.operstate());
        j.field("linkmode").string(linkMode(l.linkMode()));
        j.field("group").string(group(l.group()));
        j.field("txqlen").number(l.txqlen());
        j.field("link_type").string(linkType(l));
        j.field("address").string(mac(l.address()));
        j.field("broadcast").string(mac(l.broadcast()));
        if (stats > 0) {
            j.field("stats64").beginObject();
            j.field("rx").beginObject();
            j.field("bytes").number(l.stat("rx_bytes"));
            j.field("packets").number(l.stat("rx_packets"));
            j.field("errors").number(l.stat("rx_errors"));
            j.field("dropped").number(l.stat("rx_dropped"));
            j.field("over_errors").number(l.stat("rx_over_errors"));
            j.field("multicast").number(l.stat("multicast"));
            if (l.stat("rx_compressed") != 0) {
                j.field("compressed").number(l.stat("rx_compressed"));
            }
            if (stats > 1) {
                j.field("length_errors").number(l.stat("rx_length_errors"));
                j.field("crc_errors").number(l.stat("rx_crc_errors"));
                j.field("frame_errors").number(l.stat("rx_frame_errors"));
                j.field("fifo_errors").number(l.stat("rx_fifo_errors"));
                j.field("missed_errors").number(l.stat("rx_missed_errors"));
                if (l.stat("rx_nohandler") != 0) {
                    j.field("nohandler").number(l.stat("rx_nohandler"));
                }
            }
            j.endObject();
            j.field("tx").beginObject();
            j.field("bytes").number(l.stat("tx_bytes"));
            j.field("packets").number(l.stat("tx_packets"));
            j.field("errors").number(l.stat("tx_errors"));
            j.field("dropped").number(l.stat("tx_dropped"));
            j.field("carrier_errors").number(l.stat("tx_carrier_errors"));
            j.field("collisions").number(l.stat("collisions"));
            if (l.stat("tx_compressed") != 0) {
                j.field("compressed").number(l.stat("tx_compressed"));
            }
            if (stats > 1) {
                j.field("aborted_errors").number(l.stat("tx_aborted_errors"));
                j.field("fifo_errors").number(l.stat("tx_fifo_errors"));
                j.field("window_errors").number(l.stat("tx_window_errors"));
                j.field("heartbeat_errors").number(l.stat("tx_heartbeat_errors"));
            }
            j.endObject();
            j.endObject();
        }
        j.endObject();
    }
}
