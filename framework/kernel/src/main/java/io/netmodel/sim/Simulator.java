package io.netmodel.sim;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A discrete-event simulator: a virtual clock in {@code long} nanoseconds, the pending
 * {@link Event}s, and the root {@link Rng} of the run.
 *
 * <p><b>Clock.</b> {@link #now()} starts at 0 and only moves forward: to the time of each event
 * as it fires, and to the boundary at the end of {@link #runUntil}. Between events it does not
 * move; model code that "takes time" schedules an event at {@code now() + cost}.
 *
 * <p><b>Order.</b> Events fire in increasing time; events with the same time fire in the order
 * they were scheduled (FIFO), including events scheduled at {@code now()} by a firing event,
 * which run after those already pending at {@code now()}. The order is a function of the
 * schedule calls only, so the same seed and the same inputs give the same trace.
 *
 * <p><b>Failures.</b> An exception thrown by an event propagates out of {@code run},
 * {@code runUntil} or {@code step}; the clock stays at that event's time, the event is gone,
 * the rest stay pending, and the simulator can run again.
 *
 * <p><b>Threads.</b> Not thread-safe. One thread owns a simulator (in the kernel model: the
 * holder of {@code ModelLock}); a pacing thread in live mode calls {@link #runUntil}
 * repeatedly with the virtual time that corresponds to the wall clock.
 *
 * <p>As in ns-3 ({@code DefaultSimulatorImpl}): integer time, a {@code (time, uid)} key,
 * {@code Schedule}/{@code Run}/{@code Stop}. Unlike ns-3 the simulator is an instance (no
 * static facade: two simulators can run side by side in one JVM, e.g. in tests), schedule
 * returns no {@code EventId} (nothing is allocated per event; cancellation is what
 * {@link Timer} is for), and there is no per-event context/node id.
 */
public final class Simulator {
    private final HeapEventList events = new HeapEventList();
    private final Rng rng;
    private long now;
    private boolean running;
    private boolean stopRequested;
    private long executed;
    private long skipped;

    /** A simulator at time 0 with no pending events, whose {@link #rng()} is seeded with {@code seed}. */
    public Simulator(long seed) {
        this.rng = new Rng(seed);
    }

    /** Current virtual time, ns since the start of the run. */
    public long now() {
        return now;
    }

    /**
     * The run's root random stream. Components take their own stream from it once, at
     * construction ({@link Rng#fork(String)} or {@link Rng#split()}), so that a draw added in
     * one component does not shift another's numbers.
     */
    public Rng rng() {
        return rng;
    }

    /**
     * Schedules {@code e} to fire at {@code now() + delayNs}.
     *
     * @param delayNs ns from now, {@code >= 0}; 0 fires after the events already pending at now
     * @throws IllegalArgumentException if {@code delayNs < 0} or {@code now() + delayNs}
     *     overflows a {@code long}
     */
    public void schedule(long delayNs, Event e) {
        long t = now + delayNs;
        if ((delayNs | t) < 0) { // a negative delay, or now + delay overflowed
            timeAfter(delayNs); // throws with the reason
        }
        events.add(t, Objects.requireNonNull(e, "event"));
    }

    /**
     * Schedules {@code e} to fire at absolute time {@code timeNs}.
     *
     * @param timeNs ns since the start of the run, {@code >= now()}
     * @throws IllegalArgumentException if {@code timeNs < now()}
     */
    public void scheduleAt(long timeNs, Event e) {
        checkNotPast(timeNs);
        events.add(timeNs, Objects.requireNonNull(e, "event"));
    }

    /**
     * Fires events in order until none is left or an event calls {@link #stop()}. {@code now()}
     * is then the time of the last event fired.
     *
     * @throws IllegalStateException if called from an event
     */
    public void run() {
        loop(Long.MAX_VALUE);
    }

    /**
     * Fires every event whose time is {@code <= timeNs} (including those that they schedule at
     * or before {@code timeNs}), then sets {@code now()} to {@code timeNs}; later events stay
     * pending. If an event calls {@link #stop()}, returns after it with {@code now()} at that
     * event's time. Live mode calls this repeatedly with increasing boundaries.
     *
     * @param timeNs the boundary, ns, {@code >= now()}
     * @return {@code true} if the boundary was reached, {@code false} if stopped before it
     * @throws IllegalArgumentException if {@code timeNs < now()}
     * @throws IllegalStateException if called from an event
     */
    public boolean runUntil(long timeNs) {
        checkNotPast(timeNs);
        if (!loop(timeNs)) {
            return false;
        }
        now = timeNs;
        return true;
    }

    /**
     * Fires the next event, if any.
     *
     * @return {@code false} if there was no event to fire
     * @throws IllegalStateException if called from an event
     */
    public boolean step() {
        enter();
        try {
            return fireNext(Long.MAX_VALUE);
        } finally {
            running = false;
        }
    }

    /**
     * Asks the current {@link #run()} or {@link #runUntil} to return after the event that is
     * firing. Meant to be called from an event; outside a run it has no effect (the next run
     * starts afresh). Pending events stay pending.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Entries in the event list: events not yet fired plus timer entries that will be skipped
     * when they come up (see {@link Timer}).
     */
    public int pending() {
        return events.size();
    }

    /**
     * Time (ns) of the first entry in the event list, or empty if there is none. It may be a
     * timer entry that turns out stale and fires nothing; a live-mode pacer that sleeps until
     * then just wakes early.
     */
    public OptionalLong nextEventTime() {
        return events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.peekTime());
    }

    /** Events fired since the simulator was created (ns-3 {@code GetEventCount}). */
    public long executed() {
        return executed;
    }

    /** Timer entries taken off the event list without firing anything (see {@link Timer}). */
    public long skipped() {
        return skipped;
    }

    // --- package-private: used by Timer -------------------------------------------------

    HeapEventList events() {
        return events;
    }

    /** {@code now() + delayNs}, checked. */
    long timeAfter(long delayNs) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("negative delay: " + delayNs + " ns");
        }
        long t = now + delayNs;
        if (t < 0) {
            throw new IllegalArgumentException(
                    "now + delay overflows: " + now + " + " + delayNs + " ns");
        }
        return t;
    }

    void checkNotPast(long timeNs) {
        if (timeNs < now) {
            throw new IllegalArgumentException(
                    "time " + timeNs + " ns is in the past (now " + now + " ns)");
        }
    }

    // --- the event loop --------------------------------------------------------------------

    /** Fires events up to {@code limit}; false if stopped. */
    private boolean loop(long limit) {
        enter();
        try {
            while (fireNext(limit)) {
                if (stopRequested) {
                    return false;
                }
            }
            return true;
        } finally {
            running = false;
        }
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException("the simulator is already running (called from an event?)");
        }
        running = true;
        stopRequested = false;
    }

    /**
     * Fires the first event with time {@code <= limit}, skipping stale timer entries without
     * moving the clock. False if there is none.
     */
    private boolean fireNext(long limit) {
        HeapEventList events = this.events;
        while (events.settle()) {
            long t = events.firstTime();
            if (t > limit) {
                return false;
            }
            long seq = events.firstSeq();
            Object p = events.takeFirst();
            if (p instanceof Timer) {
                Timer timer = (Timer) p;
                if (!timer.claim(t, seq)) {
                    skipped++;
                    continue;
                }
                now = t;
                executed++;
                timer.expire();
            } else {
                now = t;
                executed++;
                ((Event) p).fire();
            }
            return true;
        }
        return false;
    }
}
