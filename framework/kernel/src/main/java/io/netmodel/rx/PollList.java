package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.net.SoftnetData;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;
import java.util.ArrayDeque;

/**
 * One CPU's {@code softnet_data.poll_list} and the NET_RX softirq that walks it
 * ({@code net_rx_action}, net/core/dev.c): every NAPI scheduled on this CPU for a softirq poll,
 * device queues and the RPS backlog alike, takes its turn here and shares the run's
 * {@code netdev_budget} and time limit ({@link NetRxAction}).
 * <ul>
 * <li>{@code napi_schedule} on an idle CPU raises NET_RX: a new {@code __do_softirq} and run,
 *     whose first poll starts once the interrupt's entry is done. A NAPI scheduled while the
 *     softirq is busy here joins the list and is polled in this run, after those before it: 6.x
 *     goes back to {@code start:} for NAPIs listed meanwhile ({@code sd->in_net_rx_action});
 *     older releases splice them in at the run's end and poll them in the next run, which the
 *     model does not tell apart (in every release they join the run).</li>
 * <li>Since 3.19 ({@link Behaviour#NET_RX_REPOLL_LIST}) each listed NAPI is polled once per run;
 *     after each poll a spent budget or the time limit counts {@code time_squeeze} and ends the
 *     run. A NAPI that used its whole weight waits on the local repoll list; at the run's end what
 *     was not polled and the repoll list go back to {@code poll_list}, and NET_RX is raised
 *     again: {@code __do_softirq} restarts or hands over to ksoftirqd.</li>
 * <li>Before 3.19 a NAPI that used its weight moved to the tail of the same list and the run
 *     went on, the budget and time being checked before each poll.</li>
 * </ul>
 * One poll runs at a time on a CPU, so one reusable event ends whichever is in flight. With a
 * single NAPI on the CPU the sequence is {@link NetRxAction}'s single-NAPI rules exactly.
 */
final class PollList {
    /** A NAPI as the softirq polls it: a device queue ({@link NapiRuntime}) or the backlog ({@link Backlog}). */
    interface Napi {
        /** The poll starts on {@code cpu}: charges the frames it takes now and returns its cost. */
        long beginSoftirqPoll(int cpu);

        /** The poll just begun runs from {@code start} to {@code end} on the CPU. */
        default void pollBooked(long start, long end) {
        }

        /** The poll in flight goes on until {@code end} for frames that landed meanwhile. */
        default void pollExtended(long end) {
        }

        /** Cost of the frames that landed while the poll ran (it takes them too), 0 when none. */
        long pollExtension();

        /** The poll's end: delivers, counts {@code processed}; returns its work (-1: abandoned, the NAPI is gone). */
        int finishSoftirqPoll(int cpu);

        /** The work at which the NAPI stays scheduled (its weight, or the backlog's quota). */
        int softirqWeight();

        /** {@code napi_complete_done}: the poll did less than its weight; what the driver does next. */
        void complete(int work, int cpu);

        /** The {@code net_rx_action} run whose last poll this was ended: its work and whether it was cut. */
        void runEnded(int cpu, boolean squeezed, int work);
    }

