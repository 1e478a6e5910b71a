package io.netmodel.rx;

import io.netmodel.api.sched.SchedPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which task runs on one CPU when a kthread that never sleeps (the threaded-busy-poll kthread,
 * "the spinner") shares it with the application thread pinned there: the part of
 * {@code kernel/sched} that decides it ({@code core.c __schedule → pick_next_task}: the RT class
 * before the fair class). Hard IRQ and softirq work still preempt both ({@link Cpu#taskReady}).
 * Application threads are SCHED_OTHER, nice 0 (the model's task table has no user processes);
 * the spinner has the policy {@code chrt} gave its {@code Task}.
 *
 * <ul>
 * <li><b>RT spinner</b> (SCHED_FIFO/RR 1..99): it preempts the fair class at once and keeps the
 *     CPU; only the fair class's part lets the application run ({@link RtBandwidth}). Up to
 *     6.11 that is RT throttling: {@code rt.c sched_rt_runtime_exceeded} throttles the rt_rq
 *     once it has run {@code sched_rt_runtime_us} in the current {@code sched_rt_period_us},
 *     and {@code do_sched_rt_period_timer} unthrottles it at the next period. So the spinner
 *     runs in the first {@code runtime} of each period from when the sharing began, the
 *     application in the rest. With {@code sched_rt_runtime_us} -1 ({@code RUNTIME_INF}) or
 *     equal to the period the application never runs: it starves ({@link #starvedAt()}). From
 *     6.12 the fair server runs the application for 50 ms at the end of each second instead,
 *     whatever the sysctls say. With one RT task per CPU, FIFO and RR behave alike
 *     ({@code task_tick_rt} only round-robins among equal priorities).</li>
 * <li><b>Fair spinner</b> (SCHED_OTHER/BATCH/IDLE), application thread that sleeps between its
 *     bursts (xsk_rr's sender, epoll_rr's server): the woken thread preempts the spinner
 *     ({@code fair.c check_preempt_wakeup_fair}: placed with its lag, {@code place_entity}, it
 *     has the earlier deadline), once the spinner's poll in progress ends (polls run with BH and
 *     preemption off) and after a context switch ({@code wakeup}, which covers the switch back
 *     too). A burst longer than a slice gives the spinner a slice after each of its own.</li>
 * <li><b>Fair spinner</b>, application thread that never sleeps either (xsk_rr's main thread
 *     peeking its ring): the two time-slice, each running one {@code sysctl_sched_base_slice}
 *     (EEVDF, {@code fair.c update_deadline}; 0.75 ms × (1 + ilog2(min(CPUs, 8))),
 *     {@code get_update_sysctl_factor}) in turn; SCHED_IDLE's weight (3 against nice 0's 1024,
 *     {@code WEIGHT_IDLEPRIO}) makes the application's turn 1024/3 slices long.</li>
 * </ul>
 * Unlike Linux: a lone RT spinner (no application thread on its CPU) is not throttled here,
 * although {@code sched_rt_runtime_exceeded} throttles it too and the CPU idles for the rest of
 * each period; switches are otherwise free; EEVDF's {@code RUN_TO_PARITY} slice protection
 * is not modelled (a woken thread preempts at once).
 */
final class RunQueue {
    /** The application thread never gets the CPU. */
    static final long NEVER = Long.MAX_VALUE;
    /** {@code NICE_0_LOAD} and {@code WEIGHT_IDLEPRIO} (kernel/sched/sched.h). */
    private static final long NICE_0_WEIGHT = 1024;
    private static final long IDLEPRIO_WEIGHT = 3;
    /** {@code sysctl_sched_base_slice} before scaling, ns (fair.c). */
    private static final long BASE_SLICE_NS = 750_000;

    private ContinuousPoller spinner;
    private String spinnerName;
    private String appName;
    private boolean windows;
    /** Time-division: the spinner runs {@code [origin + k*cycle, origin + k*cycle + spinnerShare)}, the application the rest. */
    private long origin;
    private long cycle;
    private long spinnerShare;
    private long sliceNs;
    private long switchNs;
    /** Preemption mode: the application's burst that took the CPU from the spinner. */
    private long appBusyFrom;
    private long appBusyUntil;
    /** The end of the spinner's poll in progress (not preemptible). */
    private long spinnerPollEnd;
    /** Preemption mode: CPU time the application's bursts took from the spinner. */
    private long lostNs;
    private long appWaits;
    private long appWaitNs;
    private long spinnerDeferred;
    private long preemptions;
    private long starvedAt = -1;
    private String describe;

    /** {@code sysctl_sched_base_slice} as booted on {@code nrCpus} CPUs ({@code get_update_sysctl_factor}, log scaling). */
    static long baseSliceNs(int nrCpus) {
        int factor = 1 + (31 - Integer.numberOfLeadingZeros(Math.max(1, Math.min(nrCpus, 8))));
        return BASE_SLICE_NS * factor;
    }

    /** Whether a spinner shares this CPU with an application thread. */
    boolean shared() {
        return spinner != null;
    }

    /**
     * From {@code now} on, {@code spinner} (a kthread with {@code policy}/{@code rtPriority})
     * shares this CPU with the application thread {@code appName}, which never sleeps when
     * {@code appSpins}. An RT spinner leaves the application what {@code bandwidth} gives the fair
     * class (RT throttling's sysctls, or from 6.12 the fair server).
     * Time-division starts at a point of its cycle drawn from {@code phase}: the periods of two
     * hosts are not in step.
     */
    void share(ContinuousPoller spinner, String spinnerName, SchedPolicy policy, int rtPriority, String appName,
               boolean appSpins, long now, int nrCpus, RtBandwidth bandwidth, long switchNs,
               io.netmodel.sim.Rng phase) {
        this.spinner = spinner;
        this.spinnerName = spinnerName + " (" + policy.schedName() + (policy.isRealtime() ? " " + rtPriority : "") + ")";
        this.appName = appName + " (SCHED_OTHER)";
        this.origin = now;
        this.switchNs = switchNs;
        this.sliceNs = baseSliceNs(nrCpus);
        if (policy.isRealtime()) {
            windows = true;
            cycle = bandwidth.periodNs();
            spinnerShare = bandwidth.rtShareNs();
            describe = bandwidth.describe(this.spinnerName, this.appName);
        } else if (appSpins) {
            windows = true;
            long appSlice = policy == SchedPolicy.IDLE ? sliceNs * NICE_0_WEIGHT / IDLEPRIO_WEIGHT : sliceNs;
            spinnerShare = sliceNs;
            cycle = sliceNs + appSlice;
            describe = this.spinnerName + " and " + this.appName + " time-slice: " + spinnerShare + " ns and "
                + appSlice + " ns in turn";
        } else {
            windows = false;
            describe = this.appName + " preempts " + this.spinnerName + " on wake-up, after its poll and a "
                + switchNs + " ns switch";
        }
        if (windows && spinnerShare < cycle) {
            origin = now - phase.uniform(0, cycle); // where in its cycle this CPU is: no two hosts in step
        }
    }

    /** How the CPU is shared, for the report. */
    String describe() {
        return starvedAt < 0 ? describe : describe + "; starved from " + starvedAt + " ns";
    }

    /** When the application starved (first asked for the CPU and could never have it), or -1. */
    long starvedAt() {
        return starvedAt;
    }

    /**
     * The earliest the application thread, runnable from {@code t}, is on the CPU; {@link #NEVER}
     * when it starves. {@code switchPaid}: its wake-up already paid a context switch.
     */
    long appOnCpu(long t, boolean switchPaid) {
        return spinner == null ? t : appOnSharedCpu(t, switchPaid);
    }

    private long appOnSharedCpu(long t, boolean switchPaid) {
        long on;
        if (windows) {
            on = appWindowFrom(t);
            if (on == NEVER) {
                if (starvedAt < 0) {
                    starvedAt = t;
                }
                return NEVER;
            }
        } else {
            spinner.catchUp();
            preemptions++;
            on = Math.max(t, spinnerPollEnd) + (switchPaid ? 0 : switchNs);
        }
        if (on > t) {
            appWaits++;
            appWaitNs += on - t;
        }
        return on;
    }

    /**
     * The application thread, on the CPU at {@code start}, works {@code workNs}: when it is done
     * ({@link #NEVER} when it starves).
     * Preemption mode takes that time from the spinner (whose pending poll waits for the end).
     */
    long appEnd(long start, long workNs) {
        return spinner == null ? start + workNs : appEndShared(start, workNs);
    }

    private long appEndShared(long start, long workNs) {
        if (windows) {
            long t = appWindowFrom(start);
            if (t == NEVER) {
                if (starvedAt < 0) {
                    starvedAt = start;
                }
                return NEVER;
            }
            long left = workNs;
            while (true) {
                long k = Math.floorDiv(t - origin, cycle);
                long windowEnd = origin + (k + 1) * cycle;
                if (t + left <= windowEnd) {
                    return t + left;
                }
                left -= windowEnd - t;
                t = windowEnd + spinnerShare;
            }
        }
        long end = start + workNs + (workNs > sliceNs ? (workNs - 1) / sliceNs * sliceNs : 0);
        lostNs += end - start; // the switches stay system time, as the spinner's
        if (start < appBusyFrom || appBusyUntil <= start) {
            appBusyFrom = start;
        }
        appBusyUntil = Math.max(appBusyUntil, end);
        spinner.preempted(appBusyFrom, appBusyUntil);
        return end;
    }

    /** The earliest the spinner, wanting to poll at {@code t}, is on the CPU. */
    long spinnerOnCpu(long t) {
        return spinner == null ? t : spinnerOnSharedCpu(t);
    }

    private long spinnerOnSharedCpu(long t) {
        long on = t;
        if (windows) {
            on = rtWindowFrom(t, origin, cycle, spinnerShare);
        } else if (t >= appBusyFrom && t < appBusyUntil) {
            on = appBusyUntil;
        }
        if (on != t) {
            spinnerDeferred++;
        }
        return on;
    }

    /** The spinner polls until {@code end}, not preemptible meanwhile. */
    void spinnerPolls(long end) {
        if (spinner != null && end > spinnerPollEnd) {
            spinnerPollEnd = end;
        }
    }

    /** CPU time the application took from the spinner since the sharing began, up to {@code t}. */
    long lostBy(long t) {
        if (spinner == null) {
            return 0;
        }
        if (!windows) {
            return lostNs;
        }
        long since = Math.max(0, t - origin);
        long k = since / cycle;
        return k * (cycle - spinnerShare) + Math.max(0, since - k * cycle - spinnerShare);
    }

    /** The first time at or after {@code t} inside an application window, or {@link #NEVER}. */
    private long appWindowFrom(long t) {
        return fairWindowFrom(t, origin, cycle, spinnerShare);
    }

    /**
     * RT throttling's share of a period, ns: the RT class may run {@code sched_rt_runtime_us} of
     * every {@code sched_rt_period_us}; all of it when the runtime is {@code RUNTIME_INF} (-1) or
     * not below the period ({@code sched_rt_runtime_exceeded} never throttles then).
     */
    static long rtShareNs(long rtPeriodUs, long rtRuntimeUs) {
        return rtRuntimeUs < 0 || rtRuntimeUs >= rtPeriodUs ? rtPeriodUs * 1000 : rtRuntimeUs * 1000;
    }

    /**
     * Time division from {@code origin} in cycles of {@code cycle} ns, the first {@code share} of
     * each for the RT (or spinning) side: the first time at or after {@code t} in the other
     * side's part (the fair class's, RT throttling's {@code period - runtime}), or {@link #NEVER}
     * when the share is the whole cycle.
     */
    static long fairWindowFrom(long t, long origin, long cycle, long share) {
        if (share >= cycle) {
            return NEVER;
        }
        long k = Math.floorDiv(t - origin, cycle);
        long fairStart = origin + k * cycle + share;
        return t >= fairStart ? t : fairStart;
    }

    /** The same division: the first time at or after {@code t} in the RT (or spinning) side's share. */
    static long rtWindowFrom(long t, long origin, long cycle, long share) {
        long k = Math.floorDiv(t - origin, cycle);
        return t - origin - k * cycle >= share ? origin + (k + 1) * cycle : t;
    }

    /** The model's counters for this CPU, under {@code prefix}. */
    Map<String, Long> counters(String prefix) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(prefix + "app_waits", appWaits);
        m.put(prefix + "app_wait_ns", appWaitNs);
        m.put(prefix + "kthread_preemptions", preemptions);
        m.put(prefix + "kthread_deferred_polls", spinnerDeferred);
        m.put(prefix + "starved", starvedAt < 0 ? 0L : 1L);
        return m;
    }
}
