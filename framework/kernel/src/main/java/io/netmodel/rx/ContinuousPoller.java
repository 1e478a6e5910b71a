package io.netmodel.rx;

import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.LongQueue;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;

/**
 * A thread that polls one NAPI in a loop without sleeping: the kthread of threaded busy poll
 * (6.19, {@code napi_threaded_poll_loop} with {@code IN_BUSY_POLL} set), or an application thread
 * looping on {@code recvfrom(MSG_DONTWAIT)} (xsk_rr {@code -t}, each call one
 * {@code napi_busy_loop} pass). The loop is not simulated iteration by iteration: a frame that
 * lands in the ring is picked up by the next iteration, a uniformly distributed part of one
 * loop period later, then pays the poll's cost; frames that land while it polls are taken by
 * the same poll (the driver's loop cleans descriptors until none is left or the budget is used)
 * and extend it by their cost, so a loop takes at most one frame per {@code poll_per_packet}.
 *
 * <p>TX completions are cleaned in passing, without an event each: the NIC's write-back times
 * queue here ({@link #txCompletesAt}), and whatever next looks at the loop (a frame arriving,
 * a poll ending, the loop stopping) first catches up with those due by then, in order. Nothing
 * else touches the NAPI while a continuous poller owns it, so the outcome is the one an event
 * per completion would give: each is found by the next iteration, costs one poll, and keeps the
 * loop busy until that poll ends ({@code busyUntil}); one that finds a poll pending is cleaned
 * by that poll.
 *
 * <p>When it shares its CPU with an application thread ({@link RunQueue}), a poll waits until the
 * scheduler gives it the CPU, a pending poll is pushed past a burst that preempts it, and the time
 * the application had is not accounted to this thread.
 */
final class ContinuousPoller {
    /** What loops: whether its polls are busy polls ({@link NapiRuntime#busyLoopPoll}). */
    enum Loop {
        /** A thread in {@code napi_busy_loop}, again and again: its polls add to BusyPollRxPackets. */
        NAPI_BUSY_LOOP,
        /** Threaded busy poll's kthread ({@code napi_threaded_poll_loop}, {@code __napi_poll}): they do not. */
        NAPI_KTHREAD
    }

    private final Loop loop;
    private final Simulator sim;
    private final Rng rng;
    private final NapiRuntime napi;
    private final Cpu cpu;
    private final long periodNs;
    private final int budget;
    private final CpuTime bucket;
    private boolean pending;
    /** The end of the pending poll (cancelled when the loop stops). */
    private final Timer pollEnd;
    private long attachedAt = -1;
    /** TX completions written back (or due) and not yet caught up with, in ns. */
    private final LongQueue txDue = new LongQueue();
    /** Until then the loop is in a poll that cleaned TX completions. */
    private long busyUntil;
    /** When the pending poll starts, and what it costs. */
    private long pollAt;
    private long pollCostNs;
    /** Frames the pending poll has been charged for: those that land while it runs extend it. */
    private int charged;
    /** {@link RunQueue#lostBy} when the loop (re)started. */
    private long lostMark;
    /** Its CPU's run queue while it shares the CPU, else null (the common case costs nothing). */
    private RunQueue shared;

    /** A thread looping on {@code napi_busy_loop} ({@link Loop#NAPI_BUSY_LOOP}). */
    ContinuousPoller(Simulator sim, Rng rng, NapiRuntime napi, Cpu cpu, long periodNs, int budget, CpuTime bucket) {
        this(Loop.NAPI_BUSY_LOOP, sim, rng, napi, cpu, periodNs, budget, bucket);
    }

    ContinuousPoller(Loop loop, Simulator sim, Rng rng, NapiRuntime napi, Cpu cpu, long periodNs, int budget,
                     CpuTime bucket) {
        this.loop = loop;
        this.sim = sim;
        this.rng = rng;
        this.napi = napi;
        this.cpu = cpu;
        this.periodNs = periodNs;
        this.budget = budget;
        this.bucket = bucket;
        this.pollEnd = new Timer(sim, this::pollDone);
    }

    int cpu() {
        return cpu.id;
    }

    /** Starts looping now. */
    void start() {
        attachedAt = sim.now();
        shared = cpu.rq.shared() ? cpu.rq : null;
        lostMark = shared == null ? 0 : shared.lostBy(attachedAt);
        napi.attach(this);
        if (!napi.ringEmpty()) {
            workArrived();
        }
    }

