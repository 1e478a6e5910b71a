package io.netmodel.shell.cmd.ethtool;

import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.Drvinfo;
import io.netmodel.api.ethtool.EthtoolStat;
import io.netmodel.api.ethtool.Features;
import io.netmodel.api.ethtool.LinkKsettings;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.ethtool.TsInfo;
import java.util.List;

/**
 * ethtool 6.1's text output, one method per mode (formats of ethtool's {@code ethtool.c}
 * {@code dump_drvinfo}/{@code do_gnicstats} and {@code netlink/{coalesce,rings,channels,features,
 * tsinfo}.c}), checked byte for byte against ethtool 6.1 on a virtio_net host where it can show
 * them.
 */
final class EthtoolFormat {
    private EthtoolFormat() {
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** {@code dump_drvinfo}. */
    static String drvinfo(Drvinfo d) {
        return "driver: " + d.driver() + "\n"
            + "version: " + d.version() + "\n"
            + "firmware-version: " + d.fwVersion() + "\n"
            + "expansion-rom-version: " + d.eromVersion() + "\n"
            + "bus-info: " + d.busInfo() + "\n"
            + "supports-statistics: " + yesNo(d.nStats() > 0) + "\n"
            + "supports-test: " + yesNo(d.testinfoLen() > 0) + "\n"
            + "supports-eeprom-access: " + yesNo(d.eedumpLen() > 0) + "\n"
            + "supports-register-dump: " + yesNo(d.regdumpLen() > 0) + "\n"
            + "supports-priv-flags: " + yesNo(d.nPrivFlags() > 0) + "\n";
    }

    /** {@code show_u32}: a value the reply lacks is {@code n/a}. */
    private static String u32(boolean present, long v) {
        return present ? Long.toString(v) : "n/a";
    }

    /** {@code coalesce_reply_cb}: only {@code supported_coalesce_params} are in the reply. */
    static String coalesce(String dev, Coalesce c, int supported) {
        StringBuilder b = new StringBuilder("Coalesce parameters for ").append(dev).append(":\n");
        b.append("Adaptive RX: ").append(flag(c, supported, CoalesceParam.USE_ADAPTIVE_RX))
            .append("  TX: ").append(flag(c, supported, CoalesceParam.USE_ADAPTIVE_TX)).append('\n');
        line(b, c, supported, CoalesceParam.STATS_BLOCK_USECS, "stats-block-usecs");
        line(b, c, supported, CoalesceParam.RATE_SAMPLE_INTERVAL, "sample-interval");
        line(b, c, supported, CoalesceParam.PKT_RATE_LOW, "pkt-rate-low");
        line(b, c, supported, CoalesceParam.PKT_RATE_HIGH, "pkt-rate-high");
        b.append('\n');
        line(b, c, supported, CoalesceParam.RX_USECS, "rx-usecs");
        line(b, c, supported, CoalesceParam.RX_MAX_FRAMES, "rx-frames");
        line(b, c, supported, CoalesceParam.RX_USECS_IRQ, "rx-usecs-irq");
        line(b, c, supported, CoalesceParam.RX_MAX_FRAMES_IRQ, "rx-frames-irq");
        b.append('\n');
        line(b, c, supported, CoalesceParam.TX_USECS, "tx-usecs");
        line(b, c, supported, CoalesceParam.TX_MAX_FRAMES, "tx-frames");
        line(b, c, supported, CoalesceParam.TX_USECS_IRQ, "tx-usecs-irq");
        line(b, c, supported, CoalesceParam.TX_MAX_FRAMES_IRQ, "tx-frames-irq");
        b.append('\n');
        line(b, c, supported, CoalesceParam.RX_USECS_LOW, "rx-usecs-low");
        line(b, c, supported, CoalesceParam.RX_MAX_FRAMES_LOW, "rx-frame-low");
        line(b, c, supported, CoalesceParam.TX_USECS_LOW, "tx-usecs-low");
        line(b, c, supported, CoalesceParam.TX_MAX_FRAMES_LOW, "tx-frame-low");
        b.append('\n');
        line(b, c, supported, CoalesceParam.RX_USECS_HIGH, "rx-usecs-high");
        line(b, c, supported, CoalesceParam.RX_MAX_FRAMES_HIGH, "rx-frame-high");
        line(b, c, supported, CoalesceParam.TX_USECS_HIGH, "tx-usecs-high");
        line(b, c, supported, CoalesceParam.TX_MAX_FRAMES_HIGH, "tx-frame-high");
        b.append('\n');
        b.append("CQE mode RX: ").append(flag(c, supported, CoalesceParam.USE_CQE_RX))
            .append("  TX: ").append(flag(c, supported, CoalesceParam.USE_CQE_TX)).append('\n');
        b.append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, Coalesce c, int supported, CoalesceParam p, String label) {
        b.append(label).append(": ").append(u32((supported & p.bit()) != 0, c.get(p))).append('\n');
    }

    /** {@code u8_to_bool}. */
    private static String flag(Coalesce c, int supported, CoalesceParam p) {
        if ((supported & p.bit()) == 0) {
            return "n/a";
        }
        return c.get(p) != 0 ? "on" : "off";
    }

    /**
     * {@code rings_reply_cb}: a maximum of 0 is an attribute the kernel leaves out ({@code n/a});
     * {@code TX Push} is always sent by 6.x kernels; rx-buf-len, CQE size and TCP data split are not
     * modelled (not sent).
     */
    static String rings(String dev, Ringparam r) {
        return "Ring parameters for " + dev + ":\n"
            + "Pre-set maximums:\n"
            + "RX:\t\t" + u32(r.rxMaxPending() != 0, r.rxMaxPending()) + "\n"
            + "RX Mini:\t" + u32(r.rxMiniMaxPending() != 0, r.rxMiniMaxPending()) + "\n"
            + "RX Jumbo:\t" + u32(r.rxJumboMaxPending() != 0, r.rxJumboMaxPending()) + "\n"
            + "TX:\t\t" + u32(r.txMaxPending() != 0, r.txMaxPending()) + "\n"
            + "Current hardware settings:\n"
            + "RX:\t\t" + u32(r.rxMaxPending() != 0, r.rxPending()) + "\n"
            + "RX Mini:\t" + u32(r.rxMiniMaxPending() != 0, r.rxMiniPending()) + "\n"
            + "RX Jumbo:\t" + u32(r.rxJumboMaxPending() != 0, r.rxJumboPending()) + "\n"
            + "TX:\t\t" + u32(r.txMaxPending() != 0, r.txPending()) + "\n"
            + "RX Buf Len:\t\tn/a\n"
            + "CQE Size:\t\tn/a\n"
            + "TX Push:\toff\n"
            + "TCP data split:\tn/a\n";
    }

    /** {@code channels_reply_cb}: like rings, a zero maximum is left out. */
    static String channels(String dev, Channels c) {
        return "Channel parameters for " + dev + ":\n"
            + "Pre-set maximums:\n"
            + "RX:\t\t" + u32(c.maxRx() != 0, c.maxRx()) + "\n"
            + "TX:\t\t" + u32(c.maxTx() != 0, c.maxTx()) + "\n"
            + "Other:\t\t" + u32(c.maxOther() != 0, c.maxOther()) + "\n"
            + "Combined:\t" + u32(c.maxCombined() != 0, c.maxCombined()) + "\n"
            + "Current hardware settings:\n"
            + "RX:\t\t" + u32(c.maxRx() != 0, c.rxCount()) + "\n"
            + "TX:\t\t" + u32(c.maxTx() != 0, c.txCount()) + "\n"
            + "Other:\t\t" + u32(c.maxOther() != 0, c.otherCount()) + "\n"
            + "Combined:\t" + u32(c.maxCombined() != 0, c.combinedCount()) + "\n";
    }

    /**
     * {@code linkinfo_reply_cb} and {@code linkmodes_reply_cb} (netlink/settings.c) for a driver
     * that reports no link modes ({@link LinkKsettings}): the lines between "Settings for" and
     * "Link detected", as a 6.18 virtio guest shows them.
     */
    static String linkKsettings(LinkKsettings k) {
        StringBuilder sb = new StringBuilder();
        sb.append("\tSupported ports: [  ]\n");
        sb.append("\tSupported link modes:   Not reported\n");
        sb.append("\tSupported pause frame use: No\n");
        sb.append("\tSupports auto-negotiation: No\n");
        sb.append("\tSupported FEC modes: Not reported\n");
        sb.append("\tAdvertised link modes:  Not reported\n");
        sb.append("\tAdvertised pause frame use: No\n");
        sb.append("\tAdvertised auto-negotiation: No\n");
        sb.append("\tAdvertised FEC modes: Not reported\n");
        sb.append("\tSpeed: ").append(k.speedMbps() == LinkKsettings.SPEED_UNKNOWN || k.speedMbps() == 0
            ? "Unknown!" : Integer.toUnsignedString(k.speedMbps()) + "Mb/s").append('\n');
        sb.append("\tDuplex: ").append(switch (k.duplex()) {
            case LinkKsettings.DUPLEX_HALF -> "Half";
            case LinkKsettings.DUPLEX_FULL -> "Full";
            default -> "Unknown! (" + k.duplex() + ")";
        }).append('\n');
        sb.append("\tAuto-negotiation: ").append(k.autoneg() ? "on" : "off").append('\n');
        sb.append("\tPort: ").append(port(k.port())).append('\n');
        sb.append("\tPHYAD: ").append(k.phyAddress()).append('\n');
        sb.append("\tTransceiver: ").append(switch (k.transceiver()) {
            case LinkKsettings.XCVR_INTERNAL -> "internal";
            case LinkKsettings.XCVR_EXTERNAL -> "external";
            default -> "Unknown!";
        }).append('\n');
        return sb.toString();
    }

    /** {@code names_port}, with {@code print_enum}'s fallback. */
    private static String port(int port) {
        return switch (port) {
            case LinkKsettings.PORT_TP -> "Twisted Pair";
            case LinkKsettings.PORT_AUI -> "AUI";
            case LinkKsettings.PORT_BNC -> "BNC";
            case LinkKsettings.PORT_MII -> "MII";
            case LinkKsettings.PORT_FIBRE -> "FIBRE";
            case LinkKsettings.PORT_DA -> "Direct Attach Copper";
            case LinkKsettings.PORT_NONE -> "None";
            case LinkKsettings.PORT_OTHER -> "Other";
            default -> "Unknown! (" + port + ")";
        };
    }

    /** {@code tsinfo_reply_cb}. */
    static String tsinfo(String dev, TsInfo t) {
        StringBuilder b = new StringBuilder("Time stamping parameters for ").append(dev).append(":\n");
        list(b, "Capabilities", t.soTimestamping(), TsInfo.SOF_TIMESTAMPING_NAMES);
        b.append("PTP Hardware Clock: ").append(t.phcIndex() < 0 ? "none" : Integer.toString(t.phcIndex())).append('\n');
        list(b, "Hardware Transmit Timestamp Modes", t.txTypes(), TsInfo.HWTSTAMP_TX_NAMES);
        list(b, "Hardware Receive Filter Modes", t.rxFilters(), TsInfo.HWTSTAMP_FILTER_NAMES);
        return b.toString();
    }

    private static void list(StringBuilder b, String title, int mask, List<String> names) {
        if (mask == 0) {
            b.append(title).append(": none\n");
            return;
        }
        b.append(title).append(":\n");
        for (int i = 0; i < names.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                b.append('\t').append(names.get(i)).append('\n');
            }
        }
    }

