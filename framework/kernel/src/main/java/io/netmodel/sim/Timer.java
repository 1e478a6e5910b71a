package io.netmodel.sim;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A one-shot, re-armable timer owned by one {@link Simulator}: the model's {@code hrtimer}
 * (the NAPI watchdog behind {@code gro_flush_timeout} / {@code napi_defer_hard_irqs}, IRQ
 * coalescing timers, socket timeouts).
 *
 * <p><b>Contract.</b> {@link #start}/{@link #startAt} arm the timer, replacing any earlier
 * expiry ({@code hrtimer_start} on an active timer re-arms it). When the expiry comes, the
 * timer becomes inactive and then fires its callback exactly once; the callback may re-arm it
 * (periodic timers, like returning {@code HRTIMER_RESTART}). {@link #cancel()} disarms it
 * ({@code hrtimer_cancel}). A timer armed for time {@code t} fires in FIFO position among the
 * events at {@code t} as if it had been scheduled by its last {@code start} call: exactly where
 * {@code sim.scheduleAt(t, callback)} at that moment would have put it.
 *
 * <p><b>Implementation and trade-off.</b> The event list has no remove: cancelling or
 * re-arming leaves the old heap entry in place and marks it stale. The generation counter is
 * the event list's sequence number: the timer remembers the one of its current entry, so a
 * stale entry is recognised when it reaches the root (its sequence number is no longer the
 * timer's current one, or the timer is no longer active) and is dropped without moving the clock or firing
 * anything ({@link Simulator#skipped()} counts them). This makes {@code start}/{@code cancel}
 * O(1) or one heap insert, with no back-pointers from the heap into timers, and costs one heap
 * slot and one pop per stale entry. To keep stale entries from piling up:
 * <ul>
 *   <li>Re-arming to a time at or after the entry already queued (the common case: a watchdog
 *       pushed further into the future on every poll) adds nothing: the queued entry stays,
 *       and when it comes up early it is re-inserted once at the real expiry, with the
 *       sequence number reserved at the last {@code start}, so the FIFO position is the same
 *       as an eager insert. Such a timer has at most one heap entry at any time, and costs one
 *       insert per time its entry comes up early, not one per re-arm (a watchdog re-armed
 *       with delay D on every poll: about one insert per D of virtual time).</li>
 *   <li>{@code cancel()} adds nothing; a later {@code start} at or after the queued entry
 *       reuses it.</li>
 *   <li>Re-arming to a time <em>earlier</em> than the queued entry inserts a new entry and
 *       leaves the old one stale: a timer pulled earlier N times before it expires leaves N
 *       stale entries, each dropped when its time comes (and each cheaper than an event: one
 *       pop and two compares). {@link Simulator#pending()} counts them until then.</li>
 * </ul>
 * As in ns-3's {@code Simulator::Cancel} (sets a bit, O(1)) rather than {@code Remove}
 * (O(log n)); unlike ns-3's {@code Timer}, no {@code EventId} object is allocated per arm.
 */
public final class Timer {
    private final Simulator sim;
    private final Event callback;

    /** Armed and not yet fired or cancelled. */
    private boolean active;
    /** Expiry (ns) when active. */
    private long expires;
    /** FIFO key of the current arming (from its {@code start} call). */
    private long armSeq;

    /** This timer has a heap entry that is not stale ({@code entryTime}, {@code entrySeq}). */
    private boolean queued;
    private long entryTime;
    private long entrySeq;

    /** An inactive timer on {@code sim} that runs {@code callback} when it expires. */
    public Timer(Simulator sim, Event callback) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.callback = Objects.requireNonNull(callback, "callback");
    }

    /**
     * Arms the timer to expire at {@code now() + delayNs}, replacing any earlier expiry.
     *
     * @param delayNs ns from now, {@code >= 0}
     * @throws IllegalArgumentException if {@code delayNs < 0} or the expiry overflows
     */
    public void start(long delayNs) {
        arm(sim.timeAfter(delayNs));
    }

    /**
     * Arms the timer to expire at absolute time {@code timeNs}, replacing any earlier expiry.
     *
     * @param timeNs ns since the start of the run, {@code >= now()}
     * @throws IllegalArgumentException if {@code timeNs < now()}
     */
    public void startAt(long timeNs) {
        sim.checkNotPast(timeNs);
        arm(timeNs);
    }

    /**
     * Disarms the timer; its callback will not run for the current arming.
     *
     * @return {@code true} if it was active (as {@code hrtimer_cancel} returns 1)
     */
    public boolean cancel() {
        boolean wasActive = active;
        active = false;
        return wasActive;
    }

    /** Armed and not yet fired or cancelled ({@code hrtimer_active}). */
    public boolean isActive() {
        return active;
    }

    /** Expiry (ns since the start of the run) if active, else empty ({@code hrtimer_get_expires}). */
    public OptionalLong expiresAt() {
        return active ? OptionalLong.of(expires) : OptionalLong.empty();
    }

    private void arm(long t) {
        HeapEventList events = sim.events();
        active = true;
        expires = t;
        if (queued && entryTime <= t) {
            armSeq = events.reserveSeq(); // keep the queued entry; it re-inserts when it comes up
        } else {
            armSeq = events.add(t, this); // any queued entry is later, hence stale from now on
            queued = true;
            entryTime = t;
            entrySeq = armSeq;
        }
    }

    /**
     * Called by the simulator when an entry {@code (t, seq)} of this timer reaches the root of
     * the event list. Returns true if the timer expires now (it is then inactive and the
     * simulator calls {@link #expire()}); false if the entry was stale, or early and has been
     * re-inserted at the current expiry.
     */
    boolean claim(long t, long seq) {
        if (!queued || seq != entrySeq) {
            return false; // superseded by an entry at an earlier time
        }
        queued = false;
        if (!active) {
            return false; // cancelled
        }
        if (t == expires && seq == armSeq) {
            active = false;
            return true;
        }
        // Re-armed to a later key while this entry was queued: (expires, armSeq) > (t, seq).
        sim.events().addWithSeq(expires, armSeq, this);
        queued = true;
        entryTime = expires;
        entrySeq = armSeq;
        return false;
    }

    /** Runs the callback; the simulator has set the clock to the expiry. */
    void expire() {
        callback.fire();
    }
}
