package io.netmodel.dim;

import io.netmodel.api.netdev.RxDim;
import java.util.List;

/**
 * The RX profile tables of {@code lib/dim/net_dim.c} ({@code NET_DIM_RX_EQE_PROFILES},
 * {@code NET_DIM_RX_CQE_PROFILES}, {@code rx_profile[DIM_CQ_PERIOD_NUM_MODES]}), read from a
 * 7.0-era tree (the one with {@code net_dim_init_irq_moder}); that the values are unchanged since
 * the code moved from include/linux/net_dim.h to lib/dim (5.1 or so) is recalled, unverified. A driver that calls {@code net_dim_get_rx_moderation} (or, from 6.12,
 * {@code net_dim_get_rx_irq_moder} with the table {@code net_dim_init_irq_moder} copied) uses
 * these; idpf uses a table of its own ({@link RxDim#profile()}).
 */
public final class NetDimProfiles {
    /** {@code NET_DIM_PARAMS_NUM_PROFILES}. */
    public static final int NUM_PROFILES = 5;
    /** {@code NET_DIM_DEFAULT_RX_CQ_PKTS_FROM_EQE}. */
    static final int DEFAULT_RX_CQ_PKTS_FROM_EQE = 256;
    /** {@code NET_DIM_DEF_PROFILE_CQE}, {@code NET_DIM_DEF_PROFILE_EQE}: what {@code net_dim_get_def_rx_moderation} picks. */
    public static final int DEF_PROFILE = 1;

    /** {@code NET_DIM_RX_EQE_PROFILES}: 1, 8, 64, 128, 256 µs, each with 256 frames. */
    static final List<RxDim.CqModer> RX_EQE = List.of(
        new RxDim.CqModer(1, DEFAULT_RX_CQ_PKTS_FROM_EQE), new RxDim.CqModer(8, DEFAULT_RX_CQ_PKTS_FROM_EQE),
        new RxDim.CqModer(64, DEFAULT_RX_CQ_PKTS_FROM_EQE), new RxDim.CqModer(128, DEFAULT_RX_CQ_PKTS_FROM_EQE),
        new RxDim.CqModer(256, DEFAULT_RX_CQ_PKTS_FROM_EQE));

    /** {@code NET_DIM_RX_CQE_PROFILES}: 2/256, 8/128, 16/64, 32/64, 64/64 (µs/frames). */
    static final List<RxDim.CqModer> RX_CQE = List.of(
        new RxDim.CqModer(2, 256), new RxDim.CqModer(8, 128), new RxDim.CqModer(16, 64),
        new RxDim.CqModer(32, 64), new RxDim.CqModer(64, 64));

    private NetDimProfiles() {
    }

    /** {@code net_dim_get_rx_moderation(cq_period_mode, ix)}. */
    public static RxDim.CqModer rxModeration(RxDim.CqPeriodMode mode, int ix) {
        return (mode == RxDim.CqPeriodMode.START_FROM_CQE ? RX_CQE : RX_EQE).get(ix);
    }

    /** The table a driver's DIM moderates with: its own, or the library's for its mode. */
    public static List<RxDim.CqModer> rxTable(RxDim dim) {
        if (!dim.profile().isEmpty()) {
            return dim.profile();
        }
        return dim.mode() == RxDim.CqPeriodMode.START_FROM_CQE ? RX_CQE : RX_EQE;
    }
}
