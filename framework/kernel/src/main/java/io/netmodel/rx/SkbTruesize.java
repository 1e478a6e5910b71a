package io.netmodel.rx;

/**
 * {@code skb->truesize} of a received frame: what queueing it charges to a socket's
 * {@code sk_rmem_alloc}. The rule is one driver's buffer layout, applied to every driver: ixgbe
 * on 4 KiB pages receives into half-page buffers and builds the skb around the first
 * ({@code ixgbe_build_skb}: {@code napi_build_skb(va, ixgbe_rx_pg_size(rx_ring) / 2)}), so
 * {@code __build_skb_around} sets truesize to
 * {@code SKB_TRUESIZE(2048 - SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))} = 2048 +
 * {@code SKB_DATA_ALIGN(sizeof(struct sk_buff))} = 2048 + 256 = 2304 on x86_64. A buffer holds
 * at most {@code IXGBE_MAX_2K_FRAME_BUILD_SKB} = {@code IXGBE_RXBUFFER_1536 - NET_IP_ALIGN} = 1536
 * bytes of frame. Checked against {@code ixgbe_build_skb}, {@code __build_skb_around}
 * ({@code size = frag_size - SKB_DATA_ALIGN(sizeof(struct skb_shared_info))},
 * {@code truesize = SKB_TRUESIZE(size)}) and ixgbe.h.
 *
 * <p>A longer frame is an extrapolation, not ixgbe: the model charges 2048 more per further
 * 1536 bytes, as if it spanned more half-page descriptors added as fragments; ixgbe itself
 * switches such MTUs to 3 KiB buffers on order-1 pages. Other drivers differ too (virtio_net's
 * mergeable buffers follow the average packet length; copybreak drivers copy small frames into
 * a smaller head), which the model does not distinguish.
 */
final class SkbTruesize {
    /** {@code SKB_DATA_ALIGN(sizeof(struct sk_buff))} on x86_64 (kernel-interfaces.md §3.2: 232 rounded up to 256). */
    static final int SK_BUFF = 256;
    /** A half-page receive buffer (4 KiB pages). */
    static final int RX_BUFFER = 2048;
    /** The frame bytes one buffer holds ({@code IXGBE_RXBUFFER_1536 - NET_IP_ALIGN}, NET_IP_ALIGN 0 on x86). */
    static final int RX_BUFFER_DATA = 1536;

    private SkbTruesize() {
    }

    /** The truesize of a {@code frameBytes} frame: 2304 up to 1536 bytes, then 2048 more per buffer. */
    static int of(int frameBytes) {
        int buffers = Math.max(1, (frameBytes + RX_BUFFER_DATA - 1) / RX_BUFFER_DATA);
        return SK_BUFF + buffers * RX_BUFFER;
    }
}
