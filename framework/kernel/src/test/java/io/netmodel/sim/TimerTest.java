package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** hrtimer-like start / cancel / re-arm semantics of {@link Timer}. */
class TimerTest {
    private final Simulator sim = new Simulator(1);
    private final List<String> trace = new ArrayList<>();
    private final Timer timer = new Timer(sim, () -> trace.add(sim.now() + ":timer"));

    private Event log(String name) {
        return () -> trace.add(sim.now() + ":" + name);
    }

    @Test
    void should_fire_once_at_expiry_and_then_be_inactive() {
        assertFalse(timer.isActive());
        assertEquals(OptionalLong.empty(), timer.expiresAt());
        timer.start(100);
        assertTrue(timer.isActive());
        assertEquals(OptionalLong.of(100), timer.expiresAt());
        sim.run();
        assertEquals(List.of("100:timer"), trace);
        assertFalse(timer.isActive());
        assertEquals(OptionalLong.empty(), timer.expiresAt());
    }

    @Test
    void should_not_fire_when_cancelled_and_report_whether_it_was_active() {
        timer.start(100);
        sim.scheduleAt(50, () -> assertTrue(timer.cancel()));
        sim.run();
        assertEquals(List.of(), trace);
        assertFalse(timer.cancel(), "cancelling an inactive timer returns false, like hrtimer_cancel");
        assertEquals(50, sim.now(), "the cancelled entry does not move the clock");
        assertEquals(1, sim.skipped());
    }

    @Test
    void should_fire_once_at_the_last_time_when_pushed_later_repeatedly() {
        timer.start(100);
        for (long t = 10; t <= 90; t += 10) {
            long at = t;
            sim.scheduleAt(at, () -> timer.start(100)); // a watchdog pushed back on every poll
        }
        sim.run();
        assertEquals(List.of("190:timer"), trace);
        assertEquals(1, sim.skipped(), "one early entry re-inserted once, not one per re-arm");
    }

    @Test
    void should_fire_once_at_the_last_time_when_pulled_earlier_and_skip_the_stale_entries() {
        timer.start(1000);
        timer.start(500);
        timer.start(300);
        assertEquals(3, sim.pending(), "each earlier re-arm leaves one stale entry until it comes up");
        sim.run();
        assertEquals(List.of("300:timer"), trace);
        assertEquals(300, sim.now(), "stale entries are dropped without moving the clock");
        assertEquals(0, sim.pending());
        assertEquals(2, sim.skipped());
    }

    @Test
    void should_take_the_fifo_position_of_its_last_start() {
        timer.startAt(100);
        sim.scheduleAt(50, () -> {
            sim.scheduleAt(200, log("before"));
            timer.startAt(200); // keeps its entry at 100, re-inserted at 200 when that comes up
            sim.scheduleAt(200, log("after"));
        });
        sim.scheduleAt(150, () -> sim.scheduleAt(200, log("later-still")));
        sim.run();
        assertEquals(List.of("200:before", "200:timer", "200:after", "200:later-still"), trace);
    }

    @Test
    void should_take_the_fifo_position_of_a_restart_at_the_same_time() {
        timer.startAt(100);
        sim.scheduleAt(100, log("x"));
        timer.startAt(100); // same expiry, restarted after x was scheduled
        sim.run();
        assertEquals(List.of("100:x", "100:timer"), trace);
    }

    @Test
    void should_restart_after_cancel_at_a_later_or_an_earlier_time() {
        timer.start(100);
        timer.cancel();
        timer.start(150);
        assertEquals(1, sim.pending(), "the dormant entry at 100 is reused");
        sim.run();
        assertEquals(List.of("150:timer"), trace);

        trace.clear();
        timer.start(100); // expires at 250
        timer.cancel();
        timer.start(50); // expires at 200, before the dormant entry
        sim.run();
        assertEquals(List.of("200:timer"), trace);
        assertEquals(200, sim.now());
    }

    @Test
    void should_allow_the_callback_to_re_arm_its_own_timer() {
        Timer[] periodic = new Timer[1];
        periodic[0] = new Timer(sim, () -> {
            trace.add(sim.now() + ":tick");
            if (sim.now() < 30) {
                periodic[0].start(10); // HRTIMER_RESTART
            }
        });
        periodic[0].start(10);
        sim.run();
        assertEquals(List.of("10:tick", "20:tick", "30:tick"), trace);
        assertFalse(periodic[0].isActive());
    }

    @Test
    void should_fire_at_now_when_started_with_delay_zero_from_an_event() {
        sim.scheduleAt(40, () -> timer.start(0));
        sim.scheduleAt(40, log("pending-before"));
        sim.run();
        assertEquals(List.of("40:pending-before", "40:timer"), trace);
    }

    @Test
    void should_reject_expiries_in_the_past() {
        sim.runUntil(100);
        assertThrows(IllegalArgumentException.class, () -> timer.startAt(99));
        assertThrows(IllegalArgumentException.class, () -> timer.start(-1));
        assertFalse(timer.isActive());
    }
}