    /** {@code do_gnicstats}. */
    static String stats(List<EthtoolStat> stats) {
        StringBuilder b = new StringBuilder("NIC statistics:\n");
        for (EthtoolStat s : stats) {
            b.append("     ").append(s.name()).append(": ").append(Long.toUnsignedString(s.value())).append('\n');
        }
        return b.toString();
    }

    /** {@code dump_features}: legacy flags with their features first, then the rest in bit order. */
    static String features(String dev, Features f) {
        StringBuilder b = new StringBuilder("Features for ").append(dev).append(":\n");
        for (EthtoolFeatureNames.Legacy l : EthtoolFeatureNames.LEGACY) {
            if (l.shortName().equals("ufo")) {
                continue; // no kernel with netlink interface supports UFO
            }
            List<NetdevFeature> match = l.features();
            if (match.size() != 1) {
                boolean on = match.stream().anyMatch(f.active()::contains);
                b.append(l.longName()).append(": ").append(on ? "on" : "off").append('\n');
            }
            for (NetdevFeature x : match) {
                feature(b, f, x, match.size() == 1 ? l.longName() : x.ethtoolName(), match.size() == 1 ? "" : "\t");
            }
        }
        for (NetdevFeature x : NetdevFeature.values()) {
            if (EthtoolFeatureNames.legacyOf(x) == null) {
                feature(b, f, x, x.ethtoolName(), "");
            }
        }
        return b.toString();
    }

