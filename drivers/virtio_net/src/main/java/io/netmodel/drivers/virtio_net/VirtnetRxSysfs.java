package io.netmodel.drivers.virtio_net;

/**
 * {@code queues/rx-N/virtio_net/mergeable_rx_buffer_size} ({@code virtio_net_mrg_rx_group},
 * {@code mergeable_rx_buffer_size_show} in {@code drivers/net/virtio_net.c}): the buffer size
 * {@code get_mergeable_buf_len} would post next, {@code %u\n}. That is {@code hdr_len} plus the
 * queue's EWMA of received packet lengths clamped to [{@code min_buf_len}, {@code PAGE_SIZE -
 * hdr_len}], aligned to {@code L1_CACHE_BYTES}. The model's device is a QEMU virtio-net-pci with
 * mergeable buffers (12-byte {@code virtio_net_hdr_mrg_rxbuf}), guest TSO (so {@code big_packets},
 * {@code packet_len} = {@code IP_MAX_MTU}) and 256-entry rings, no XDP headroom. The receive
 * EWMA is not modelled (it starts at 0, {@code ewma_pkt_len_init}), so every queue reads the
 * idle value: {@code min_buf_len} = max(⌈(12 + 14 + 4 + 65535) / 256⌉ − 12, {@code GOOD_PACKET_LEN}
 * 1518) = 1518, 12 + 1518 = 1530, aligned to 64: 1536. A guest that has received large GRO
 * packets reads up to 4096 (kernel-interfaces.md §2.6's live host does). The formula is recalled
 * from the source, not checked line by line.
 */
final class VirtnetRxSysfs {
    /** {@code sizeof(struct virtio_net_hdr_mrg_rxbuf)}. */
    static final int HDR_LEN = 12;
    static final int ETH_HLEN = 14;
    static final int VLAN_HLEN = 4;
    static final int IP_MAX_MTU = 65535;
    static final int GOOD_PACKET_LEN = ETH_HLEN + VLAN_HLEN + 1500;
    static final int RX_RING_SIZE = 256;
    static final int PAGE_SIZE = 4096;
    static final int L1_CACHE_BYTES = 64;

    private VirtnetRxSysfs() {
    }

    /** {@code mergeable_min_buf_len}. */
    static int minBufLen() {
        int bufLen = HDR_LEN + ETH_HLEN + VLAN_HLEN + IP_MAX_MTU;
        int minBufLen = (bufLen + RX_RING_SIZE - 1) / RX_RING_SIZE;
        return Math.max(Math.max(minBufLen, HDR_LEN) - HDR_LEN, GOOD_PACKET_LEN);
    }

    /** {@code get_mergeable_buf_len} with no headroom, for an EWMA of {@code avgPacketLen}. */
    static int mergeableBufLen(int avgPacketLen) {
        int len = HDR_LEN + Math.min(Math.max(avgPacketLen, minBufLen()), PAGE_SIZE - HDR_LEN);
        return (len + L1_CACHE_BYTES - 1) / L1_CACHE_BYTES * L1_CACHE_BYTES;
    }

    /** The file's text for rx queue {@code index} (every queue is idle: EWMA 0). */
    static String mergeableRxBufferSize(int index) {
        return mergeableBufLen(0) + "\n";
    }
}
