package io.netmodel.dim;

/**
 * {@code struct dim_sample} ({@code include/linux/dim.h}) as {@code dim_update_sample} fills it:
 * the time and the consumer's counters, truncated to the field widths of the C struct
 * ({@code pkt_ctr}, {@code byte_ctr} u32, {@code event_ctr} u16) so that {@code BIT_GAP}
 * differences wrap as they do in the kernel. {@code comp_ctr} is left out: {@code net_dim()}
 * never reads it (only {@code dim_calc_stats}' {@code cpms}, which the RDMA side uses).
 *
 * @param timeNs {@code ktime_get()} at the sample, ns
 */
public record DimSample(long timeNs, long pktCtr, long byteCtr, int eventCtr) {
    /** {@code dim_update_sample(event_ctr, packets, bytes, s)} at {@code timeNs}. */
    public static DimSample of(long timeNs, long events, long packets, long bytes) {
        return new DimSample(timeNs, packets & 0xffff_ffffL, bytes & 0xffff_ffffL, (int) (events & 0xffff));
    }
}