    private static void feature(StringBuilder b, Features f, NetdevFeature x, String name, String prefix) {
        String suffix = "";
        if (f.fixed(x)) {
            suffix = " [fixed]";
        } else if (f.active().contains(x) != f.wanted().contains(x)) {
            suffix = f.wanted().contains(x) ? " [requested on]" : " [requested off]";
        }
        b.append(prefix).append(name).append(": ").append(f.active().contains(x) ? "on" : "off").append(suffix).append('\n');
    }

    /** {@code dump_features} in JSON context (ethtool 6.1's {@code --json -k}). */
    static String featuresJson(String dev, Features f) {
        Json j = new Json(dev);
        for (EthtoolFeatureNames.Legacy l : EthtoolFeatureNames.LEGACY) {
            if (l.shortName().equals("ufo")) {
                continue;
            }
            List<NetdevFeature> match = l.features();
            if (match.size() != 1) {
                boolean on = match.stream().anyMatch(f.active()::contains);
                j.object(l.longName(), "active", Boolean.toString(on), "fixed", "null", "requested", "null");
            }
            for (NetdevFeature x : match) {
                featureJson(j, f, x, match.size() == 1 ? l.longName() : x.ethtoolName());
            }
        }
        for (NetdevFeature x : NetdevFeature.values()) {
            if (EthtoolFeatureNames.legacyOf(x) == null) {
                featureJson(j, f, x, x.ethtoolName());
            }
        }
        return j.end();
    }

