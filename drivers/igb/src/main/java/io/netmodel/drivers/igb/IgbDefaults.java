package io.netmodel.drivers.igb;

import java.util.List;

/**
 * igb's defaults and limits for the I350, for the driver and for the ethtool work to come
 * (kernel-algorithms.md §3.2 and table (b); {@code igb.h}, {@code igb_main.c},
 * {@code igb_ptp.c}).
 */
final class IgbDefaults {
    /**
     * {@code igb_driver_version} ({@code ethtool -i}) in the 5.x kernels before
     * {@link IgbHistory#DRIVER_VERSION_REMOVED} (5.9, checked: the removal patch touches
     * {@code igb_main.c}'s version); 3.13 printed 5.0.5-k and 4.4 5.3.0-k, which the model does not
     * distinguish (the string values are unverified).
     */
    static final String DRV_VERSION = "5.6.0-k";

    /** {@code netif_napi_add(adapter->netdev, &q_vector->napi, igb_poll, 64)} in {@code igb_alloc_q_vector}. */
    static final int NAPI_WEIGHT = 64;

    /** {@code IGB_MAX_TX_QUEUES} (8 in current {@code igb.h}, checked): the queues {@code alloc_etherdev_mq} allocates. */
    static final int MAX_TX_QUEUES = 8;
    /** {@code MAX_Q_VECTORS}: one NAPI per q_vector, at most 8. */
    static final int MAX_Q_VECTORS = 8;
    /** I350 and 82576 can have at most 7 VFs per PF ({@code igb_sw_init}). */
    static final int MAX_VFS_I350 = 7;

    /** {@code IGB_DEFAULT_TXD} / {@code IGB_DEFAULT_RXD}. */
    static final int DEFAULT_RING = 256;
    /** {@code IGB_MIN_TXD} / {@code _RXD}. */
    static final int MIN_RING = 64;
    /** {@code IGB_MAX_TXD} / {@code _RXD}. */
    static final int MAX_RING = 4096;

    /** {@code IGB_DEFAULT_ITR}: {@code rx-usecs} / {@code tx-usecs} 3 = dynamic conservative. */
    static final int DEFAULT_ITR = 3;
    /** {@code IGB_START_ITR}: the EITR value a vector starts at, about 6000 interrupts/s. */
    static final int START_ITR = 648;
    /** EITR values of the dynamic modes: {@code IGB_70K_ITR}, {@code IGB_20K_ITR}, {@code IGB_4K_ITR}. */
    static final int ITR_70K = 56;
    static final int ITR_20K = 196;
    static final int ITR_4K = 980;
    /** Fixed {@code rx-usecs} range. */
    static final int MIN_ITR_USECS = 10;
    static final int MAX_ITR_USECS = 10000;

    /** {@code ETH_MIN_MTU}. */
    static final int MIN_MTU = 68;
    /** {@code MAX_STD_JUMBO_FRAME_SIZE}, the {@code max_mtu} {@code igb_probe} sets (recalled). */
    static final int MAX_MTU = 9216;

    /**
     * {@code ethtool -T} on an I350 ({@code igb_get_ts_info}): hardware and software stamps and a
     * PTP hardware clock; the RX filter "all" exists from the 82580 on.
     */
    static final List<String> TIMESTAMPING = List.of(
        "hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
        "software-system-clock", "hardware-raw-clock");
    static final List<String> RX_FILTERS = List.of("none", "all");

    private IgbDefaults() {
    }
}
