package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.net.SoftnetData;
import io.netmodel.net.SysctlNetCore;
import java.util.function.IntSupplier;

/**
 * The limits of softirq packet processing on one CPU: what {@code net_rx_action}
 * (net/core/dev.c) and {@code __do_softirq} / {@code handle_softirqs} (kernel/softirq.c) decide
 * after each softirq poll, for every NAPI {@link PollList} polls on the CPU
 * (kernel-algorithms.md §1.3–1.4). Time is in jiffies at the model's {@code HZ}
 * ({@link SysctlNetCore#HZ}), counted from the start of the simulation.
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
 *     {@code time_before(jiffies, start + MAX_SOFTIRQ_TIME)} (2 ms, one jiffy at HZ=250) and
 *     {@code !need_resched()} (a task woken on this CPU since the pass began: the live socket's
 *     reader when its packets land on its own CPU; no task of the benchmarks wakes on the CPU
 *     that runs the softirq); then it wakes {@code ksoftirqd/N}, whose own {@code __do_softirq}
 *     passes follow one another until nothing is pending.</li>
 * </ul>
 * With one NAPI on a CPU, then, {@code netdev_budget} (300) never runs out at weight 64: the
 * hand-off to ksoftirqd comes from {@code __do_softirq}'s limits, after ten polls or at the
 * tick, and {@code time_squeeze} moves only when {@code netdev_budget} is below the weight or
 * {@code netdev_budget_usecs} is under a tick. Five or more busy NAPIs on one CPU (RX queues
 * whose IRQs share it, or the RPS backlog beside them) spend it in one run.
 */
final class NetRxAction {
    /** How NET_RX raised again at a run's end is run ({@link #restart}). */
    enum Next {
        /** {@code __do_softirq} restarts at once, inline (or ksoftirqd, already running, goes on). */
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
    private long softirqStartNs;
    private int restartsLeft;
    /** Since the hand-off, ksoftirqd polls: it keeps going without another wake-up until the NAPI completes. */
    private boolean inKsoftirqd;
    /** Frames the current {@code net_rx_action} run has polled, and whether budget or time cut it. */
    private int runWork;
    private boolean squeezed;
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
        softirqStartNs = now;
        softirqEnd = jiffies(now) + MAX_SOFTIRQ_TIME_JIFFIES;
        restartsLeft = MAX_SOFTIRQ_RESTART;
        runStart(now);
    }

    /**
     * {@code do_softirq} from a task's {@code local_bh_enable} while ksoftirqd waits for the CPU
     * (outside 4.9-6.4): a new {@code __do_softirq} pass in that task, not in ksoftirqd; when its
     * limits are reached, {@link #restart} hands over to ksoftirqd again.
     */
    void softirqInTask(long now) {
        inKsoftirqd = false;
        softirqStart(now);
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
     * A softirq poll did {@code work} frames at {@code now} (3.19+): takes it from the budget and,
     * when the budget is spent or {@code time_after_eq(jiffies, time_limit)}, counts
     * {@code time_squeeze} in {@code sd}; true then (the run breaks off).
     */
    boolean charge(long now, int work, SoftnetData sd) {
        chargeOnly(work);
        if (budget <= 0 || jiffies(now) >= timeLimit) {
            sd.timeSqueeze++;
            squeezed = true;
            return true;
        }
        return false;
    }

    /** Takes a poll's {@code work} from the budget without a check (before 3.19 the check precedes each poll). */
    void chargeOnly(int work) {
        budget -= work;
        runWork += work;
    }

    /**
     * Before 3.19, with a NAPI still listed: the check at the top of the loop. True (and
     * {@code time_squeeze} counted) when the budget is spent or the time is up.
     */
    boolean cutBeforePoll(long now, SoftnetData sd) {
        if (budget > 0 && jiffies(now) < timeLimit) {
            return false;
        }
        sd.timeSqueeze++;
        squeezed = true;
        return true;
    }

    /** The current {@code net_rx_action} run ends; {@link #endedRunWork()} and {@link #endedRunSqueezed()} tell about it. */
    void endRun() {
        endedWork = runWork;
        endedSqueezed = squeezed;
    }

    /** Nothing is listed any more: the softirq is done, and ksoftirqd (if it ran it) sleeps. */
    void done() {
        inKsoftirqd = false;
    }

    /** Frames the run that ended last polled. */
    int endedRunWork() {
        return endedWork;
    }

    /** Whether budget or time cut the run that ended last ({@code time_squeeze}). */
    boolean endedRunSqueezed() {
        return endedSqueezed;
    }

    /** When the current {@code __do_softirq} pass began. */
    long softirqStartNs() {
        return softirqStartNs;
    }

    /**
     * {@code __do_softirq} with NET_RX pending again: restart inline, or hand over to ksoftirqd;
     * {@code needResched} is {@code need_resched()} now.
     */
    Next restart(long now, boolean needResched) {
        if (jiffies(now) < softirqEnd && !needResched && --restartsLeft > 0) {
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
