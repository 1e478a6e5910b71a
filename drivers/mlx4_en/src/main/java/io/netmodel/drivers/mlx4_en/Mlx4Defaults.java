package io.netmodel.drivers.mlx4_en;

import java.util.List;

/**
 * mlx4_en's defaults and limits, for the driver and for the ethtool work to come
 * (kernel-algorithms.md §3.5 and table (b); {@code mlx4_en.h} of 6.17, {@code en_main.c},
 * {@code en_netdev.c}).
 */
final class Mlx4Defaults {
    /**
     * {@code DRV_VERSION} of mlx4_en: "4.0-0" (checked in a 4.10+-era {@code mlx4_en.h}, where
     * {@code mlx4_en_get_drvinfo} copies it alone). 3.x releases printed
     * {@code DRV_VERSION " (" DRV_RELDATE ")"} (checked in a 3.11-era {@code en_ethtool.c}) with
     * other values ("2.2-1" recalled); the model shows "4.0-0" on every release.
     */
    static final String DRV_VERSION = "4.0-0";

    /** Ethernet ports of the simulated card (real ConnectX-3 cards often have two). */
    static final int PORTS = 1;
    /** {@code netif_napi_add(cq->dev, &cq->napi, mlx4_en_poll_rx_cq, 64)}. */
    static final int NAPI_WEIGHT = 64;

    /** {@code MLX4_EN_DEF_RX_RINGS}: RX rings = rounddown_pow_of_two(min(completion EQs, 16)). */
    static final int DEF_RX_RINGS = 16;
    /** {@code MAX_RX_RINGS}: what {@code alloc_etherdev_mqs} allocates (16 in older drivers). */
    static final int MAX_RX_RINGS = 128;
    /** {@code MLX4_EN_MAX_TX_RING_P_UP}: TX rings per user priority, min(CPUs, 32). */
    static final int MAX_TX_RING_P_UP = 32;
    /** {@code MLX4_EN_NUM_UP} / {@code MLX4_EN_NUM_UP_HIGH}: user priorities. */
    static final int NUM_UP = 8;
    /** {@code MAX_TX_RINGS}: {@code MAX_TX_RING_P_UP * NUM_UP}. */
    static final int MAX_TX_RINGS = MAX_TX_RING_P_UP * NUM_UP;

    /**
     * {@code MLX4_EN_DEF_RX_RING_SIZE} / {@code _TX_RING_SIZE}: 1024, TX defined as RX (checked in a
     * 5.16+-era {@code mlx4_en.h}; TX was 512 in older drivers, checked in a 3.x-era one, not switched).
     */
    static final int DEFAULT_RING = 1024;
    /** {@code MLX4_EN_MAX_RX_SIZE} / {@code _TX_SIZE}. */
    static final int MAX_RING = 8192;

    /** {@code MLX4_EN_RX_COAL_TARGET}: {@code rx-frames}. */
    static final int RX_COAL_TARGET = 44;
    /** {@code MLX4_EN_RX_COAL_TIME} (0x10): {@code rx-usecs}. */
    static final int RX_COAL_TIME = 0x10;
    /** {@code MLX4_EN_TX_COAL_PKTS} / {@code _TIME}: {@code tx-frames} 16, {@code tx-usecs} 16 (older 5 / 0x80). */
    static final int TX_COAL_PKTS = 16;
    static final int TX_COAL_TIME = 0x10;
    /**
     * Adaptive RX moderation: 0 µs below 400,000 pps, 128 µs above 450,000, linear between
     * ({@code MLX4_EN_RX_RATE_LOW}, {@code _COAL_TIME_LOW}, {@code _RATE_HIGH}, {@code _COAL_TIME_HIGH},
     * checked, as are the coalescing values above); that it is on by default is unverified.
     */
    static final int RX_RATE_LOW = 400000;
    static final int RX_COAL_TIME_LOW = 0;
    static final int RX_RATE_HIGH = 450000;
    static final int RX_COAL_TIME_HIGH = 128;
    /** {@code MLX4_EN_MAX_COAL_PKTS} / {@code _TIME}: U16_MAX. */
    static final int MAX_COAL = 0xffff;

    /** {@code ETH_MIN_MTU} ({@code dev->min_mtu}, 4.10+; {@code MLX4_EN_MIN_MTU} 46 before). */
    static final int MIN_MTU = 68;
    /** The port's {@code eth_mtu_cap} less {@code ETH_HLEN} and two VLAN headers (recalled, unverified). */
    static final int MAX_MTU = 9978;

    /** {@code ethtool -T}: hardware TX/RX stamps with a PHC, RX filter "all" (unverified). */
    static final List<String> TIMESTAMPING = List.of(
        "hardware-transmit", "software-transmit", "hardware-receive", "software-receive",
        "software-system-clock", "hardware-raw-clock");
    static final List<String> RX_FILTERS = List.of("none", "all");

    private Mlx4Defaults() {
    }
}
