package io.netmodel.shell.cmd.ethtool;

import io.netmodel.api.ethtool.NetdevFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * ethtool's legacy offload flags ({@code off_flag_def} in ethtool's {@code common.c}) and how
 * they map onto netdev feature names ({@code flag_pattern_match} in {@code netlink/features.c}).
 */
final class EthtoolFeatureNames {
    /** One legacy flag: short name ({@code -K gro}), long name ({@code -k} heading), kernel pattern. */
    record Legacy(String shortName, String longName, String pattern) {
        List<NetdevFeature> features() {
            List<NetdevFeature> out = new ArrayList<>();
            for (NetdevFeature f : NetdevFeature.values()) {
                if (matches(f.ethtoolName(), pattern)) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    static final List<Legacy> LEGACY = List.of(
        new Legacy("rx", "rx-checksumming", "rx-checksum"),
        new Legacy("tx", "tx-checksumming", "tx-checksum-*"),
        new Legacy("sg", "scatter-gather", "tx-scatter-gather*"),
        new Legacy("tso", "tcp-segmentation-offload", "tx-tcp*-segmentation"),
        new Legacy("ufo", "udp-fragmentation-offload", "tx-udp-fragmentation"),
        new Legacy("gso", "generic-segmentation-offload", "tx-generic-segmentation"),
        new Legacy("gro", "generic-receive-offload", "rx-gro"),
        new Legacy("lro", "large-receive-offload", "rx-lro"),
        new Legacy("rxvlan", "rx-vlan-offload", "rx-vlan-hw-parse"),
        new Legacy("txvlan", "tx-vlan-offload", "tx-vlan-hw-insert"),
        new Legacy("ntuple", "ntuple-filters", "rx-ntuple-filter"),
        new Legacy("rxhash", "receive-hashing", "rx-hashing"));

    private EthtoolFeatureNames() {
    }

    /** {@code flag_pattern_match}: at most one {@code *}. */
    static boolean matches(String name, String pattern) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return name.equals(pattern);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return name.length() + 1 >= pattern.length() && name.startsWith(prefix) && name.endsWith(suffix);
    }

    /** The legacy flag a feature is shown under, or null. */
    static Legacy legacyOf(NetdevFeature f) {
        for (Legacy l : LEGACY) {
            if (matches(f.ethtoolName(), l.pattern())) {
                return l;
            }
        }
        return null;
    }

    /** The legacy flag with this short or long name, or null. */
    static Legacy legacyNamed(String name) {
        for (Legacy l : LEGACY) {
            if (l.shortName().equals(name) || l.longName().equals(name)) {
                return l;
            }
        }
        return null;
    }
}
