package io.netmodel.api.ethtool;

/**
 * What a driver's {@code get_link_ksettings} fills in {@code struct ethtool_link_ksettings}
 * ({@code include/uapi/linux/ethtool.h}), as {@code ethtool DEVNAME} shows it. The link mode
 * bitmaps are not carried: the model's drivers that implement the op report none (virtio_net,
 * whose {@code virtnet_get_link_ksettings} leaves them empty: "Not reported").
 *
 * @param speedMbps {@code base.speed}, Mb/s, or {@link #SPEED_UNKNOWN}
 * @param duplex {@code base.duplex}: {@link #DUPLEX_HALF}, {@link #DUPLEX_FULL} or {@link #DUPLEX_UNKNOWN}
 * @param port {@code base.port}: {@link #PORT_TP}, {@link #PORT_OTHER}, ...
 * @param phyAddress {@code base.phy_address}
 * @param autoneg {@code base.autoneg}: the link is being negotiated
 * @param transceiver {@code base.transceiver}: {@link #XCVR_INTERNAL} or {@link #XCVR_EXTERNAL}
 * @since 1.4
 */
public record LinkKsettings(int speedMbps, int duplex, int port, int phyAddress, boolean autoneg, int transceiver) {
    /** {@code SPEED_UNKNOWN}. */
    public static final int SPEED_UNKNOWN = -1;
    public static final int DUPLEX_HALF = 0x00;
    public static final int DUPLEX_FULL = 0x01;
    public static final int DUPLEX_UNKNOWN = 0xff;
    public static final int PORT_TP = 0x00;
    public static final int PORT_AUI = 0x01;
    public static final int PORT_BNC = 0x02;
    public static final int PORT_MII = 0x03;
    public static final int PORT_FIBRE = 0x04;
    public static final int PORT_DA = 0x05;
    public static final int PORT_NONE = 0xef;
    public static final int PORT_OTHER = 0xff;
    public static final int XCVR_INTERNAL = 0x00;
    public static final int XCVR_EXTERNAL = 0x01;
}
