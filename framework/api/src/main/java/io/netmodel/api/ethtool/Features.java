package io.netmodel.api.ethtool;

import java.util.Set;

/**
 * A device's feature words as {@code ETHTOOL_MSG_FEATURES_GET} reports them
 * ({@code net/ethtool/features.c}): {@code hw} = {@code dev->hw_features} (user-changeable),
 * {@code wanted} = {@code dev->wanted_features}, {@code active} = {@code dev->features},
 * {@code nochange} = {@code NETIF_F_NEVER_CHANGE}. ethtool prints {@code [fixed]} for a feature
 * not in {@code hw} or in {@code nochange}.
 */
public record Features(Set<NetdevFeature> hw, Set<NetdevFeature> wanted, Set<NetdevFeature> active,
                       Set<NetdevFeature> nochange) {
    public Features {
        hw = Set.copyOf(hw);
        wanted = Set.copyOf(wanted);
        active = Set.copyOf(active);
        nochange = Set.copyOf(nochange);
    }

    /** Whether ethtool shows the feature as {@code [fixed]}. */
    public boolean fixed(NetdevFeature f) {
        return !hw.contains(f) || nochange.contains(f);
    }
}