    private static void featureJson(Json j, Features f, NetdevFeature x, String name) {
        j.object(name, "active", Boolean.toString(f.active().contains(x)), "fixed", Boolean.toString(f.fixed(x)),
            "requested", Boolean.toString(f.wanted().contains(x)));
    }

    // netmodel's own JSON for the read forms ethtool 6.1 prints only as text: one object per
    // device in ethtool's json_print layout, keys as in later ethtool releases where they exist.

    static String drvinfoJson(String dev, Drvinfo d) {
        return new Json(dev).str("driver", d.driver()).str("version", d.version())
            .str("firmware-version", d.fwVersion()).str("expansion-rom-version", d.eromVersion())
            .str("bus-info", d.busInfo()).raw("supports-statistics", Boolean.toString(d.nStats() > 0))
            .raw("supports-test", Boolean.toString(d.testinfoLen() > 0))
            .raw("supports-eeprom-access", Boolean.toString(d.eedumpLen() > 0))
            .raw("supports-register-dump", Boolean.toString(d.regdumpLen() > 0))
            .raw("supports-priv-flags", Boolean.toString(d.nPrivFlags() > 0)).end();
    }

    static String coalesceJson(String dev, Coalesce c, int supported) {
        Json j = new Json(dev);
        for (CoalesceParam p : CoalesceParam.values()) {
            boolean present = (supported & p.bit()) != 0;
            String v = !present ? "null" : p.isFlag() ? Boolean.toString(c.get(p) != 0) : Long.toString(c.get(p));
            j.raw(p.ethtoolName(), v);
        }
        return j.end();
    }