    /**
     * Stops looping now (the thread leaves the loop); its CPU time is accounted. Completions due
     * later go back to the NAPI, to raise what they raise without a poller.
     */
    void stop(boolean prefer) {
        if (attachedAt < 0) {
            return;
        }
        catchUp();
        cpu.account(bucket, sim.now() - attachedAt - (shared == null ? 0 : shared.lostBy(sim.now()) - lostMark));
        attachedAt = -1;
        pending = false;
        pollEnd.cancel();
        napi.detach(cpu.id, prefer);
        while (!txDue.isEmpty()) {
            napi.txCompletesAt(txDue.poll());
        }
    }

    /** The NIC writes a TX completion back at {@code at} ({@code >= now}): cleaned in passing. */
    void txCompletesAt(long at) {
        txDue.add(at);
    }

    /**
     * Catches up with the TX completions due by now, in order (see the class comment). Called
     * first by everything that looks at this loop or its NAPI, so nothing changed since they fell due.
     */
    void catchUp() {
        long now = sim.now();
        while (!txDue.isEmpty() && txDue.peek() <= now) {
            cleanTx(txDue.poll());
        }
    }

    /**
     * A TX completion written back now that was announced as an event (before this loop began):
     * after those already due, so they stay in order.
     */
    void txCompletedNow() {
        catchUp();
        cleanTx(sim.now());
    }

    /** The completion written back at {@code at}: the next iteration's poll cleans it, or the pending poll does. */
    private void cleanTx(long at) {
        napi.txCompleted();
        if (pending) {
            return; // the pending poll cleans it
        }
        long ready = cpu.taskReady(at + rng.uniform(0, periodNs));
        if (shared != null) {
            ready = shared.spinnerOnCpu(ready);
        }
        long start = Math.max(ready, busyUntil);
        busyUntil = start + napi.pollCost(budget, cpu.id);
        if (shared != null) {
            shared.spinnerPolls(busyUntil);
        }
        poll(); // the ring is empty (else a poll would be pending): TX only
    }

    /** Whether its NAPI is owned elsewhere now ({@link NapiRuntime#scheduled}): a busy loop cannot take it. */
    boolean napiScheduled() {
        return napi.scheduled();
    }

    /** {@code r} once its NAPI is free again ({@link NapiRuntime#whenReleased}). */
    void whenNapiReleased(Runnable r) {
        napi.whenReleased(r);
    }

    boolean running() {
        return attachedAt >= 0;
    }

    /** Accounts the time looped so far (at the end of a run) and keeps looping. */
    void accountSoFar() {
        if (attachedAt >= 0) {
            catchUp();
            long lost = shared == null ? 0 : shared.lostBy(sim.now());
            cpu.account(bucket, sim.now() - attachedAt - (lost - lostMark));
            attachedAt = sim.now();
            lostMark = lost;
        }
    }

    /** Something is waiting in the ring: the next iteration polls it. */
    void workArrived() {
        if (pending || attachedAt < 0) {
            return;
        }
        pending = true;
        long now = sim.now();
        // in a TX-cleaning poll: the iteration right after it finds the frame
        long at = busyUntil > now ? busyUntil : cpu.taskReady(now + rng.uniform(0, periodNs));
        long cost = napi.pollCost(budget, cpu.id);
        charged = napi.framesFor(budget);
        if (shared != null) {
            at = shared.spinnerOnCpu(at);
            shared.spinnerPolls(at + cost);
            pollAt = at;
            pollCostNs = cost;
        }
        pollEnd.startAt(at + cost);
    }

    /**
     * An application burst has the CPU over {@code [from, until)}: a pending poll due to start
     * in it starts when it ends ({@link RunQueue}, preemption mode).
     */
    void preempted(long from, long until) {
        if (pending && pollAt >= from && pollAt < until) {
            pollAt = until;
            pollEnd.startAt(pollAt + pollCostNs);
        }
    }

    private void pollDone() {
        catchUp(); // completions that fell due while this poll was pending: it cleans them
        int due = napi.framesFor(budget);
        if (due > charged) { // frames that landed while it polled: its loop takes them too, at their cost
            long extra = (due - charged) * napi.frameCost(cpu.id);
            charged = due;
            long end = sim.now() + extra;
            if (shared != null) {
                shared.spinnerPolls(end);
                pollCostNs += extra;
            }
            pollEnd.startAt(end);
            return;
        }
        pending = false;
        poll();
        if (!napi.ringEmpty()) {
            workArrived();
        }
    }

    /** One iteration's poll: a busy poll in {@code napi_busy_loop}, a plain one in the kthread. */
    private void poll() {
        if (loop == Loop.NAPI_BUSY_LOOP) {
            napi.busyLoopPoll(budget, cpu.id);
        } else {
            napi.pollNow(budget, cpu.id);
        }
    }
}
