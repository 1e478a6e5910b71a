package io.netmodel.api.ethtool;

/**
 * The netdev feature bits ({@code NETIF_F_*}, {@code include/linux/netdev_features.h}) in bit order,
 * with the names of the {@code ETH_SS_FEATURES} string set ({@code netdev_features_strings} in
 * {@code net/ethtool/common.c}) that {@code ethtool -k} prints. The list is that of 6.18-6.19
 * (checked against {@code ethtool -k} on a 6.18 host): bits removed earlier ({@code NETIF_F_LLTX},
 * {@code NETNS_LOCAL}, {@code FCOE_MTU}, {@code GSO_UDP}) are not here.
 */
public enum NetdevFeature {
    /** {@code NETIF_F_SG}. */
    SG("tx-scatter-gather"),
    /** {@code NETIF_F_IP_CSUM}. */
    IP_CSUM("tx-checksum-ipv4"),
    /** {@code NETIF_F_HW_CSUM}. */
    HW_CSUM("tx-checksum-ip-generic"),
    /** {@code NETIF_F_IPV6_CSUM}. */
    IPV6_CSUM("tx-checksum-ipv6"),
    /** {@code NETIF_F_HIGHDMA}. */
    HIGHDMA("highdma"),
    /** {@code NETIF_F_FRAGLIST}. */
    FRAGLIST("tx-scatter-gather-fraglist"),
    /** {@code NETIF_F_HW_VLAN_CTAG_TX}. */
    HW_VLAN_CTAG_TX("tx-vlan-hw-insert"),
    /** {@code NETIF_F_HW_VLAN_CTAG_RX}. */
    HW_VLAN_CTAG_RX("rx-vlan-hw-parse"),
    /** {@code NETIF_F_HW_VLAN_CTAG_FILTER}. */
    HW_VLAN_CTAG_FILTER("rx-vlan-filter"),
    /** {@code NETIF_F_VLAN_CHALLENGED}. */
    VLAN_CHALLENGED("vlan-challenged"),
    /** {@code NETIF_F_GSO}. */
    GSO("tx-generic-segmentation"),
    /** {@code NETIF_F_GRO}. */
    GRO("rx-gro"),
    /** {@code NETIF_F_LRO}. */
    LRO("rx-lro"),
    /** {@code NETIF_F_TSO}. */
    TSO("tx-tcp-segmentation"),
    /** {@code NETIF_F_GSO_ROBUST}. */
    GSO_ROBUST("tx-gso-robust"),
    /** {@code NETIF_F_TSO_ECN}. */
    TSO_ECN("tx-tcp-ecn-segmentation"),
    /** {@code NETIF_F_TSO_MANGLEID}. */
    TSO_MANGLEID("tx-tcp-mangleid-segmentation"),
    /** {@code NETIF_F_TSO6}. */
    TSO6("tx-tcp6-segmentation"),
    /** {@code NETIF_F_FSO}. */
    FSO("tx-fcoe-segmentation"),
    /** {@code NETIF_F_GSO_GRE}. */
    GSO_GRE("tx-gre-segmentation"),
    /** {@code NETIF_F_GSO_GRE_CSUM}. */
    GSO_GRE_CSUM("tx-gre-csum-segmentation"),
    /** {@code NETIF_F_GSO_IPXIP4}. */
    GSO_IPXIP4("tx-ipxip4-segmentation"),
    /** {@code NETIF_F_GSO_IPXIP6}. */
    GSO_IPXIP6("tx-ipxip6-segmentation"),
    /** {@code NETIF_F_GSO_UDP_TUNNEL}. */
    GSO_UDP_TUNNEL("tx-udp_tnl-segmentation"),
    /** {@code NETIF_F_GSO_UDP_TUNNEL_CSUM}. */
    GSO_UDP_TUNNEL_CSUM("tx-udp_tnl-csum-segmentation"),
    /** {@code NETIF_F_GSO_PARTIAL}. */
    GSO_PARTIAL("tx-gso-partial"),
    /** {@code NETIF_F_GSO_TUNNEL_REMCSUM}. */
    GSO_TUNNEL_REMCSUM("tx-tunnel-remcsum-segmentation"),
    /** {@code NETIF_F_GSO_SCTP}. */
    GSO_SCTP("tx-sctp-segmentation"),
    /** {@code NETIF_F_GSO_ESP}. */
    GSO_ESP("tx-esp-segmentation"),
    /** {@code NETIF_F_GSO_UDP_L4}. */
    GSO_UDP_L4("tx-udp-segmentation"),
    /** {@code NETIF_F_GSO_FRAGLIST}. */
    GSO_FRAGLIST("tx-gso-list"),
    /** {@code NETIF_F_GSO_ACCECN}. */
    GSO_ACCECN("tx-tcp-accecn-segmentation"),
    /** {@code NETIF_F_FCOE_CRC}. */
    FCOE_CRC("tx-checksum-fcoe-crc"),
    /** {@code NETIF_F_SCTP_CRC}. */
    SCTP_CRC("tx-checksum-sctp"),
    /** {@code NETIF_F_NTUPLE}. */
    NTUPLE("rx-ntuple-filter"),
    /** {@code NETIF_F_RXHASH}. */
    RXHASH("rx-hashing"),
    /** {@code NETIF_F_RXCSUM}. */
    RXCSUM("rx-checksum"),
    /** {@code NETIF_F_NOCACHE_COPY}. */
    NOCACHE_COPY("tx-nocache-copy"),
    /** {@code NETIF_F_LOOPBACK}. */
    LOOPBACK("loopback"),
    /** {@code NETIF_F_RXFCS}. */
    RXFCS("rx-fcs"),
    /** {@code NETIF_F_RXALL}. */
    RXALL("rx-all"),
    /** {@code NETIF_F_HW_VLAN_STAG_TX}. */
    HW_VLAN_STAG_TX("tx-vlan-stag-hw-insert"),
    /** {@code NETIF_F_HW_VLAN_STAG_RX}. */
    HW_VLAN_STAG_RX("rx-vlan-stag-hw-parse"),
    /** {@code NETIF_F_HW_VLAN_STAG_FILTER}. */
    HW_VLAN_STAG_FILTER("rx-vlan-stag-filter"),
    /** {@code NETIF_F_HW_L2FW_DOFFLOAD}. */
    HW_L2FW_DOFFLOAD("l2-fwd-offload"),
    /** {@code NETIF_F_HW_TC}. */
    HW_TC("hw-tc-offload"),
    /** {@code NETIF_F_HW_ESP}. */
    HW_ESP("esp-hw-offload"),
    /** {@code NETIF_F_HW_ESP_TX_CSUM}. */
    HW_ESP_TX_CSUM("esp-tx-csum-hw-offload"),
    /** {@code NETIF_F_RX_UDP_TUNNEL_PORT}. */
    RX_UDP_TUNNEL_PORT("rx-udp_tunnel-port-offload"),
    /** {@code NETIF_F_HW_TLS_TX}. */
    HW_TLS_TX("tls-hw-tx-offload"),
    /** {@code NETIF_F_HW_TLS_RX}. */
    HW_TLS_RX("tls-hw-rx-offload"),
    /** {@code NETIF_F_GRO_HW}. */
    GRO_HW("rx-gro-hw"),
    /** {@code NETIF_F_HW_TLS_RECORD}. */
    HW_TLS_RECORD("tls-hw-record"),
    /** {@code NETIF_F_GRO_FRAGLIST}. */
    GRO_FRAGLIST("rx-gro-list"),
    /** {@code NETIF_F_HW_MACSEC}. */
    HW_MACSEC("macsec-hw-offload"),
    /** {@code NETIF_F_GRO_UDP_FWD}. */
    GRO_UDP_FWD("rx-udp-gro-forwarding"),
    /** {@code NETIF_F_HW_HSR_TAG_INS}. */
    HW_HSR_TAG_INS("hsr-tag-ins-offload"),
    /** {@code NETIF_F_HW_HSR_TAG_RM}. */
    HW_HSR_TAG_RM("hsr-tag-rm-offload"),
    /** {@code NETIF_F_HW_HSR_FWD}. */
    HW_HSR_FWD("hsr-fwd-offload"),
    /** {@code NETIF_F_HW_HSR_DUP}. */
    HW_HSR_DUP("hsr-dup-offload");

    private final String ethtoolName;

    NetdevFeature(String ethtoolName) {
        this.ethtoolName = ethtoolName;
    }

    /** The feature's name in {@code ethtool -k} / {@code -K}. */
    public String ethtoolName() {
        return ethtoolName;
    }

    /** The feature with that {@code ethtool -k} name, or null. */
    public static NetdevFeature byEthtoolName(String name) {
        for (NetdevFeature f : values()) {
            if (f.ethtoolName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
