package io.netmodel.shell.bench;

import io.netmodel.api.bench.EpollRrRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configurations of the IRQ-suspension series' evaluation (Damato and Karsten, v6 cover
 * letter, Nov 2024; kernel-algorithms.md §4.6), for {@code bench epoll-rr --setup}. Where the
 * letter leaves a value out, the choice is said: fullbusy's budget and prefer are napibusy's;
 * suspendX uses prefer with budget 64 and {@code busy_poll_usecs} 0, which is what IRQ
 * suspension needs ({@code prefer_busy_poll} through {@code EPIOCSPARAMS}).
 */
public final class EpollSetups {
    /** One named set-up: the knobs, in request order. */
    public record Setup(String name, String description, int busyPollUsecs, int busyPollBudget, boolean prefer,
                        long defer, long groFlushTimeoutNs, long irqSuspendTimeoutNs) {
        public EpollRrRequest request(double ratePps, long serviceNs, long durationNs, long seed) {
            return new EpollRrRequest(ratePps, serviceNs, busyPollUsecs, busyPollBudget, prefer, defer,
                groFlushTimeoutNs, irqSuspendTimeoutNs, durationNs, seed);
        }

        /**
         * What a user types to make this set-up on a running model, then measure it there:
         * the queue's IRQ on the server thread's CPU, the NAPI knobs, and the
         * {@code bench epoll-rr --live} line carrying epoll's own parameters at {@code rate}.
         */
        public java.util.List<String> typed(String rate) {
            java.util.List<String> out = new java.util.ArrayList<>();
            out.add("netmodel write /proc/irq/N/smp_affinity_list " + RunColumns.EPOLL_SERVER_CPU);
            out.add("netmodel write /sys/class/net/eth0/napi_defer_hard_irqs " + defer);
            out.add("netmodel write /sys/class/net/eth0/gro_flush_timeout " + groFlushTimeoutNs);
            out.add(napiSet(irqSuspendTimeoutNs));
            StringBuilder bench = new StringBuilder("netmodel bench epoll-rr --live --rate " + rate);
            if (busyPollUsecs > 0) {
                bench.append(" --busy-poll-usecs ").append(busyPollUsecs);
            }
            if (busyPollBudget > 0) {
                bench.append(" --busy-poll-budget ").append(busyPollBudget);
            }
            if (prefer) {
                bench.append(" --prefer-busy-poll");
            }
            out.add(bench.toString());
            return out;
        }
    }

    /** The napi-set line that sets {@code irq-suspend-timeout} on eth0's NAPI. */
    public static String napiSet(long irqSuspendTimeoutNs) {
        return "netmodel ynl --family netdev --do napi-set --json '{\"id\": <napi-id>, \"irq-suspend-timeout\": "
            + irqSuspendTimeoutNs + "}'";
    }

    public static final Map<String, Setup> ALL = all();

    private EpollSetups() {
    }

    private static Map<String, Setup> all() {
        Map<String, Setup> m = new LinkedHashMap<>();
        add(m, new Setup("base", "defaults: interrupts only", 0, 0, false, 0, 0, 0));
        add(m, new Setup("defer10", "napi_defer_hard_irqs 100, gro_flush_timeout 10 µs", 0, 0, false, 100, 10_000, 0));
        add(m, new Setup("defer20", "napi_defer_hard_irqs 100, gro_flush_timeout 20 µs", 0, 0, false, 100, 20_000, 0));
        add(m, new Setup("napibusy", "gro_flush_timeout 200 µs; epoll busy_poll_usecs 64, budget 64, prefer", 64, 64,
            true, 0, 200_000, 0));
        add(m, new Setup("fullbusy", "gro_flush_timeout 5 ms; epoll busy_poll_usecs 1000 (budget 64, prefer)", 1000, 64,
            true, 0, 5_000_000, 0));
        add(m, new Setup("suspend10", "defer10 plus irq_suspend_timeout 20 ms; epoll prefer, budget 64", 0, 64, true,
            100, 10_000, 20_000_000));
        add(m, new Setup("suspend20", "defer20 plus irq_suspend_timeout 20 ms; epoll prefer, budget 64", 0, 64, true,
            100, 20_000, 20_000_000));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Setup> m, Setup s) {
        m.put(s.name(), s);
    }
}
