package io.netmodel.dim;

/**
 * {@code struct dim_stats}: the rates one measurement found, per millisecond. Computed by
 * {@code dim_calc_stats} ({@code lib/dim/dim.c}); {@code cpms}/{@code cpe_ratio} are left out
 * ({@code net_dim()} does not read them).
 */
public record DimStats(int ppms, int bpms, int epms) {
    /** {@code struct dim_stats} as {@code kzalloc} leaves {@code dim->prev_stats}. */
    static final DimStats ZERO = new DimStats(0, 0, 0);

    /**
     * {@code dim_calc_stats(start, end, &curr)}: {@code delta_us} is {@code ktime_us_delta} held in
     * a u32; packet and byte counts are u32 {@code BIT_GAP}s; each rate is
     * {@code DIV_ROUND_UP(n * USEC_PER_MSEC, delta_us)}; {@code epms} counts {@code DIM_NEVENTS},
     * not the events actually seen (as the C code does). Null when {@code delta_us} is 0 (the
     * function returns false and {@code net_dim()} keeps measuring).
     */
    static DimStats calc(DimSample start, DimSample end) {
        long deltaUs = ((end.timeNs() - start.timeNs()) / 1000) & 0xffff_ffffL;
        if (deltaUs == 0) {
            return null;
        }
        long npkts = (end.pktCtr() - start.pktCtr()) & 0xffff_ffffL;
        long nbytes = (end.byteCtr() - start.byteCtr()) & 0xffff_ffffL;
        return new DimStats(divRoundUp(npkts * 1000, deltaUs), divRoundUp(nbytes * 1000, deltaUs),
            divRoundUp(NetDim.DIM_NEVENTS * 1000L, deltaUs));
    }

    /** {@code DIV_ROUND_UP}, stored into the struct's {@code int}. */
    private static int divRoundUp(long n, long d) {
        return (int) ((n + d - 1) / d);
    }
}