    private final Simulator sim;
    private final RxCosts costs;
    private final Cpu cpu;
    private final SoftnetData sd;
    private final NetRxAction netRx;
    private final boolean repollList;
    /** {@code net_rps_action_and_irq_enable}: the RPS IPIs this CPU's polls queued go out as a run ends. */
    private final Runnable rpsAction;
    /** The host's poll lists by CPU: where this one's NAPIs go when its CPU is down. */
    private final java.util.function.IntFunction<PollList> pollLists;
    /** {@code sd->poll_list} (with the run's local list): NAPIs waiting for a poll, in order. */
    private final ArrayDeque<Napi> list = new ArrayDeque<>();
    /** {@code net_rx_action}'s local {@code repoll} list (3.19+). */
    private final ArrayDeque<Napi> repoll = new ArrayDeque<>();
    /** NAPIs of the current run not yet polled in it (3.19+). */
    private int runLeft;
    /** The NAPI whose poll is in flight (or booked), or null. */
    private Napi polling;
    /** NET_RX is pending or running here: a poll is booked, or ksoftirqd is about to poll. */
    private boolean active;
    private boolean nextPollNewRun;
    private final Event pollEnd = this::pollEnded;
    /**
     * ksoftirqd's pass deferred while another task has the CPU: at ksoftirqd's fair turn, at an RT
     * reader's throttling window ({@link KsoftirqdSched}), or when the reader sleeps.
     */
    private final Timer ksoftirqdWait;
    private final Runnable readerSlept;
    private boolean ksoftirqdWaiting;
    /** When the deferred ksoftirqd gets the CPU ({@link RunQueue#NEVER}: once the reader sleeps). */
    private long ksoftirqdTurnAt = NO_TURN;
    /**
     * Outside 4.9-6.4 ({@link Behaviour#KSOFTIRQD_RUNNING}, {@link Behaviour#KSOFTIRQD_RUNNING_REVERTED})
     * {@code do_softirq} does not leave pending softirqs to a runnable ksoftirqd: the task on the
     * CPU runs them at its next {@code local_bh_enable} ({@link #runAtBhEnable}).
     */
    private final boolean bhEnableRunsSoftirq;
    private final Runnable bhEnable = this::runAtBhEnable;
    /** Times NET_RX work was handed to {@code ksoftirqd/N} (the model's counter). */
    long ksoftirqdWakeups;

    PollList(Simulator sim, RxCosts costs, Cpu cpu, SoftnetData sd, KernelProfile profile, NetRxAction netRx,
             Runnable rpsAction, java.util.function.IntFunction<PollList> pollLists) {
        this.sim = sim;
        this.pollLists = pollLists;
        this.rpsAction = rpsAction;
        this.costs = costs;
        this.cpu = cpu;
        this.sd = sd;
        this.netRx = netRx;
        this.repollList = profile.has(Behaviour.NET_RX_REPOLL_LIST);
        this.bhEnableRunsSoftirq = !profile.has(Behaviour.KSOFTIRQD_RUNNING)
            || profile.has(Behaviour.KSOFTIRQD_RUNNING_REVERTED);
        this.ksoftirqdWait = new Timer(sim, () -> {
            endKsoftirqdWait();
            bookNext(now());
        });
        this.readerSlept = () -> {
            if (ksoftirqdWaiting) {
                ksoftirqdWait.startAt(now());
            }
        };
    }

    /** The simulated time now (when a poll delivers). */
    long now() {
        return sim.now();
    }

    /** {@code net.core.netdev_budget} now (for the probe of a run's end). */
    int netdevBudget() {
        return netRx.netdevBudget();
    }

    /**
     * {@code ____napi_schedule} from an interrupt (or the NAPI's hrtimer) on this CPU, whose entry
     * costs {@code entryNs}: {@code n} goes on the poll list and NET_RX is raised.
     */
    void schedule(Napi n, long entryNs) {
        if (!cpu.online()) {
            pollLists.apply(cpu.takeoverCpu()).schedule(n, entryNs); // the NAPI's hrtimer migrated with the CPU's timers
            return;
        }
        if (active) {
            list.addLast(n);
            runLeft++;
            cpu.interrupt(entryNs, 0); // the handler's entry; the softirq already runs here
            return;
        }
        active = true;
        netRx.softirqStart(sim.now()); // __do_softirq on the interrupt's exit, a new run
        cpu.inTask.softirqRuns();
        runLeft = 1;
        polling = n;
        long pollNs = n.beginSoftirqPoll(cpu.id);
        long end = cpu.interrupt(entryNs, pollNs);
        sim.scheduleAt(end, pollEnd);
        n.pollBooked(end - pollNs, end);
    }

