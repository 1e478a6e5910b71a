package io.netmodel.api.ethtool;

/**
 * The interrupt-coalescing parameters of {@code struct ethtool_coalesce} and
 * {@code struct kernel_ethtool_coalesce}, in {@code ETHTOOL_A_COALESCE_*} order. {@link #bit()} is
 * the {@code ETHTOOL_COALESCE_*} flag a driver lists in {@code supported_coalesce_params}
 * ({@code include/linux/ethtool.h}); {@link #ethtoolName()} is what {@code ethtool -C} takes
 * ({@code scoalesce_params} in ethtool's {@code netlink/coalesce.c}).
 */
public enum CoalesceParam {
    RX_USECS("rx-usecs", false),
    RX_MAX_FRAMES("rx-frames", false),
    RX_USECS_IRQ("rx-usecs-irq", false),
    RX_MAX_FRAMES_IRQ("rx-frames-irq", false),
    TX_USECS("tx-usecs", false),
    TX_MAX_FRAMES("tx-frames", false),
    TX_USECS_IRQ("tx-usecs-irq", false),
    TX_MAX_FRAMES_IRQ("tx-frames-irq", false),
    STATS_BLOCK_USECS("stats-block-usecs", false),
    USE_ADAPTIVE_RX("adaptive-rx", true),
    USE_ADAPTIVE_TX("adaptive-tx", true),
    PKT_RATE_LOW("pkt-rate-low", false),
    RX_USECS_LOW("rx-usecs-low", false),
    RX_MAX_FRAMES_LOW("rx-frames-low", false),
    TX_USECS_LOW("tx-usecs-low", false),
    TX_MAX_FRAMES_LOW("tx-frames-low", false),
    PKT_RATE_HIGH("pkt-rate-high", false),
    RX_USECS_HIGH("rx-usecs-high", false),
    RX_MAX_FRAMES_HIGH("rx-frames-high", false),
    TX_USECS_HIGH("tx-usecs-high", false),
    TX_MAX_FRAMES_HIGH("tx-frames-high", false),
    RATE_SAMPLE_INTERVAL("sample-interval", false),
    USE_CQE_RX("cqe-mode-rx", true),
    USE_CQE_TX("cqe-mode-tx", true);

    /** {@code ETHTOOL_COALESCE_USECS}: rx-usecs and tx-usecs. */
    public static final int USECS = RX_USECS.bit() | TX_USECS.bit();
    /** {@code ETHTOOL_COALESCE_MAX_FRAMES}: rx-frames and tx-frames. */
    public static final int MAX_FRAMES = RX_MAX_FRAMES.bit() | TX_MAX_FRAMES.bit();
    /** {@code ETHTOOL_COALESCE_USECS_IRQ}. */
    public static final int USECS_IRQ = RX_USECS_IRQ.bit() | TX_USECS_IRQ.bit();
    /** {@code ETHTOOL_COALESCE_MAX_FRAMES_IRQ}. */
    public static final int MAX_FRAMES_IRQ = RX_MAX_FRAMES_IRQ.bit() | TX_MAX_FRAMES_IRQ.bit();
    /** {@code ETHTOOL_COALESCE_USE_ADAPTIVE}. */
    public static final int USE_ADAPTIVE = USE_ADAPTIVE_RX.bit() | USE_ADAPTIVE_TX.bit();

    private final String ethtoolName;
    private final boolean flag;

    CoalesceParam(String ethtoolName, boolean flag) {
        this.ethtoolName = ethtoolName;
        this.flag = flag;
    }

    /** {@code ETHTOOL_COALESCE_<NAME>}: {@code BIT(ETHTOOL_A_COALESCE_<NAME> - ETHTOOL_A_COALESCE_RX_USECS)}. */
    public int bit() {
        return 1 << ordinal();
    }

    /** The parameter name {@code ethtool -C} takes. */
    public String ethtoolName() {
        return ethtoolName;
    }

    /** A u8 boolean attribute ({@code on}/{@code off}) rather than a u32. */
    public boolean isFlag() {
        return flag;
    }
}
