package io.netmodel.drivers.ixgbe;

import java.util.List;

/**
 * ixgbe's defaults and limits for the 82599, for the driver and for the ethtool work to come
 * (kernel-algorithms.md §3.3 and table (b); {@code ixgbe.h}, {@code ixgbe_main.c},
 * {@code ixgbe_lib.c}, {@code ixgbe_ptp.c}).
 */
final class IxgbeDefaults {
    /**
     * {@code ixgbe_driver_version} in 4.x and early 5.x kernels (checked: the patch of
     * {@link IxgbeHistory#DRIVER_VERSION_REMOVED} removes {@code #define DRV_VERSION "5.1.0-k"};
     * 3.x releases had 3.x strings, not modelled).
     */
    static final String DRV_VERSION = "5.1.0-k";

    /** {@code netif_napi_add(adapter->netdev, &q_vector->napi, ixgbe_poll, 64)}. */
    static final int NAPI_WEIGHT = 64;

    /**
     * {@code MAX_TX_QUEUES}: what {@code alloc_etherdev_mq} allocates ({@code indices =
     * MAX_TX_QUEUES} in {@code ixgbe_probe} for the 82599), {@code IXGBE_MAX_FDIR_INDICES + 1} = 64
     * without {@code CONFIG_FCOE} (checked in {@code ixgbe.h}; with FCoE it is 63 + 8 = 71, which the
     * model, having no FCoE, does not take).
     */
    static final int MAX_TX_QUEUES = 64;
    /** {@code MAX_Q_VECTORS}. */
    static final int MAX_Q_VECTORS = 64;
    /** {@code IXGBE_MAX_RSS_INDICES}: the RSS limit of {@code ixgbe_sw_init}. */
    static final int MAX_RSS_INDICES = 16;
    /** {@code IXGBE_MAX_FDIR_INDICES}: with ATR (Flow Director hashing, on by default on the 82599) RSS may use this many. */
    static final int MAX_FDIR_INDICES = 63;
    /** {@code NON_Q_VECTORS}: the "other" (link, mailbox, Flow Director) vector. */
    static final int NON_Q_VECTORS = 1;
    /** {@code MIN_MSIX_COUNT}: fewer vectors than this and MSI-X is given up. */
    static final int MIN_MSIX_COUNT = 1 + NON_Q_VECTORS;

    /** {@code IXGBE_DEFAULT_TXD} / {@code _RXD} (128 when PAGE_SIZE is 8192 or more). */
    static final int DEFAULT_RING = 512;
    /** {@code IXGBE_MIN_TXD} / {@code _RXD}. */
    static final int MIN_RING = 64;
    /** {@code IXGBE_MAX_TXD_82599} / {@code _RXD}: 8192 (4096 on the 82598, 8192 on the X540, 32768 on the X550; checked in {@code ixgbe.h}). */
    static final int MAX_RING = 8192;

    /** {@code rx-usecs} 1 = dynamic ITR (about 10–126 µs); 0 turns moderation off. */
    static final int DEFAULT_RX_ITR = 1;
    /** EITR values (µs shifted left by 2): {@code IXGBE_20K_ITR} (RX start), {@code IXGBE_12K_ITR} (TX-only start), {@code IXGBE_100K_ITR}, {@code IXGBE_MIN_RSC_ITR}. */
    static final int ITR_20K = 200;
    static final int ITR_12K = 336;
    static final int ITR_100K = 40;
    static final int MIN_RSC_ITR = 24;

    /** {@code ETH_MIN_MTU}. */
    static final int MIN_MTU = 68;
    /** {@code IXGBE_MAX_JUMBO_FRAME_SIZE} (9728) less {@code ETH_HLEN + ETH_FCS_LEN}. */
    static final int MAX_MTU = 9728 - (14 + 4);

    /** {@code ethtool -T} on an 82599: hardware PTP with a PHC. */
    static final List<String> TIMESTAMPING = List.of(
        "hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
        "software-system-clock", "hardware-raw-clock");
    /** 82599 RX filters: PTP v1 L4 and v2 L2/L4 events, no "all" (that is X550 and later). */
    static final List<String> RX_FILTERS = List.of(
        "none", "ptpv1-l4-sync", "ptpv1-l4-delay-req", "ptpv2-event");

    private IxgbeDefaults() {
    }
}
