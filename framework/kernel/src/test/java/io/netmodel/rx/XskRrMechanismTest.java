package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mechanism checks of the xsk_rr model on virtual time (no sleeping, no wall clock). */
class XskRrMechanismTest {
    private static final long MS = 1_000_000;

    private static BenchResult run(String kernel, XskMode mode, long periodNs, long delayNs, long seed) {
        TinyDriver d = TinyDriver.plain();
        BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse(kernel)), HostSpec.defaultHost(),
            () -> List.of(d), () -> null);
        return svc.xskRr(new XskRrRequest(periodNs, delayNs, mode, 50 * MS, seed), (a, b) -> { });
    }

    private static long median(BenchResult r) {
        long[] s = r.latencyNs().clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void same_seed_same_samples() {
        assertArrayEquals(run("6.19", XskMode.BUSY_POLL, 31_250, 30_000, 7).latencyNs(),
            run("6.19", XskMode.BUSY_POLL, 31_250, 30_000, 7).latencyNs());
    }

    @Test
    void with_busy_read_0_nothing_busy_polls_and_every_reply_takes_an_interrupt() {
        BenchResult r = run("6.19", XskMode.INTERRUPTS, 80_000, 0, 1);
        assertEquals(0L, r.counters().get("client.napi.busy_polls"));
        assertEquals(0L, r.counters().get("server.napi.busy_polls"));
        assertTrue(r.counters().get("server.softnet.processed") >= r.transactions(), r.counters()::toString);
        long irqs = r.counters().entrySet().stream().filter(e -> e.getKey().startsWith("server.irq."))
            .mapToLong(java.util.Map.Entry::getValue).sum();
        assertTrue(irqs >= r.transactions(), "one RX interrupt per request at least: " + r.counters());
    }

    @Test
    void a_dedicated_poller_keeps_latency_flat_when_the_application_is_busy() {
        long threaded = median(run("6.19", XskMode.THREADED_BUSY_POLL, 31_250, 30_000, 1));
        long separate = median(run("6.19", XskMode.BUSY_POLL_SEPARATE, 31_250, 30_000, 1));
        long inline = median(run("6.19", XskMode.BUSY_POLL, 31_250, 30_000, 1));
        assertTrue(threaded < separate && separate < inline, threaded + " < " + separate + " < " + inline);
    }

    @Test
    void inline_busy_poll_with_a_delay_waits_for_the_gro_flush_timeout_watchdog() {
        BenchResult r = run("6.19", XskMode.BUSY_POLL, 31_250, 30_000, 1);
        assertTrue(r.counters().get("client.napi.watchdog_fires") > 0, r.counters()::toString);
        long p50 = median(r);
        assertTrue(p50 > 15_000 && p50 < 20_000, "about send + gro_flush_timeout (15 us) + poll: " + p50);
    }

    @Test
    void threaded_busy_poll_needs_6_19_and_xsk_busy_poll_5_11() {
        assertThrows(IllegalArgumentException.class, () -> run("6.18", XskMode.THREADED_BUSY_POLL, 80_000, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> run("5.10", XskMode.INTERRUPTS, 80_000, 0, 1));
    }

    @Test
    void the_script_knobs_are_read_back_from_the_files() {
        BenchResult r = run("6.19", XskMode.BUSY_POLL, 80_000, 0, 1);
        assertEquals("400", r.knobs().get("net.core.busy_read"));
        assertEquals("100", r.knobs().get("eth0.napi_defer_hard_irqs"));
        assertEquals("15000", r.knobs().get("eth0.gro_flush_timeout"));
    }
}