    private static String opt(boolean present, long v) {
        return present ? Long.toString(v) : "null";
    }

    static String ringsJson(String dev, Ringparam r) {
        return new Json(dev).raw("rx-max", opt(r.rxMaxPending() != 0, r.rxMaxPending()))
            .raw("rx-mini-max", opt(r.rxMiniMaxPending() != 0, r.rxMiniMaxPending()))
            .raw("rx-jumbo-max", opt(r.rxJumboMaxPending() != 0, r.rxJumboMaxPending()))
            .raw("tx-max", opt(r.txMaxPending() != 0, r.txMaxPending()))
            .raw("rx", opt(r.rxMaxPending() != 0, r.rxPending()))
            .raw("rx-mini", opt(r.rxMiniMaxPending() != 0, r.rxMiniPending()))
            .raw("rx-jumbo", opt(r.rxJumboMaxPending() != 0, r.rxJumboPending()))
            .raw("tx", opt(r.txMaxPending() != 0, r.txPending())).end();
    }

    static String channelsJson(String dev, Channels c) {
        return new Json(dev).raw("rx-max", opt(c.maxRx() != 0, c.maxRx()))
            .raw("tx-max", opt(c.maxTx() != 0, c.maxTx()))
            .raw("other-max", opt(c.maxOther() != 0, c.maxOther()))
            .raw("combined-max", opt(c.maxCombined() != 0, c.maxCombined()))
            .raw("rx", opt(c.maxRx() != 0, c.rxCount())).raw("tx", opt(c.maxTx() != 0, c.txCount()))
            .raw("other", opt(c.maxOther() != 0, c.otherCount()))
            .raw("combined", opt(c.maxCombined() != 0, c.combinedCount())).end();
    }

    static String tsinfoJson(String dev, TsInfo t) {
        return new Json(dev).list("timestamping", t.soTimestamping(), TsInfo.SOF_TIMESTAMPING_NAMES)
            .raw("phc-index", t.phcIndex() < 0 ? "null" : Integer.toString(t.phcIndex()))
            .list("tx-types", t.txTypes(), TsInfo.HWTSTAMP_TX_NAMES)
            .list("rx-filters", t.rxFilters(), TsInfo.HWTSTAMP_FILTER_NAMES).end();
    }

    static String statsJson(String dev, List<EthtoolStat> stats) {
        Json j = new Json(dev);
        for (EthtoolStat s : stats) {
            j.raw(s.name(), Long.toUnsignedString(s.value()));
        }
        return j.end();
    }

    /**
     * {@code do_grxfh} of ethtool 6.1 ({@code ethtool.c}: {@code print_indir_table}, the key, the
     * hash functions from the {@code ETH_SS_RSS_HASH_FUNCS} string set): the table in rows of
     * eight, {@code %5u: } then {@code  %5u} per entry.
     */
    static String rxfh(String dev, int rings, Rxfh r) {
        StringBuilder b = new StringBuilder();
        b.append("RX flow hash indirection table for ").append(dev).append(" with ")
            .append(Integer.toUnsignedString(rings)).append(" RX ring(s):\n");
        int size = r.indirSize();
        if (size == 0) {
            b.append("Operation not supported\n");
        }
        for (int i = 0; i < size; i++) {
            if (i % 8 == 0) {
                b.append(String.format("%5d: ", i));
            }
            b.append(String.format(" %5d", r.entry(i)));
            if (i % 8 == 7 || i == size - 1) {
                b.append('\n');
            }
        }
        b.append("RSS hash key:\n");
        byte[] key = r.key();
        if (key.length == 0) {
            b.append("Operation not supported\n");
        }
        b.append(hex(key, ":")).append(key.length == 0 ? "" : "\n");
        b.append("RSS hash function:\n");
        if (r.hfunc() == 0) {
            return b.append("    Operation not supported\n").toString();
        }
        for (int i = 0; i < Rxfh.HASH_FUNC_NAMES.size(); i++) {
            b.append("    ").append(Rxfh.HASH_FUNC_NAMES.get(i)).append(": ")
                .append((r.hfunc() & (1 << i)) != 0 ? "on" : "off").append('\n');
        }
        return b.toString();
    }

