package io.netmodel.api.netdev;

import java.util.List;

/**
 * How a driver's {@code adaptive-rx} moderates: with the kernel's generic DIM library
 * ({@code lib/dim/net_dim.c}, {@code include/linux/dim.h}). The driver feeds {@code net_dim()} a
 * {@code struct dim_sample} (interrupts, RX packets and bytes) each time its NAPI poll completes
 * and re-enables the interrupt, and when DIM picks another profile its work function writes that
 * profile's moderation to the device. Declared by the driver at probe
 * ({@link NetDevice#setRxDim}); whether it runs is the driver's {@code use_adaptive_rx_coalesce}
 * as {@code ethtool -c} reports it.
 *
 * @param mode the {@code dim->mode} the driver sets ({@code DIM_CQ_PERIOD_MODE_START_FROM_EQE}
 *     or {@code _CQE}); it picks the library's table when {@code profile} is empty
 * @param profile the driver's own table indexed by {@code dim->profile_ix} (idpf's
 *     {@code vport->rx_itr_profile}); empty: the library's {@code rx_profile[mode]}
 *     ({@code net_dim_get_rx_moderation})
 * @param profileIx {@code dim->profile_ix} when the driver initialises its DIM (idpf_init_dim:
 *     {@code IDPF_DIM_DEFAULT_PROFILE_IX}); also the profile written when the device opens with
 *     adaptive moderation on
 * @param restartWhenStale the driver restarts the measurement when the last one began
 *     {@code HZ} milliseconds ago or more ({@code idpf_update_dim_sample}:
 *     {@code ktime_ms_delta(...) >= HZ}, so 250 ms on a HZ=250 kernel)
 * @since 1.4
 */
public record RxDim(CqPeriodMode mode, List<CqModer> profile, int profileIx, boolean restartWhenStale) {
    /** {@code enum dim_cq_period_mode}. */
    public enum CqPeriodMode {
        /** {@code DIM_CQ_PERIOD_MODE_START_FROM_EQE}: the timer starts at the first event. */
        START_FROM_EQE,
        /** {@code DIM_CQ_PERIOD_MODE_START_FROM_CQE}: the timer restarts with each completion. */
        START_FROM_CQE
    }

    /**
     * {@code struct dim_cq_moder}: one profile.
     *
     * @param usec the interrupt moderation time, µs
     * @param pkts the frame count that raises the interrupt at once; 0 = none (a driver that
     *     programs only a time, like idpf's ITR)
     */
    public record CqModer(int usec, int pkts) {
        public CqModer {
            if (usec < 0 || pkts < 0) {
                throw new IllegalArgumentException("usec and pkts must be >= 0");
            }
        }
    }

    public RxDim {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        profile = List.copyOf(profile);
        int n = profile.isEmpty() ? 5 : profile.size(); // NET_DIM_PARAMS_NUM_PROFILES
        if (profileIx < 0 || profileIx >= n) {
            throw new IllegalArgumentException("profileIx must be 0.." + (n - 1));
        }
    }

    /** The library's own RX table for {@code mode}, starting at {@code profileIx}. */
    public static RxDim library(CqPeriodMode mode, int profileIx) {
        return new RxDim(mode, List.of(), profileIx, false);
    }
}
