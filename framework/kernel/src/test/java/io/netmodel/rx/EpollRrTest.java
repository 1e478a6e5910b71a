package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IRQ-suspension series' three loops on one queue (kernel-algorithms.md §1.10): interrupts,
 * deferral, and application busy polling through epoll, with suspension letting the third hold
 * off the other two while it finds work. 25,000 requests/s, 3 µs of service each.
 */
class EpollRrTest {
    private static final long MS = 1_000_000;
    private static final double RATE = 25_000;

    private static BenchResult run(String kernel, int usecs, boolean prefer, long defer, long gro, long suspend) {
        TinyDriver d = TinyDriver.plain();
        BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse(kernel)), HostSpec.defaultHost(),
            () -> List.of(d), () -> null);
        return svc.epollRr(new EpollRrRequest(RATE, 3000, usecs, 64, prefer, defer, gro, suspend, 100 * MS, 1),
            (a, b) -> { });
    }

    /** Busy share of the server thread's CPU (CPU 1), 0..1. */
    private static double serverCpu(BenchResult r) {
        CpuUsage c = r.cpus().stream().filter(u -> u.host().equals("server") && u.cpu() == EpollRr.APP_CPU)
            .findFirst().orElseThrow();
        return 1.0 - (double) c.idleNs() / c.totalNs();
    }

    private static long serverIrqs(BenchResult r) {
        return r.counters().entrySet().stream().filter(e -> e.getKey().startsWith("server.irq."))
            .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    @Test
    void every_request_is_answered_and_runs_are_repeatable() {
        BenchResult a = run("6.19", 0, false, 0, 0, 0);
        assertEquals(RATE * 0.1, a.latencyNs().length, RATE * 0.1 * 0.05, "a reply per request of the measured 100 ms");
        assertArrayEquals(a.latencyNs(), run("6.19", 0, false, 0, 0, 0).latencyNs());
    }

    @Test
    void interrupts_only_sleeps_between_requests_and_full_busy_polling_spins() {
        BenchResult base = run("6.19", 0, false, 0, 0, 0);
        BenchResult fullbusy = run("6.19", 1000, true, 0, 5_000_000, 0);
        assertTrue(serverCpu(base) < 0.5, "base " + serverCpu(base));
        assertTrue(serverCpu(fullbusy) > 0.99, "fullbusy " + serverCpu(fullbusy));
        assertEquals(0L, fullbusy.counters().get("server.thread.wakeups"), "a spinning thread is never woken");
        assertTrue(base.counters().get("server.thread.wakeups") > 1000, base.counters()::toString);
    }

    @Test
    void suspension_keeps_interrupts_off_without_spinning() {
        BenchResult suspend = run("6.19", 0, true, 100, 20_000, 20 * MS);
        assertEquals(0L, serverIrqs(suspend), "IRQs stay suspended or deferred: " + suspend.counters());
        assertTrue(suspend.counters().get("server.napi_suspend_irqs") > 0);
        assertTrue(suspend.counters().get("server.napi_resume_irqs") > 0, "idle gaps resume IRQs: the thread sleeps");
        assertTrue(serverCpu(suspend) < 0.5, "no spinning: " + serverCpu(suspend));
    }

    @Test
    void epoll_parameters_and_suspension_follow_the_release() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("6.8", 64, true, 0, 0, 0));
        assertTrue(e.getMessage().contains("EPIOCSPARAMS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("6.12", 0, true, 100, 20_000, 20 * MS));
        assertTrue(e.getMessage().contains("6.13"), e.getMessage());
    }

    /**
     * The knobs are u64 nanoseconds; hrtimer_start takes them as a signed ktime: 2^63-1 saturates
     * to a timer that never fires, and u64 max is -1, in the past: the timer fires at once. Neither
     * stops the run (they threw "now + delay overflows" and "negative delay"). With IRQs suspended
     * for ever and no timer, a server that sleeps in epoll_wait is never woken again, as on Linux.
     */
    @org.junit.jupiter.api.Test
    void huge_timeouts_arm_timers_as_hrtimers_do() {
        BenchResult never = run("6.19", 64, true, 1, Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals("9223372036854775807", never.knobs().get("server.eth0.gro_flush_timeout"));
        for (String gro : new String[] {"18446744073709551615", "9223372036854775807"}) {
            TinyDriver d = TinyDriver.plain();
            BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
                () -> List.of(d), () -> null);
            BenchResult r = svc.runNetperfRr(NetperfRr.Protocol.TCP, 0, 0, 20 * MS, 1, (a, b) -> { }, (a, b) -> { }, h -> {
                h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "1");
                h.write("/sys/class/net/eth0/gro_flush_timeout", gro);
            }, h -> java.util.Map.of());
            // u64 max fires at once: the deferral costs nothing; 2^63-1 never fires: the IRQ stays masked
            // after the first poll with work and nothing polls again (netperf does not busy-poll here)
            assertEquals(gro.startsWith("1844"), r.transactions() > 100, gro + ": " + r.transactions());
        }
    }

    /** Before 5.8 there is no napi_defer_hard_irqs file: the base set-up runs without it, a defer count is refused. */
    @org.junit.jupiter.api.Test
    void kernels_without_deferral_run_the_base_set_up_and_refuse_a_defer_count() {
        TinyDriver d = TinyDriver.plain();
        BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("5.4")), HostSpec.defaultHost(),
            () -> List.of(d), () -> null);
        BenchResult base = svc.epollRr(new EpollRrRequest(RATE, 3000, 0, 0, false, 0, 0, 0, 50 * MS, 1), (a, b) -> { });
        assertTrue(base.transactions() > 0);
        assertEquals(null, base.knobs().get("server.eth0.napi_defer_hard_irqs"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> svc.epollRr(new EpollRrRequest(RATE, 3000, 0, 0, false, 100, 10_000, 0, 50 * MS, 1), (a, b) -> { }));
        assertEquals("napi_defer_hard_irqs exists from 5.8; the model runs kernel 5.4", e.getMessage());
    }
}
