package io.netmodel.net;

import io.netmodel.api.ethtool.Features;
import io.netmodel.api.ethtool.NetdevFeature;
import java.util.EnumSet;
import java.util.Map;

/**
 * The netdev feature words: what {@code register_netdevice} adds ({@code net/core/dev.c}) and
 * {@code ETHTOOL_MSG_FEATURES_SET} ({@code ethnl_set_features}, {@code net/ethtool/features.c}).
 * {@code __netdev_update_features} is reduced to "active = wanted on changeable bits": the
 * dependency fix-ups of {@code netdev_fix_features} (TSO without SG, …) and
 * {@code ndo_fix_features}/{@code ndo_set_features} are not modelled.
 */
final class EthtoolFeatures {
    /** {@code NETIF_F_SOFT_FEATURES}: GSO and GRO, on and changeable on every device. */
    static final EnumSet<NetdevFeature> SOFT_FEATURES = EnumSet.of(NetdevFeature.GSO, NetdevFeature.GRO);
    /** {@code NETIF_F_SOFT_FEATURES_OFF}: changeable, off by default. */
    static final EnumSet<NetdevFeature> SOFT_FEATURES_OFF =
        EnumSet.of(NetdevFeature.GRO_FRAGLIST, NetdevFeature.GRO_UDP_FWD);
    /** {@code NETIF_F_NEVER_CHANGE}: never user-changeable. */
    static final EnumSet<NetdevFeature> NEVER_CHANGE = EnumSet.of(NetdevFeature.VLAN_CHALLENGED);

    private EthtoolFeatures() {
    }

    /** {@code register_netdevice}'s feature set-up, in its order. */
    static void register(NetDeviceImpl dev) {
        if (dev.lltx) {
            return; // loopback_setup: everything fixed, set by the device itself
        }
        dev.hwFeatures.addAll(SOFT_FEATURES);
        dev.hwFeatures.addAll(SOFT_FEATURES_OFF);
        dev.features.addAll(SOFT_FEATURES);
        if (dev.hwFeatures.contains(NetdevFeature.TSO)) {
            dev.hwFeatures.add(NetdevFeature.TSO_MANGLEID);
        }
        dev.hwFeatures.add(NetdevFeature.NOCACHE_COPY);
        dev.wantedFeatures.clear();
        dev.wantedFeatures.addAll(dev.features);
        dev.wantedFeatures.retainAll(dev.hwFeatures);
    }

    static Features get(NetDeviceImpl dev) {
        return new Features(dev.hwFeatures, dev.wantedFeatures, dev.features, NEVER_CHANGE);
    }

    /**
     * {@code ethnl_set_features}: requested bits replace the old wanted ones; only bits in
     * {@code hw_features} reach {@code dev->wanted_features}; then the update recomputes the
     * changeable part of {@code dev->features} from it.
     */
    static Features set(NetDeviceImpl dev, Map<NetdevFeature, Boolean> request) {
        EnumSet<NetdevFeature> reqWanted = EnumSet.copyOf(dev.wantedFeatures.isEmpty()
            ? EnumSet.noneOf(NetdevFeature.class) : dev.wantedFeatures);
        for (Map.Entry<NetdevFeature, Boolean> e : request.entrySet()) {
            if (e.getValue()) {
                reqWanted.add(e.getKey());
            } else {
                reqWanted.remove(e.getKey());
            }
        }
        if (!reqWanted.equals(dev.wantedFeatures)) {
            dev.wantedFeatures.removeAll(dev.hwFeatures);
            EnumSet<NetdevFeature> changeable = EnumSet.copyOf(reqWanted);
            changeable.retainAll(dev.hwFeatures);
            changeable.removeAll(NEVER_CHANGE);
            dev.wantedFeatures.addAll(changeable);
            // __netdev_update_features: the changeable bits follow wanted
            for (NetdevFeature f : dev.hwFeatures) {
                if (NEVER_CHANGE.contains(f)) {
                    continue;
                }
                if (dev.wantedFeatures.contains(f)) {
                    dev.features.add(f);
                } else {
                    dev.features.remove(f);
                }
            }
        }
        return get(dev);
    }
}
