package io.netmodel.api.ethtool;

import java.util.Arrays;

/**
 * {@code struct ethtool_coalesce} with {@code struct kernel_ethtool_coalesce}'s CQE modes
 * ({@code ethtool -c}): an immutable value, one u32 per {@link CoalesceParam} (flags are 0 or 1).
 * The accessors carry the kernel field names.
 */
public final class Coalesce {
    private static final CoalesceParam[] PARAMS = CoalesceParam.values();
    private final long[] values;

    private Coalesce(long[] values) {
        this.values = values;
    }

    /** All zero (what {@code memset} leaves before {@code get_coalesce}). */
    public static Coalesce zero() {
        return new Coalesce(new long[PARAMS.length]);
    }

    /** The u32 value of one parameter (0 or 1 for the flags). */
    public long get(CoalesceParam p) {
        return values[p.ordinal()];
    }

    /** A copy with one parameter replaced. */
    public Coalesce with(CoalesceParam p, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(p + " = " + value + " is not a u32");
        }
        long[] v = values.clone();
        v[p.ordinal()] = p.isFlag() ? (value != 0 ? 1 : 0) : value;
        return new Coalesce(v);
    }

    /** A copy with a flag set or cleared. */
    public Coalesce with(CoalesceParam p, boolean on) {
        return with(p, on ? 1L : 0L);
    }

    public long rxCoalesceUsecs() { return get(CoalesceParam.RX_USECS); }
    public long rxMaxCoalescedFrames() { return get(CoalesceParam.RX_MAX_FRAMES); }
    public long rxCoalesceUsecsIrq() { return get(CoalesceParam.RX_USECS_IRQ); }
    public long rxMaxCoalescedFramesIrq() { return get(CoalesceParam.RX_MAX_FRAMES_IRQ); }
    public long txCoalesceUsecs() { return get(CoalesceParam.TX_USECS); }
    public long txMaxCoalescedFrames() { return get(CoalesceParam.TX_MAX_FRAMES); }
    public long txCoalesceUsecsIrq() { return get(CoalesceParam.TX_USECS_IRQ); }
    public long txMaxCoalescedFramesIrq() { return get(CoalesceParam.TX_MAX_FRAMES_IRQ); }
    public long statsBlockCoalesceUsecs() { return get(CoalesceParam.STATS_BLOCK_USECS); }
    public boolean useAdaptiveRxCoalesce() { return get(CoalesceParam.USE_ADAPTIVE_RX) != 0; }
    public boolean useAdaptiveTxCoalesce() { return get(CoalesceParam.USE_ADAPTIVE_TX) != 0; }
    public long pktRateLow() { return get(CoalesceParam.PKT_RATE_LOW); }
    public long rxCoalesceUsecsLow() { return get(CoalesceParam.RX_USECS_LOW); }
    public long rxMaxCoalescedFramesLow() { return get(CoalesceParam.RX_MAX_FRAMES_LOW); }
    public long txCoalesceUsecsLow() { return get(CoalesceParam.TX_USECS_LOW); }
    public long txMaxCoalescedFramesLow() { return get(CoalesceParam.TX_MAX_FRAMES_LOW); }
    public long pktRateHigh() { return get(CoalesceParam.PKT_RATE_HIGH); }
    public long rxCoalesceUsecsHigh() { return get(CoalesceParam.RX_USECS_HIGH); }
    public long rxMaxCoalescedFramesHigh() { return get(CoalesceParam.RX_MAX_FRAMES_HIGH); }
    public long txCoalesceUsecsHigh() { return get(CoalesceParam.TX_USECS_HIGH); }
    public long txMaxCoalescedFramesHigh() { return get(CoalesceParam.TX_MAX_FRAMES_HIGH); }
    public long rateSampleInterval() { return get(CoalesceParam.RATE_SAMPLE_INTERVAL); }
    /** {@code kernel_ethtool_coalesce.use_cqe_mode_rx}. */
    public boolean useCqeModeRx() { return get(CoalesceParam.USE_CQE_RX) != 0; }
    /** {@code kernel_ethtool_coalesce.use_cqe_mode_tx}. */
    public boolean useCqeModeTx() { return get(CoalesceParam.USE_CQE_TX) != 0; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coalesce && Arrays.equals(values, ((Coalesce) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Coalesce[");
        for (CoalesceParam p : PARAMS) {
            if (values[p.ordinal()] != 0) {
                b.append(p.ethtoolName()).append('=').append(values[p.ordinal()]).append(' ');
            }
        }
        return b.append(']').toString();
    }
}
