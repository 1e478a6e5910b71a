package io.netmodel.api.ethtool;

/** One line of {@code ethtool -S}: an {@code ETH_SS_STATS} string and its u64 value. */
public record EthtoolStat(String name, long value) {
}
