package io.netmodel.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private long now;

    private ProgressBar bar(StringWriter sink, boolean enabled, long totalSimNs) {
        return new ProgressBar(new PrintWriter(sink), enabled, totalSimNs, () -> now);
    }

    @Test
    void a_short_run_shows_nothing() {
        StringWriter sink = new StringWriter();
        ProgressBar b = bar(sink, true, 10_000_000_000L);
        ProgressListener l = b.run(10_000_000_000L);
        now = 3_000_000_000L; // 3 s of wall time for half the run: 6 s in all
        l.progress(5_000_000_000L, 10_000_000_000L);
        b.finish();
        assertEquals("", sink.toString());
        assertFalse(b.shown());
    }

    @Test
    void a_long_batch_says_so_once_and_draws_a_bar_over_all_runs() {
        StringWriter sink = new StringWriter();
        ProgressBar b = bar(sink, true, 20_000_000_000L);
        ProgressListener first = b.run(10_000_000_000L);
        ProgressListener second = b.run(10_000_000_000L);
        now = 1_000_000_000L;
        first.progress(100_000_000L, 10_000_000_000L); // too early to judge
        assertEquals("", sink.toString());
        now = 5_000_000_000L;
        first.progress(1_000_000_000L, 10_000_000_000L); // 5 s for 1 of 20 simulated s: 100 s in all
        now = 60_000_000_000L;
        second.progress(5_000_000_000L, 10_000_000_000L);
        b.finish();
        String out = sink.toString();
        assertTrue(out.startsWith("netmodel bench: this will take long, about 100 s in all (20 s of simulated time)"), out);
        assertEquals(1, out.split("this will take long", -1).length - 1);
        assertTrue(out.contains("\r["), out);
        assertTrue(out.contains(" 75%  simulated 15/20 s"), out);
        assertTrue(out.endsWith(" 100%  simulated 20/20 s  elapsed 1:00  left ~0:00 \n"), out);
        assertTrue(b.shown());
    }

    @Test
    void not_a_terminal_nothing_at_all() {
        StringWriter sink = new StringWriter();
        ProgressBar b = bar(sink, false, 20_000_000_000L);
        ProgressListener l = b.run(20_000_000_000L);
        now = 10_000_000_000L;
        l.progress(1_000_000L, 20_000_000_000L);
        b.finish();
        assertEquals("", sink.toString());
    }
}