    private void pollEnded() {
        Napi n = polling;
        long extra = n.pollExtension();
        if (extra > 0) {
            long end = cpu.softirqFrom(sim.now(), extra, false);
            sim.scheduleAt(end, pollEnd);
            n.pollExtended(end);
            return;
        }
        polling = null;
        runLeft--;
        int work = n.finishSoftirqPoll(cpu.id);
        boolean gone = work < 0;
        work = Math.max(0, work);
        boolean again = !gone && work == n.softirqWeight();
        long now = sim.now();
        if (!cpu.online()) {
            netRx.chargeOnly(work);
            if (again) {
                repoll.addLast(n);
            }
            handOff();
            if (!again && !gone) {
                n.complete(work, cpu.id);
            }
            rpsAction.run();
            n.runEnded(cpu.id, netRx.endedRunSqueezed(), netRx.endedRunWork());
            return;
        }
        boolean runEnds = charge(n, work, again, now);
        if (runEnds) {
            endRun();
        }
        if (!again && !gone) {
            n.complete(work, cpu.id); // may schedule a NAPI again: a new run if the CPU went idle
        }
        if (runEnds) {
            rpsAction.run();
            n.runEnded(cpu.id, netRx.endedRunSqueezed(), netRx.endedRunWork());
            if (!active || polling != null) {
                return; // done, or the completion's interrupt started the next run
            }
            restart(now);
            return;
        }
        nextPollNewRun = false;
        next(now);
    }

    /** The poll's work against the run's budget and time; whether the run ends here. */
    private boolean charge(Napi n, int work, boolean again, long now) {
        if (repollList) {
            if (again) {
                repoll.addLast(n);
            }
            return netRx.charge(now, work, sd) || runLeft == 0;
        }
        if (again) {
            list.addLast(n); // list_move_tail: polled again in this run
        }
        netRx.chargeOnly(work);
        return list.isEmpty() || netRx.cutBeforePoll(now, sd);
    }

    /** The run ends: what was not polled, then the repoll list, go back on the poll list; the softirq is done if it is empty. */
    private void endRun() {
        netRx.endRun();
        while (!repoll.isEmpty()) {
            list.addLast(repoll.pollFirst());
        }
        runLeft = list.size();
        if (list.isEmpty()) {
            active = false;
            ksoftirqdTurnAt = NO_TURN; // a ksoftirqd still waiting finds nothing pending and sleeps again
            netRx.done();
            cpu.inTask.softirqStops();
        }
    }

    /** NET_RX raised again at a run's end: {@code __do_softirq} restarts, or ksoftirqd takes over. */
    private void restart(long now) {
        long start = now;
        NetRxAction.Next next = netRx.restart(now, cpu.needResched(netRx.softirqStartNs()));
        if (next == NetRxAction.Next.WAKE_KSOFTIRQD && ksoftirqdTurnAt != NO_TURN) {
            // a pass a task ran at local_bh_enable: wakeup_softirqd finds ksoftirqd runnable, still waiting for its turn
            netRx.softirqStart(now);
            nextPollNewRun = true;
            if (ksoftirqdTurnAt != RunQueue.NEVER && ksoftirqdTurnAt <= now) {
                ksoftirqdTurnAt = NO_TURN; // its turn came meanwhile
                bookNext(now);
            } else {
                deferKsoftirqd(ksoftirqdTurnAt, now);
            }
            return;
        }
        if (next == NetRxAction.Next.WAKE_KSOFTIRQD) {
            ksoftirqdWakeups++;
            start += costs.wakeup();
            netRx.softirqStart(start);
            cpu.ksoftirqdWoken(start);
        }
        nextPollNewRun = true;
        next(start);
    }

    /**
     * The next poll from {@code start}: in ksoftirqd, once another runnable task had its slice, or
     * an RT reader let it have the CPU ({@link Cpu#ksoftirqdTurn}).
     */
    private void next(long start) {
        if (netRx.inKsoftirqd()) {
            long turn = cpu.ksoftirqdTurn(start, nextPollNewRun);
            if (turn > start) {
                deferKsoftirqd(turn, start);
                return;
            }
        }
        bookNext(start);
    }

    /** No deferred ksoftirqd turn. */
    private static final long NO_TURN = Long.MIN_VALUE;

