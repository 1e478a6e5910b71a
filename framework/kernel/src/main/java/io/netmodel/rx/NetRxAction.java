package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.net.SoftnetData;
import io.netmodel.net.SysctlNetCore;
import java.util.function.IntSupplier;

/**
 * The limits of softirq packet processing on one CPU for one NAPI: what {@code net_rx_action}
 * (net/core/dev.c) and {@code __do_softirq} / {@code handle_softirqs} (kernel/softirq.c) decide
 * after each softirq poll (kernel-algorithms.md §1.3–1.4). Time is in jiffies at the model's
 * {@code HZ} ({@link SysctlNetCore#HZ}), counted from the start of the simulation.
 *
 * <ul>
 * <li><b>{@code net_rx_action}</b> takes {@code budget = netdev_budget} and
 *     {@code time_limit = jiffies + usecs_to_jiffies(netdev_budget_usecs)} (4.12; before,
 *     {@code jiffies + 2}). Since 3.19 it polls each NAPI on the CPU once: after the poll, a
 *     spent budget or {@code time_after_eq(jiffies, time_limit)} counts {@code time_squeeze}
 *     (whether or not work is left), and a NAPI that used its whole weight waits on the repoll
 *     list for the next run, for which the softirq is raised again. Before 3.19 the NAPI was
 *     polled again in the same run; the check, at the top of the loop, cut the run only while a
 *     NAPI was still listed.</li>
 * <li><b>{@code __do_softirq}</b> runs raised softirqs again at most
 *     {@code MAX_SOFTIRQ_RESTART} (10) times in all and only while
 *     {@code time_before(jiffies, start + MAX_SOFTIRQ_TIME)} (2 ms, one jiffy at HZ=250); then it
 *     wakes {@code ksoftirqd/N}, whose own {@code __do_softirq} passes follow one another until
 *     nothing is pending. {@code need_resched()}, the third condition, is not modelled: no task
 *     of the benchmarks wakes on the CPU that runs the softirq.</li>
 * </ul>
 * With one NAPI per CPU, then, {@code netdev_budget} (300) never runs out at weight 64: the
 * hand-off to ksoftirqd comes from {@code __do_softirq}'s limits, after ten polls or at the
 * tick, and {@code time_squeeze} moves only when {@code netdev_budget} is below the weight or
 * {@code netdev_budget_usecs} is under a tick.
 */
final class NetRxAction {
    /** What the CPU does after a softirq poll. */
    enum Next {
        /** The NAPI completed: the softirq is done. */
        DONE,
        /** Poll again at once, inline (the same run before 3.19, a new run after a restart since). */
        POLL,
        /** {@code wakeup_softirqd}: the next poll runs in ksoftirqd once it is scheduled. */
        WAKE_KSOFTIRQD
    }

    static final int MAX_SOFTIRQ_RESTART = 10;
    /** {@code msecs_to_jiffies(MAX_SOFTIRQ_TIME)}: 2 ms, rounded up to whole jiffies. */
    static final long MAX_SOFTIRQ_TIME_JIFFIES = usecsToJiffies(2000);
    static final long TICK_NS = 1_000_000_000L / SysctlNetCore.HZ;

    private final boolean repollList;
    private final boolean budgetUsecs;
    private final IntSupplier netdevBudget;
    private final IntSupplier netdevBudgetUsecs;

    /** The current run's budget left and {@code time_limit} (jiffies). */
    private int budget;
    private long timeLimit;
    /** The current {@code __do_softirq}'s {@code end} (jiffies) and restarts left. */
    private long softirqEnd;
    private int restartsLeft;
    /** Since the hand-off, ksoftirqd polls: it keeps going without another wake-up until the NAPI completes. */
    private boolean inKsoftirqd;
    /** Frames the current {@code net_rx_action} run has polled, and whether budget or time cut it. */
    private int runWork;
    private boolean squeezed;
    private boolean ended;
    private int endedWork;
    private boolean endedSqueezed;

