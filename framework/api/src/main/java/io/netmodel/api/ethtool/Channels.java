package io.netmodel.api.ethtool;

/**
 * {@code struct ethtool_channels} ({@code ethtool -l}): queue (channel) counts, maximum and
 * current. A maximum of 0 means the kind does not exist (ethtool prints {@code n/a}).
 */
public record Channels(int maxRx, int maxTx, int maxOther, int maxCombined,
                       int rxCount, int txCount, int otherCount, int combinedCount) {

    public int get(ChannelParam p) {
        switch (p) {
            case RX: return rxCount;
            case TX: return txCount;
            case OTHER: return otherCount;
            case COMBINED: return combinedCount;
            default: throw new AssertionError(p);
        }
    }

    public int max(ChannelParam p) {
        switch (p) {
            case RX: return maxRx;
            case TX: return maxTx;
            case OTHER: return maxOther;
            case COMBINED: return maxCombined;
            default: throw new AssertionError(p);
        }
    }

    /** A copy with one count replaced (the maxima stay). */
    public Channels with(ChannelParam p, int value) {
        return new Channels(maxRx, maxTx, maxOther, maxCombined,
            p == ChannelParam.RX ? value : rxCount,
            p == ChannelParam.TX ? value : txCount,
            p == ChannelParam.OTHER ? value : otherCount,
            p == ChannelParam.COMBINED ? value : combinedCount);
    }
}
