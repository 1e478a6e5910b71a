package io.netmodel.rx;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.sched.Task;

/**
 * Who of {@code ksoftirqd/N} and the live socket's reader runs on their CPU when either is a
 * real-time task ({@code chrt -f}/{@code -r}): {@code pick_next_task} takes the RT class before
 * the fair class ({@code kernel/sched/core.c}), and among RT tasks the higher
 * {@code rt_priority}. Both tasks' policies are read at every decision, so a {@code chrt} acts
 * at once. When neither is RT, {@link Cpu#ksoftirqdTurn} keeps its fair slices and this class
 * does not decide.
 *
 * <p>ksoftirqd yields only between {@code __do_softirq} passes: {@code run_ksoftirqd} calls
 * {@code cond_resched()} after each, and a pass runs with bottom halves off. So:
 * <ul>
 * <li><b>RT reader above ksoftirqd</b> (ksoftirqd SCHED_OTHER, or RT of lower priority): while
 *     the reader is runnable, the woken ksoftirqd waits ({@code wakeup_softirqd} makes it
 *     runnable but the RT reader is picked first), and a running one gives the CPU up after its
 *     pass, as the reader's wake-up set {@code need_resched} ({@code wakeup_preempt}: a fair
 *     current task is always preempted by an RT wake-up). A SCHED_OTHER ksoftirqd still gets the
 *     fair class's part ({@link RtBandwidth}: RT throttling's last
 *     {@code sched_rt_period_us - sched_rt_runtime_us} of each period, none with
 *     {@code sched_rt_runtime_us} -1; from 6.12 the fair server's 50 ms of each second, even
 *     with -1), the rule the bench scheduler applies ({@link RunQueue#fairWindowFrom}). An RT ksoftirqd of lower priority is throttled
 *     with the reader and gets nothing from it. Either way, ksoftirqd runs as soon as the reader
 *     sleeps ({@link Cpu#setTaskRunnable}).</li>
 * <li><b>RT ksoftirqd above the reader</b> (reader SCHED_OTHER, or RT of lower priority): it keeps
 *     the CPU for its passes; against a SCHED_OTHER reader only within RT throttling's share
 *     ({@link RunQueue#rtWindowFrom}), the reader taking the rest.</li>
 * <li><b>Equal RT priorities</b>: SCHED_FIFO order: the one on the CPU keeps it until it sleeps.
 *     ksoftirqd woken while the reader is runnable queues behind it; once it runs, a reader woken
 *     meanwhile does not preempt it ({@code check_preempt_curr_rt} needs a higher priority).</li>
 * </ul>
 * Unlike Linux: the throttling windows are fixed from when the reader came to the CPU, not
 * from the {@code rt_rq}'s accumulated run time ({@code sched_rt_runtime_exceeded}), so a reader
 * that often sleeps is throttled as if it did not; SCHED_RR's time slice between equal
 * priorities ({@code sched_rr_timeslice_ms}, 100 ms by default: recalled, not checked) is not
 * modelled, RR acting as FIFO; the fair server's part is held as RT throttling's was (Linux's
 * server hands the CPU back when the fair class has nothing to run in it). The softirq run at an
 * interrupt's exit is not a task and still preempts the reader. From 4.9 (4cd13c21b207 "softirq:
 * Let ksoftirqd do its job", checked) until Paolo Abeni's revert of May 2023 (6.5: the release is
 * recalled) {@code invoke_softirq} and {@code do_softirq} leave pending softirqs to a woken
 * ksoftirqd ({@code ksoftirqd_running}): the NAPI ksoftirqd owns keeps its IRQ masked, other
 * NAPIs scheduled on the CPU join ksoftirqd's list, and this class decides when it polls. Outside
 * those releases the reader's own {@code local_bh_enable} runs the pending work first
 * ({@link SoftirqInTask}); on 6.5+ the tick's interrupt exit would too, which is not modelled. A
 * busy-polling reader cannot take the NAPI ksoftirqd owns ({@code NAPIF_STATE_SCHED}: {@link
 * LiveSocket}). A threaded NAPI's kthread meets the reader by the same rules ({@link #against},
 * {@link Cpu#kthreadTurn}).
 */
