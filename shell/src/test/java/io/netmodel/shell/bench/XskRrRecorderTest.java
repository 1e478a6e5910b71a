package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * An xsk_rr run's samples summarised as they come: the same figures as from the whole sample
 * array, and memory that does not grow with the run's length (simulated time: the samples are
 * generated, nothing sleeps).
 */
class XskRrRecorderTest {
    private static final long PERIOD_NS = 8_000; // 125K requests/s

    /** Samples of {@code seconds} at 125K/s, one per period, 10–40 µs with a tail. */
    private static long sample(long i) {
        long x = (i * 0x9E3779B97F4A7C15L) >>> 40;
        return 10_000 + x % 30_000 + (x % 997 == 0 ? 150_000 : 0);
    }

    private static long record(XskRrRecorder rec, long from, long to) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (long i = from; i < to; i++) {
            rec.sample(i * PERIOD_NS, sample(i));
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void recording_allocates_per_window_not_per_sample() {
        long perSecond = 1_000_000_000L / PERIOD_NS;
        XskRrRecorder rec = new XskRrRecorder(1, false);
        record(rec, 0, 2 * perSecond); // the histograms' arrays, the first windows
        long tenSeconds = record(rec, 2 * perSecond, 12 * perSecond);
        long sixtySeconds = record(rec, 12 * perSecond, 72 * perSecond);
        // 60 windows of four printed lines each: well under a kilobyte a window; keeping the
        // samples would take 8 bytes each, 60 MB
        assertTrue(sixtySeconds < 60 * 1024, "60 s of samples allocated " + sixtySeconds + " bytes");
        assertTrue(sixtySeconds < 6 * tenSeconds + 64 * 1024, "10 s: " + tenSeconds + ", 60 s: " + sixtySeconds);
        assertEquals(71, rec.xsk().windows());

        XskRrRecorder keeping = new XskRrRecorder(1, true);
        record(keeping, 0, 2 * perSecond);
        assertTrue(record(keeping, 2 * perSecond, 12 * perSecond) >= 8 * 10 * perSecond,
            "kept samples are counted by this measure");
    }

    @Test
    void the_summaries_are_those_of_the_whole_sample_array() {
        int n = 3 * 125_000 + 17;
        long[] all = new long[n];
        XskRrRecorder rec = new XskRrRecorder(1, true);
        XskRrWindows byTime = new XskRrWindows(1);
        for (int i = 0; i < n; i++) {
            all[i] = sample(i);
            rec.sample(i * PERIOD_NS, all[i]);
            byTime.record(i * PERIOD_NS, all[i]);
        }
        assertEquals(LatencyStats.of(all), rec.stats());
        assertArrayEquals(all, rec.samples());
        assertEquals(byTime.report(), rec.xsk());
        // one sample per period: the windows by time are the windows of 125000 samples after the first
        XskRrEstimator.Report second = XskRrEstimator.window(all, 125_001, 250_001);
        assertEquals(3, rec.xsk().windows());
        java.util.List<XskRrEstimator.Report> windows = java.util.List.of(XskRrEstimator.window(all, 1, 125_001), second,
            XskRrEstimator.window(all, 250_001, 375_001));
        assertEquals(XskRrEstimator.median(windows), rec.xsk());
        assertEquals(0, new XskRrRecorder(1, false).samples().length);
    }
}
