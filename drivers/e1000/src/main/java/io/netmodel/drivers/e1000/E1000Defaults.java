package io.netmodel.drivers.e1000;

import java.util.List;

/**
 * e1000's defaults and limits, for the driver and for the ethtool work to come
 * (kernel-algorithms.md §3.1 and table (b); {@code e1000.h}, {@code e1000_param.c},
 * {@code e1000_main.c}). Constants only: nothing here changes with the kernel release unless
 * said so.
 */
final class E1000Defaults {
    /**
     * {@code DRV_VERSION} in {@code e1000_main.c} ({@code MODULE_VERSION}, {@code ethtool -i}) as
     * 3.x/4.x kernels print it (checked: the patch that removed it in
     * {@link E1000History#DRIVER_VERSION_REMOVED} deletes this string).
     */
    static final String DRV_VERSION = "7.3.21-k8-NAPI";

    /** {@code NAPI_POLL_WEIGHT}, given to {@code netif_napi_add} in {@code e1000_probe} (implicit from 6.1). */
    static final int NAPI_WEIGHT = 64;

    /** {@code E1000_DEFAULT_TXD} / {@code E1000_DEFAULT_RXD}: {@code ethtool -g} current. */
    static final int DEFAULT_RING = 256;
    /** {@code E1000_MAX_82544_TXD} / {@code _RXD}: the maximum on 82544 and later (the 82540EM). */
    static final int MAX_RING_82544 = 4096;
    /** {@code E1000_MAX_TXD} / {@code _RXD}: the maximum on chips before the 82544. */
    static final int MAX_RING_PRE_82544 = 256;
    /**
     * {@code E1000_MIN_TXD} / {@code _RXD}: 48 (checked in {@code e1000.h}, with the default 256, the
     * maxima 256 and 4096 and the ITR range 10..10000 µs). The 80 once recalled here for older
     * sources is e1000e's {@code E1000_MIN_TXD}, not e1000's.
     */
    static final int MIN_RING = 48;
    /** {@code REQ_TX_DESCRIPTOR_MULTIPLE} / {@code REQ_RX_DESCRIPTOR_MULTIPLE}: counts are rounded up to 8. */
    static final int RING_MULTIPLE = 8;

    /** {@code DEFAULT_ITR}: {@code InterruptThrottleRate} 3 = dynamic conservative. */
    static final int DEFAULT_ITR = 3;
    /** {@code MIN_ITR} / {@code MAX_ITR}: fixed rates, interrupts per second. */
    static final int MIN_ITR = 100;
    static final int MAX_ITR = 100000;
    /** The rate a dynamic mode starts from ({@code adapter->itr = 20000} in {@code e1000_check_options}). */
    static final int DYNAMIC_START_ITR = 20000;
    /** Below gigabit link speed the dynamic modes use a fixed 4000/s ({@code e1000_set_itr}). */
    static final int SUB_GIGABIT_ITR = 4000;
    /** Delay timers in 1.024 µs units: {@code TxIntDelay} (TIDV), {@code TxAbsIntDelay} (TADV), {@code RxIntDelay} (RDTR), {@code RxAbsIntDelay} (RADV). */
    static final int DEFAULT_TIDV = 8;
    static final int DEFAULT_TADV = 32;
    static final int DEFAULT_RDTR = 0;
    static final int DEFAULT_RADV = 8;

    /** {@code COPYBREAK_DEFAULT}: frames up to this size are copied into a fresh skb. */
    static final int COPYBREAK_DEFAULT = 256;

    /**
     * {@code ETH_ZLEN - ETH_HLEN} (46): {@code e1000_probe}'s {@code min_mtu} ("MTU range: 46 - 16110",
     * since the core checks the range, 4.10); before, {@code e1000_change_mtu} refused a frame
     * below {@code MINIMUM_ETHERNET_FRAME_SIZE} (64 = 46 + header and FCS): the same bound. Not
     * the core's {@code ETH_MIN_MTU} (68) that igb, ixgbe and virtio_net use.
     */
    static final int MIN_MTU = 46;
    /**
     * {@code MAX_JUMBO_FRAME_SIZE} (0x3F00) less {@code ETH_HLEN + ETH_FCS_LEN}: the
     * {@code max_mtu} {@code e1000_probe} sets on jumbo-capable MACs (the 82540EM is one).
     */
    static final int MAX_MTU = 0x3F00 - (14 + 4);

    /**
     * {@code ethtool -T}: software timestamping only ({@code ethtool_op_get_ts_info}), no PHC;
     * the 8254x has no hardware timestamping.
     */
    static final List<String> TIMESTAMPING = List.of(
        "software-transmit", "software-receive", "software-system-clock");

    private E1000Defaults() {
    }
}
