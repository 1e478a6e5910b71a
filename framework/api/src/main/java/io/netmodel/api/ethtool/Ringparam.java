package io.netmodel.api.ethtool;

/**
 * {@code struct ethtool_ringparam} ({@code ethtool -g}): descriptor ring sizes, maximum and
 * current. A maximum of 0 means the ring kind does not exist (ethtool prints {@code n/a}).
 */
public record Ringparam(int rxMaxPending, int rxMiniMaxPending, int rxJumboMaxPending, int txMaxPending,
                        int rxPending, int rxMiniPending, int rxJumboPending, int txPending) {

    /** The value of one settable field ({@code rx_pending}, …). */
    public int get(RingSize p) {
        switch (p) {
            case RX: return rxPending;
            case RX_MINI: return rxMiniPending;
            case RX_JUMBO: return rxJumboPending;
            case TX: return txPending;
            default: throw new AssertionError(p);
        }
    }

    /** The maximum for one settable field ({@code rx_max_pending}, …). */
    public int max(RingSize p) {
        switch (p) {
            case RX: return rxMaxPending;
            case RX_MINI: return rxMiniMaxPending;
            case RX_JUMBO: return rxJumboMaxPending;
            case TX: return txMaxPending;
            default: throw new AssertionError(p);
        }
    }

    /** A copy with one current value replaced (the maxima stay). */
    public Ringparam with(RingSize p, int value) {
        return new Ringparam(rxMaxPending, rxMiniMaxPending, rxJumboMaxPending, txMaxPending,
            p == RingSize.RX ? value : rxPending,
            p == RingSize.RX_MINI ? value : rxMiniPending,
            p == RingSize.RX_JUMBO ? value : rxJumboPending,
            p == RingSize.TX ? value : txPending);
    }
}
