package io.netmodel.shell.bench;

import io.netmodel.api.bench.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a batch of runs on stderr, only for long ones: once the wall time spent and the
 * simulated time done say the whole batch will take more than about a minute, it says so
 * once, then redraws one line ({@code \r}) at most five times a second, and ends it with a
 * newline at {@link #finish()}. Silent when disabled (stderr is not a terminal).
 *
 * <p>A batch is several runs back to back ({@code --table}); {@link #run(long)} gives the
 * listener for the next one, and progress is shown over the batch's total simulated time.
 */
public final class ProgressBar {
    /** Runs expected to take longer than this get a bar. */
    static final long LONG_RUN_NS = 60_000_000_000L;
    /** Do not guess from less than this much wall time. */
    static final long SETTLE_NS = 2_000_000_000L;
    private static final long REDRAW_NS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final long totalSimNs;
    private final LongSupplier clock;
    private final long startNs;
    private long offsetNs;
    private boolean announced;
    private long lastDrawNs;

    ProgressBar(PrintWriter err, boolean enabled, long totalSimNs, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.totalSimNs = Math.max(1, totalSimNs);
        this.clock = clock;
        this.startNs = clock.getAsLong();
    }

    /** A bar over {@code totalSimNs} of simulated time, shown on {@code err} when {@code enabled}. */
    public static ProgressBar create(PrintWriter err, boolean enabled, long totalSimNs) {
        return new ProgressBar(err, enabled, totalSimNs, System::nanoTime);
    }

    /** The listener for the next run of {@code runSimNs}; call in run order. */
    public ProgressListener run(long runSimNs) {
        long base = offsetNs;
        offsetNs += runSimNs;
        return (doneNs, totalNs) -> update(base + Math.min(Math.max(doneNs, 0), runSimNs));
    }

    /** Whether the bar has been shown (the batch turned out long). */
    public boolean shown() {
        return announced;
    }

    /** Ends the bar's line, if one was drawn. */
    public synchronized void finish() {
        if (announced) {
            draw(totalSimNs, clock.getAsLong());
            err.println();
            err.flush();
        }
    }

    private synchronized void update(long doneSimNs) {
        if (!enabled || doneSimNs <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long elapsed = now - startNs;
        if (!announced) {
            if (elapsed < SETTLE_NS) {
                return;
            }
            double expected = elapsed * (double) totalSimNs / doneSimNs;
            if (expected < LONG_RUN_NS) {
                return;
            }
            announced = true;
            err.println("netmodel bench: this will take long, about " + minutes(expected) + " in all ("
                + Fmt.plain(totalSimNs / 1e9, 3) + " s of simulated time); Ctrl-C stops it");
        } else if (now - lastDrawNs < REDRAW_NS && doneSimNs < totalSimNs) {
            return;
        }
        draw(doneSimNs, now);
    }

    private void draw(long doneSimNs, long now) {
        lastDrawNs = now;
        double f = Math.min(1.0, doneSimNs / (double) totalSimNs);
        int filled = (int) Math.round(f * WIDTH);
        long elapsed = now - startNs;
        double left = f > 0 ? elapsed * (1 - f) / f : 0;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  simulated %s/%s s  elapsed %s  left ~%s ",
            "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(f * 100),
            Fmt.plain(doneSimNs / 1e9, 1), Fmt.plain(totalSimNs / 1e9, 1), clockTime(elapsed), clockTime(left)));
        err.flush();
    }

    static String minutes(double ns) {
        long s = Math.round(ns / 1e9);
        return s < 120 ? s + " s" : Math.round(s / 60.0) + " min";
    }

    static String clockTime(double ns) {
        long s = Math.round(ns / 1e9);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