final class KsoftirqdSched {
    private final Task reader;
    private final Task ksoftirqd;
    /** What the RT class may keep from the fair class: RT throttling, or from 6.12 the fair server. */
    private final RtBandwidth rt;
    /** Where the RT throttling (or fair server) periods start. */
    private final long origin;
    /** ksoftirqd has the CPU (it ran since it was last woken), for FIFO order at equal priority. */
    private boolean ksoftirqdOnCpu;
    /** The last deferral waits behind the reader: it ends when the reader sleeps. */
    private boolean behindReader;

    KsoftirqdSched(Task reader, Task ksoftirqd, RtBandwidth rt, long origin) {
        this.reader = reader;
        this.ksoftirqd = ksoftirqd;
        this.rt = rt;
        this.origin = origin;
    }

    /**
     * The same rules for {@code other} (a threaded NAPI's kthread) against this reader, with the
     * same RT throttling periods: a kthread, like ksoftirqd, yields only between its polls.
     */
    KsoftirqdSched against(Task other) {
        return new KsoftirqdSched(reader, other, rt, origin);
    }

    /** The task this class sets against the reader: ksoftirqd, or a NAPI kthread ({@link #against}). */
    Task other() {
        return ksoftirqd;
    }

    /** Whether this class decides: the reader or ksoftirqd is an RT task. */
    boolean decides() {
        return reader.policy().isRealtime() || ksoftirqd.policy().isRealtime();
    }

    /** The reader, whose scheduling class this follows. */
    Task reader() {
        return reader;
    }

    /** {@code wakeup_softirqd}: ksoftirqd becomes runnable; it is not on the CPU yet. */
    void woken() {
        ksoftirqdOnCpu = false;
    }

    /** ksoftirqd got the CPU (the reader slept, or its turn came). */
    void running() {
        ksoftirqdOnCpu = true;
    }

    /**
     * When ksoftirqd, ready at {@code at} for its next pass ({@code passStart}; within a pass it
     * cannot be preempted), runs while the reader is runnable: {@code at}, a later time, or
     * {@link RunQueue#NEVER} (not before the reader sleeps).
     */
    long turn(long at, boolean passStart) {
        if (!passStart) {
            return at;
        }
        behindReader = readerFirst();
        long on = behindReader ? ksoftirqdWaits(at) : ksoftirqdRuns(at);
        if (on == at) {
            ksoftirqdOnCpu = true;
        }
        return on;
    }

    /**
     * Whether ksoftirqd's last deferral was behind the reader, so that it runs once the reader
     * sleeps (a deferral for RT throttling of an RT ksoftirqd lasts to its window, the CPU idling).
     */
    boolean waitsForReader() {
        return behindReader;
    }

    /** Whether the runnable reader is picked before ksoftirqd. */
    private boolean readerFirst() {
        SchedPolicy r = reader.policy();
        SchedPolicy k = ksoftirqd.policy();
        if (!r.isRealtime()) {
            return false;
        }
        if (!k.isRealtime()) {
            return true;
        }
        if (reader.rtPriority() != ksoftirqd.rtPriority()) {
            return reader.rtPriority() > ksoftirqd.rtPriority();
        }
        return !ksoftirqdOnCpu; // FIFO: whoever is on the CPU stays
    }

    /** The reader has the CPU: a fair ksoftirqd runs in RT throttling's fair share only; an RT one waits. */
    private long ksoftirqdWaits(long at) {
        if (ksoftirqd.policy().isRealtime()) {
            return RunQueue.NEVER;
        }
        return RunQueue.fairWindowFrom(at, origin, rt.periodNs(), rt.rtShareNs());
    }

    /** ksoftirqd (RT) comes first: against a fair reader within RT throttling's share, else at once. */
    private long ksoftirqdRuns(long at) {
        if (reader.policy().isRealtime()) {
            return at;
        }
        return RunQueue.rtWindowFrom(at, origin, rt.periodNs(), rt.rtShareNs());
    }
}