    /** {@code permaddr_reply_cb}: the address, or "not set" when the link has none (null). */
    static String permaddr(byte[] perm) {
        return "Permanent address: " + (perm == null ? "not set" : hex(perm, ":")) + "\n";
    }

    private static String hex(byte[] key, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            b.append(i == 0 ? "" : sep).append(String.format("%02x", key[i] & 0xff));
        }
        return b.toString();
    }

    /**
     * {@code -x} as JSON, in the member names of ethtool's later netlink {@code rss} output
     * ({@code netlink/rss.c}, ethtool 6.2+; 6.1 has no JSON for {@code -x}): the ring count, the
     * table, the key and the function in use (names recalled, unverified).
     */
    static String rxfhJson(String dev, int rings, Rxfh r) {
        StringBuilder table = new StringBuilder("[");
        for (int i = 0; i < r.indirSize(); i++) {
            table.append(i == 0 ? "" : ",").append(r.entry(i));
        }
        table.append(']');
        String func = "null";
        for (int i = 0; i < Rxfh.HASH_FUNC_NAMES.size(); i++) {
            if ((r.hfunc() & (1 << i)) != 0) {
                func = Json.quote(Rxfh.HASH_FUNC_NAMES.get(i));
            }
        }
        return new Json(dev).raw("rx-rings", Integer.toUnsignedString(rings))
            .raw("rss-indirection-table", table.toString())
            .raw("rss-hash-key", r.key().length == 0 ? "null" : Json.quote(hex(r.key(), ":")))
            .raw("rss-hash-function", func).end();
    }

    /** ethtool's {@code json_print} layout: {@code [ {}, 8-space members, {@code } ]}. */
    static final class Json {
        private final StringBuilder b = new StringBuilder("[ {\n");
        private boolean first = true;

        Json(String dev) {
            str("ifname", dev);
        }

        private StringBuilder key(String k) {
            if (!first) {
                b.append(",\n");
            }
            first = false;
            return b.append("        ").append(quote(k)).append(": ");
        }

        Json str(String k, String v) {
            key(k).append(quote(v));
            return this;
        }

        Json raw(String k, String v) {
            key(k).append(v);
            return this;
        }

        Json object(String k, String... kv) {
            key(k).append("{\n");
            for (int i = 0; i < kv.length; i += 2) {
                b.append("            ").append(quote(kv[i])).append(": ").append(kv[i + 1])
                    .append(i + 2 < kv.length ? ",\n" : "\n");
            }
            b.append("        }");
            return this;
        }

        Json list(String k, int mask, List<String> names) {
            key(k).append('[');
            boolean firstItem = true;
            for (int i = 0; i < names.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    b.append(firstItem ? "" : ",").append(quote(names.get(i)));
                    firstItem = false;
                }
            }
            b.append(']');
            return this;
        }

        String end() {
            return b.append("\n    } ]\n").toString();
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    q.append('\\').append(c);
                } else if (c < 0x20) {
                    q.append(String.format("\\u%04x", (int) c));
                } else {
                    q.append(c);
                }
            }
            return q.append('"').toString();
        }
    }
}
