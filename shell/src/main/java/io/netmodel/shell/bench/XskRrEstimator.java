package io.netmodel.shell.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The "pXX" figures xsk_rr prints, computed the way xsk_rr computes them, so the model's
 * samples can be compared like with like with published xsk_rr tables (seed 001).
 *
 * <p><b>Source.</b> A line-for-line port of {@code record_recv()} (bucketing) and
 * {@code print_percentile()} in {@code tools/testing/selftests/bpf/xsk_rr.c} of
 * "[RFC PATCH net-next v2] Add `xsk_rr` an AF_XDP benchmark to measure latency", Samiullah
 * Khawaja, netdev, 2025-08-28, Message-ID {@code 20250828222501.288951-1-skhawaja@google.com}
 * (RFC v1, {@code 20250320163523.3501305-1-skhawaja@google.com}, has the same two functions but
 * for whitespace). The tool was not meant to be merged ("Not intended to be merged").
 *
 * <p><b>What xsk_rr does.</b> Each round-trip time goes into one of 20000 buckets of 100 ns
 * ({@code buckets[rtt / 100]}; everything from 1 999 900 ns up lands in the last bucket).
 * Every {@code -l} seconds it calls {@code print_percentile(5)}, {@code (50)}, {@code (95)},
 * {@code (99)} in that order on the same histogram, then clears it. For XX, it
 * <ol>
 *   <li>sums the buckets and takes {@code total = sum * XX / 100} (integer division);</li>
 *   <li>walks the buckets from the lowest, <i>truncating each in place</i> to
 *       {@code min(bucket, total - count)}, so the bucket where the walk stops loses the part
 *       above the target, for good: the next call sees a smaller histogram;</li>
 *   <li>keeps an integer running mean of the bucket indices walked,
 *       {@code rtt = (bucket * i + count * rtt) / (count + bucket)}, floored at every step;</li>
 *   <li>prints {@code count} and {@code rtt * 100}.</li>
 * </ol>
 * So "p50" is (at best) the mean of the lowest half, not the median; the per-step floor makes
 * the running mean stick once a bucket's pull is less than one 100 ns step, which pins it near
 * the bottom of the distribution; and the truncation makes p50/p95/p99 depend on the calls
 * before them. On 25 000 samples drawn uniformly from 13–28 µs (one window at 25 Kpkt/s) it
 * prints p50 ≈ 13.6 µs and p99 ≈ 14.4 µs, where the true values are 20.5 and 27.85; how far the
 * mean sticks depends on the bucket-to-bucket noise (evenly spaced samples stick at 13.0–13.2).
 * The figures say little about tails; report true percentiles beside them.
 *
 * <p><b>Windows.</b> xsk_rr prints at the first reply ({@code prev_print} starts at 0), then
 * at the first reply at least {@code -l} seconds after the previous print; {@link XskRrWindows}
 * cuts the model's samples the same way, by their simulated time. {@link #median} reports, per
 * column, the median over the complete windows (the lower middle one for an even count: a
 * value xsk_rr actually printed). Choosing the median of the printed windows is ours: the
 * papers quote one printed window without saying which.
 */
public final class XskRrEstimator {
    /** {@code BUCKETS_NUM}. */
    public static final int BUCKETS_NUM = 20000;
    /** {@code BUCKET_SIZE_NM} (the name says nm; it is ns). */
    public static final long BUCKET_SIZE_NS = 100;
    /** {@code BUCKET_MAX_VALUE}: from here up, samples land in the last bucket. */
    public static final long BUCKET_MAX_VALUE = (BUCKETS_NUM - 1) * BUCKET_SIZE_NS;
    /** The percentiles xsk_rr prints, in the order it prints them. */
    static final int[] PRINTED = {5, 50, 95, 99};

    private XskRrEstimator() {
    }

    /** One {@code count: %lu p%d: %lu} line. */
    public record Line(int percentile, long count, long valueNs) {
    }

    /**
     * The four lines of one report.
     *
     * @param windows how many xsk_rr windows the values are the median of (0: the run was
     *     shorter than one window and was estimated as a whole)
     */
    public record Report(Line p5, Line p50, Line p95, Line p99, int windows) {
    }

    /** {@code record_recv()}'s bucketing of samples {@code [from, to)} into a fresh histogram. */
    public static long[] buckets(long[] samplesNs, int from, int to) {
        long[] buckets = new long[BUCKETS_NUM];
        for (int k = from; k < to; k++) {
            buckets[bucket(samplesNs[k])] += 1;
        }
        return buckets;
    }

    /** {@code print_percentile(percentile)}: modifies {@code buckets} exactly as xsk_rr does. */
    public static Line printPercentile(long[] buckets, int percentile) {
        int i = 0;
        long rtt = 0;
        long count = 0;
        long totalCount = 0;
        while (i < BUCKETS_NUM) {
            totalCount += buckets[i];
            ++i;
        }
        totalCount = (totalCount * percentile) / 100;
        i = 0;
        while (count < totalCount) {
            buckets[i] = Math.min(buckets[i], totalCount - count);
            if (count != 0 || buckets[i] != 0) {
                rtt = (buckets[i] * i + count * rtt) / (count + buckets[i]);
            }
            count += buckets[i];
            ++i;
        }
        return new Line(percentile, count, rtt * BUCKET_SIZE_NS);
    }

    /** What xsk_rr prints for one window holding samples {@code [from, to)}. */
    public static Report window(long[] samplesNs, int from, int to) {
        return print(buckets(samplesNs, from, to));
    }

    /** What xsk_rr prints for the window whose histogram is {@code buckets} (which it truncates, as xsk_rr does). */
    public static Report print(long[] buckets) {
        Line[] lines = new Line[PRINTED.length];
        for (int k = 0; k < PRINTED.length; k++) {
            lines[k] = printPercentile(buckets, PRINTED[k]);
        }
        return new Report(lines[0], lines[1], lines[2], lines[3], 1);
    }

    /** {@code record_recv()}'s bucket for a round-trip time. */
    public static int bucket(long rttNs) {
        if (rttNs < 0) {
            throw new IllegalArgumentException("negative latency sample " + rttNs);
        }
        return rttNs < BUCKET_MAX_VALUE ? (int) (rttNs / BUCKET_SIZE_NS) : BUCKETS_NUM - 1;
    }

    /** Per column, the median of the printed windows {@code reports} (see the class comment). */
    public static Report median(List<Report> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no window");
        }
        return new Report(median(reports, 0), median(reports, 1), median(reports, 2), median(reports, 3), reports.size());
    }

    private static Line median(List<Report> reports, int column) {
        Line[] lines = new Line[reports.size()];
        for (int k = 0; k < lines.length; k++) {
            Report r = reports.get(k);
            lines[k] = switch (column) {
                case 0 -> r.p5();
                case 1 -> r.p50();
                case 2 -> r.p95();
                default -> r.p99();
            };
        }
        Arrays.sort(lines, (a, b) -> a.valueNs() != b.valueNs() ? Long.compare(a.valueNs(), b.valueNs())
            : Long.compare(a.count(), b.count()));
        return lines[(lines.length - 1) / 2];
    }
}