    /**
     * ksoftirqd, runnable from {@code start}, waits for the CPU until {@code turn}: its fair turn,
     * an RT reader's throttling window, or ({@link RunQueue#NEVER}) until that reader sleeps. Outside
     * 4.9-6.4 the task holding the CPU runs the pending softirq first, at its next
     * {@code local_bh_enable} ({@link SoftirqInTask#offer}).
     */
    private void deferKsoftirqd(long turn, long start) {
        ksoftirqdWaiting = true;
        ksoftirqdTurnAt = turn;
        if (turn != RunQueue.NEVER) {
            ksoftirqdWait.startAt(turn);
        }
        cpu.waitForReader(readerSlept);
        cpu.inTask.softirqStops(); // the task ksoftirqd waits behind goes on
        if (bhEnableRunsSoftirq) {
            cpu.inTask.offer(bhEnable, start);
        }
    }

    /**
     * The rule that shares this CPU between RT and fair tasks changed (an RT sysctl, a fair
     * server's file): a ksoftirqd waiting for its turn behind an RT task asks again, as the next
     * period's timer would find it, so a write acts at once (a share of 0 made it wait forever).
     */
    void bandwidthChanged() {
        if (!ksoftirqdWaiting || ksoftirqdTurnAt == NO_TURN || !cpu.rtDecides()) {
            return; // between fair tasks the slices decide, which no bandwidth changes
        }
        ksoftirqdWait.cancel();
        endKsoftirqdWait();
        nextPollNewRun = true; // it waited at the start of a pass
        next(now());
    }

    private void endKsoftirqdWait() {
        ksoftirqdWaiting = false;
        ksoftirqdTurnAt = NO_TURN;
        cpu.waitForReader(null);
    }

    /**
     * {@code local_bh_enable} → {@code do_softirq} in the task on this CPU while ksoftirqd waits
     * for it (outside 4.9-6.4): a new {@code __do_softirq} in that task's context, softirq time on
     * the CPU, with its own {@code MAX_SOFTIRQ_RESTART} and {@code MAX_SOFTIRQ_TIME}; ksoftirqd stays
     * runnable and keeps its turn. A no-op when ksoftirqd has meanwhile taken the work itself.
     */
    private void runAtBhEnable() {
        if (!ksoftirqdWaiting) {
            return;
        }
        long turn = ksoftirqdTurnAt;
        ksoftirqdWait.cancel();
        ksoftirqdWaiting = false;
        cpu.waitForReader(null);
        ksoftirqdTurnAt = turn; // ksoftirqd is still runnable, waiting for this turn
        long now = now();
        netRx.softirqInTask(now);
        nextPollNewRun = true;
        bookNext(now);
    }

    /**
     * This CPU went down ({@code cpuN/online}) with NAPIs on its poll list: the run ends and they
     * go, in order, to an online CPU's list, whose softirq polls them ({@code dev_cpu_dead}:
     * {@code list_splice_init} of the dead CPU's {@code poll_list}, then
     * {@code raise_softirq_irqoff(NET_RX_SOFTIRQ)} on the CPU running the teardown). The model
     * moves them at this CPU's next poll boundary, a poll's length after the write at most.
     */
    private void handOff() {
        java.util.List<Napi> moving = new java.util.ArrayList<>(list);
        moving.addAll(repoll);
        list.clear();
        repoll.clear();
        if (ksoftirqdWaiting) {
            ksoftirqdWait.cancel();
            endKsoftirqdWait(); // ksoftirqd/N parks
        }
        endRun(); // nothing left: the softirq is done here
        PollList to = pollLists.apply(cpu.takeoverCpu());
        for (Napi m : moving) {
            to.schedule(m, 0);
        }
    }

    /** Books the poll of the list's first NAPI from {@code start} (or hands the list over, the CPU being down). */
    private void bookNext(long start) {
        if (!cpu.online()) {
            handOff();
            return;
        }
        cpu.inTask.softirqRuns();
        Napi n = list.pollFirst();
        polling = n;
        long pollNs = n.beginSoftirqPoll(cpu.id);
        long end = cpu.softirqFrom(start, pollNs, nextPollNewRun);
        sim.scheduleAt(end, pollEnd);
        n.pollBooked(end - pollNs, end);
    }
}
