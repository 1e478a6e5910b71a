package io.netmodel.shell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * xsk_rr's {@code -l} windows cut by time, as xsk_rr cuts them: each reply goes into the
 * window's bucket histogram ({@code record_recv()}); the first reply prints at once
 * ({@code prev_print} starts at 0, so its window holds that one reply), then the first reply at
 * least {@code -l} seconds after the previous print prints the window it closes, and the
 * histogram is cleared. The last window, never printed by xsk_rr, is left out. Memory is one
 * histogram (20000 buckets) plus the four printed lines of each window, whatever the run length.
 *
 * <p>The model's times are simulated ns since the measured part began, so the first sample
 * stands for xsk_rr's first reply. A run shorter than one window is estimated as one window
 * over all its samples (the first one included), with {@code windows == 0}.
 */
public final class XskRrWindows {
    private final long logNs;
    private final long[] buckets = new long[XskRrEstimator.BUCKETS_NUM];
    private final List<XskRrEstimator.Report> printed = new ArrayList<>();
    private boolean first = true;
    private long prevPrintNs;
    private int firstBucket = -1;

    /** Windows of {@code logSeconds} (xsk_rr's {@code -l}). */
    public XskRrWindows(int logSeconds) {
        if (logSeconds < 1) {
            throw new IllegalArgumentException("-l must be >= 1, not " + logSeconds);
        }
        this.logNs = logSeconds * 1_000_000_000L;
    }

    /** A reply taken at {@code atNs} with round-trip time {@code rttNs}. */
    public void record(long atNs, long rttNs) {
        int b = XskRrEstimator.bucket(rttNs);
        if (first) { // printed at once, a window of this one reply: not one of the windows reported
            first = false;
            firstBucket = b;
            prevPrintNs = atNs;
            return;
        }
        buckets[b]++;
        if (atNs - prevPrintNs >= logNs) {
            printed.add(XskRrEstimator.print(buckets));
            Arrays.fill(buckets, 0);
            prevPrintNs = atNs;
        }
    }

    /** Complete windows printed so far. */
    public int windows() {
        return printed.size();
    }

    /**
     * The run's xsk_rr figures: the median over the printed windows, or, with none, one window
     * over every sample recorded.
     */
    public XskRrEstimator.Report report() {
        if (!printed.isEmpty()) {
            return XskRrEstimator.median(printed);
        }
        long[] whole = buckets.clone();
        if (firstBucket >= 0) {
            whole[firstBucket]++;
        }
        XskRrEstimator.Report r = XskRrEstimator.print(whole);
        return new XskRrEstimator.Report(r.p5(), r.p50(), r.p95(), r.p99(), 0);
    }
}