    NetRxAction(KernelProfile profile, IntSupplier netdevBudget, IntSupplier netdevBudgetUsecs) {
        this.repollList = profile.has(Behaviour.NET_RX_REPOLL_LIST);
        this.budgetUsecs = profile.has(Behaviour.NETDEV_BUDGET_USECS);
        this.netdevBudget = netdevBudget;
        this.netdevBudgetUsecs = netdevBudgetUsecs;
    }

    /** {@code jiffies} at simulated time {@code ns}. */
    static long jiffies(long ns) {
        return ns / TICK_NS;
    }

    /** {@code usecs_to_jiffies}: rounded up; negative values are taken as unsigned, i.e. huge. */
    static long usecsToJiffies(long us) {
        if (us < 0) {
            return Long.MAX_VALUE / 2;
        }
        long usPerJiffy = 1_000_000L / SysctlNetCore.HZ;
        return (us + usPerJiffy - 1) / usPerJiffy;
    }

    /**
     * The softirq starts on the CPU at {@code now}: from an interrupt's exit (or a timer's), or in
     * ksoftirqd after a wake-up ({@link Next#WAKE_KSOFTIRQD}). A new {@code __do_softirq} pass and
     * a new {@code net_rx_action} run.
     */
    void softirqStart(long now) {
        softirqEnd = jiffies(now) + MAX_SOFTIRQ_TIME_JIFFIES;
        restartsLeft = MAX_SOFTIRQ_RESTART;
        runStart(now);
    }

    /** Whether the polls run in ksoftirqd now (since the hand-off, until the NAPI completes). */
    boolean inKsoftirqd() {
        return inKsoftirqd;
    }

    /** {@code net.core.netdev_budget} now: what each run starts with. */
    int netdevBudget() {
        return netdevBudget.getAsInt();
    }

    private void runStart(long now) {
        budget = netdevBudget.getAsInt();
        long limit = budgetUsecs ? usecsToJiffies(netdevBudgetUsecs.getAsInt()) : 2;
        timeLimit = jiffies(now) + limit;
        runWork = 0;
        squeezed = false;
    }

    /**
     * A softirq poll ended at {@code now} having done {@code work} frames; {@code repoll} if it
     * used the NAPI's whole weight (it stays scheduled). Counts {@code time_squeeze} in {@code sd}
     * where {@code net_rx_action} does and says what runs next; {@link #runEnded()} then tells
     * whether the poll ended a {@code net_rx_action} run.
     */
    Next pollDone(long now, int work, boolean repoll, SoftnetData sd) {
        budget -= work;
        runWork += work;
        boolean outOfTime = jiffies(now) >= timeLimit;
        if (repollList) {
            if (budget <= 0 || outOfTime) {
                sd.timeSqueeze++;
                squeezed = true;
            }
            endRun();
            if (!repoll) {
                inKsoftirqd = false;
                return Next.DONE;
            }
            return restart(now); // the NAPI is on the poll list: NET_RX is raised again
        }
        if (!repoll) { // the list is empty: the run ends without a check
            endRun();
            inKsoftirqd = false;
            return Next.DONE;
        }
        if (budget > 0 && !outOfTime) {
            ended = false;
            return Next.POLL; // still listed: polled again in this run
        }
        sd.timeSqueeze++;
        squeezed = true;
        endRun();
        return restart(now);
    }

    private void endRun() {
        ended = true;
        endedWork = runWork;
        endedSqueezed = squeezed;
    }

    /** Whether the last {@link #pollDone} ended a {@code net_rx_action} run. */
    boolean runEnded() {
        return ended;
    }

    /** Frames the run that ended last polled. */
    int endedRunWork() {
        return endedWork;
    }

    /** Whether budget or time cut the run that ended last ({@code time_squeeze}). */
    boolean endedRunSqueezed() {
        return endedSqueezed;
    }

    /** {@code __do_softirq} with NET_RX pending again: restart inline, or hand over to ksoftirqd. */
    private Next restart(long now) {
        if (jiffies(now) < softirqEnd && --restartsLeft > 0) {
            runStart(now);
            return Next.POLL;
        }
        if (inKsoftirqd) {
            softirqStart(now); // run_ksoftirqd: ksoftirqd_should_run, another __do_softirq
            return Next.POLL;
        }
        inKsoftirqd = true;
        return Next.WAKE_KSOFTIRQD;
    }
}
