package io.netmodel.rx;

import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;

/**
 * The task on one CPU (the live socket's reader) against NET_RX softirq work there.
 *
 * <ul>
 *   <li>While softirq polls run back to back on the CPU, from an interrupt's exit, in the task's
 *       own {@code local_bh_enable}, or in ksoftirqd during its turn, the task cannot act: a
 *       {@code __do_softirq} pass returns only after all of its restarts, and ksoftirqd keeps the
 *       CPU until its turn ends ({@link #softirqRuns}, {@link #softirqStops}, {@link #whenTaskReady}).
 *       So does a threaded NAPI's kthread while it polls ({@link #kthreadRuns}); the task goes on
 *       once neither runs.
 *   <li>Outside 4.9-6.4 ({@code Behaviour.KSOFTIRQD_RUNNING}), softirq work ksoftirqd was woken
 *       for, and waits behind the task to run, is run by that task's next {@code local_bh_enable}
 *       ({@code do_softirq} without the {@code ksoftirqd_running} check): at once when the task loops
 *       on such calls ({@link #setLoop}: {@code recvfrom} spinning on an empty queue, a busy loop),
 *       else at its next {@link #bhEnable} (the {@code spin_unlock_bh} of the {@code recvmsg} that
 *       dequeues a datagram).
 * </ul>
 */
final class SoftirqInTask {
    private final Simulator sim;
    private final Cpu cpu;
    /** A pass ksoftirqd waits to run, which the task runs at its next {@code local_bh_enable}; else null. */
    private Runnable pending;
    private boolean loop;
    private final Event bhEnableNow = this::bhEnable;
    /** Softirq polls run back to back on the CPU now. */
    private boolean softirqRunning;
    /** A threaded NAPI's kthread polls on the CPU now (a task the reader waits behind). */
    private boolean kthreadRunning;
    /** What the task does next once both stop; else null. */
    private Runnable afterPass;

    SoftirqInTask(Simulator sim, Cpu cpu) {
        this.sim = sim;
        this.cpu = cpu;
    }

    /** Offers {@code pass}, which ksoftirqd (runnable from {@code from}) waits to run, to the task's next {@code local_bh_enable}. */
    void offer(Runnable pass, long from) {
        pending = pass;
        if (loop && cpu.taskRunnable()) {
            sim.scheduleAt(Math.max(from, sim.now()), bhEnableNow);
        }
    }

    /** The task calls {@code local_bh_enable}: a pass {@link #offer}ed runs now, in its context. */
    void bhEnable() {
        Runnable pass = pending;
        if (pass != null) {
            pending = null;
            pass.run();
        }
    }

    /** Whether the task loops on {@code local_bh_enable} from now on. */
    void setLoop(boolean loops) {
        loop = loops;
        if (loops && pending != null) {
            sim.scheduleAt(sim.now(), bhEnableNow);
        }
    }

    /** The task left the CPU (it moved or exited): nothing is offered to it any more. */
    void clear() {
        loop = false;
        pending = null;
        kthreadRunning = false;
        softirqStops();
    }

    /** A softirq poll is booked on the CPU: the polls run from now until {@link #softirqStops}. */
    void softirqRuns() {
        softirqRunning = true;
    }

    /** The softirq polls stop (nothing is listed, or ksoftirqd waits for the CPU): the task goes on. */
    void softirqStops() {
        softirqRunning = false;
        goOn();
    }

    /** A threaded NAPI's kthread polls on the CPU from now until {@link #kthreadStops}. */
    void kthreadRuns() {
        kthreadRunning = true;
    }

    /** The kthread sleeps or waits for its turn: the task goes on, unless softirq polls still run. */
    void kthreadStops() {
        kthreadRunning = false;
        goOn();
    }

    private void goOn() {
        Runnable next = afterPass;
        if (next != null && !softirqRunning && !kthreadRunning) {
            afterPass = null;
            next.run();
        }
    }

    /**
     * Runs {@code e} when the task can act at or after {@code t}, {@code extraNs} later: once the
     * softirq polls and a kthread's polls running have stopped, and interrupt work booked on the
     * CPU is done.
     */
    void whenTaskReady(long t, long extraNs, Event e) {
        if (softirqRunning || kthreadRunning) {
            afterPass = () -> sim.scheduleAt(cpu.taskReady(Math.max(t, sim.now())) + extraNs, e);
            return;
        }
        sim.scheduleAt(cpu.taskReady(t) + extraNs, e);
    }
}
