package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Clock, ordering and run control of {@link Simulator}, on virtual time only. */
class SimulatorTest {
    private final Simulator sim = new Simulator(1);
    private final List<String> trace = new ArrayList<>();

    private Event log(String name) {
        return () -> trace.add(sim.now() + ":" + name);
    }

    @Test
    void should_fire_by_time_then_in_scheduling_order() {
        sim.scheduleAt(300, log("c"));
        sim.schedule(100, log("a1"));
        sim.scheduleAt(200, log("b"));
        sim.scheduleAt(100, log("a2"));
        sim.schedule(100, log("a3"));
        sim.run();
        assertEquals(List.of("100:a1", "100:a2", "100:a3", "200:b", "300:c"), trace);
        assertEquals(300, sim.now());
        assertEquals(5, sim.executed());
    }

    @Test
    void should_run_an_event_scheduled_at_now_after_those_already_pending_at_now() {
        sim.scheduleAt(50, () -> {
            trace.add(sim.now() + ":first");
            sim.schedule(0, log("scheduled-by-first"));
        });
        sim.scheduleAt(50, log("second"));
        sim.run();
        assertEquals(List.of("50:first", "50:second", "50:scheduled-by-first"), trace);
    }

    @Test
    void should_reject_times_in_the_past() {
        sim.scheduleAt(100, () -> { });
        sim.run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.scheduleAt(99, () -> { }));
        assertEquals("time 99 ns is in the past (now 100 ns)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(99));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(Long.MAX_VALUE, () -> { }));
        sim.scheduleAt(100, log("at-now"));
        sim.run();
        assertEquals(List.of("100:at-now"), trace);
    }

    @Test
    void should_stop_at_the_boundary_and_leave_later_events_pending() {
        sim.scheduleAt(100, log("a"));
        sim.scheduleAt(200, log("b"));
        sim.scheduleAt(201, log("c"));
        sim.scheduleAt(500, log("d"));

        assertTrue(sim.runUntil(200));
        assertEquals(List.of("100:a", "200:b"), trace);
        assertEquals(200, sim.now());
        assertEquals(2, sim.pending());
        assertEquals(OptionalLong.of(201), sim.nextEventTime());

        assertTrue(sim.runUntil(300));
        assertEquals(300, sim.now(), "the clock moves to the boundary even with no event there");
        assertEquals(List.of("100:a", "200:b", "201:c"), trace);

        sim.run();
        assertEquals(500, sim.now());
        assertEquals(0, sim.pending());
        assertEquals(OptionalLong.empty(), sim.nextEventTime());
    }

    @Test
    void should_fire_events_that_an_event_schedules_at_the_boundary() {
        sim.scheduleAt(90, () -> sim.schedule(10, log("chained")));
        sim.runUntil(100);
        assertEquals(List.of("100:chained"), trace);
    }

    @Test
    void should_advance_an_empty_simulator_to_the_boundary() {
        assertTrue(sim.runUntil(1_000_000));
        assertEquals(1_000_000, sim.now());
        assertFalse(sim.step());
    }

    @Test
    void should_step_one_event_at_a_time() {
        sim.scheduleAt(10, log("a"));
        sim.scheduleAt(20, log("b"));
        assertTrue(sim.step());
        assertEquals(List.of("10:a"), trace);
        assertEquals(10, sim.now());
        assertTrue(sim.step());
        assertFalse(sim.step());
        assertEquals(20, sim.now());
    }

    @Test
    void should_return_after_the_event_that_calls_stop() {
        sim.scheduleAt(10, log("a"));
        sim.scheduleAt(20, () -> {
            trace.add(sim.now() + ":stopper");
            sim.stop();
        });
        sim.scheduleAt(20, log("after-stop"));
        assertFalse(sim.runUntil(1_000));
        assertEquals(List.of("10:a", "20:stopper"), trace);
        assertEquals(20, sim.now(), "a stopped run leaves the clock at the stopping event");
        assertEquals(1, sim.pending());
        sim.run();
        assertEquals(List.of("10:a", "20:stopper", "20:after-stop"), trace);
    }

    @Test
    void should_refuse_to_run_from_inside_an_event() {
        List<Throwable> thrown = new ArrayList<>();
        sim.scheduleAt(1, () -> {
            try {
                sim.run();
            } catch (IllegalStateException e) {
                thrown.add(e);
            }
        });
        sim.run();
        assertEquals(1, thrown.size());
    }

    @Test
    void should_stay_usable_after_an_event_throws() {
        sim.scheduleAt(10, () -> {
            throw new IllegalStateException("model bug");
        });
        sim.scheduleAt(20, log("next"));
        assertThrows(IllegalStateException.class, sim::run);
        assertEquals(10, sim.now());
        assertEquals(1, sim.pending());
        sim.run();
        assertEquals(List.of("20:next"), trace);
    }

    @Test
    void should_keep_two_simulators_independent() {
        Simulator other = new Simulator(1);
        sim.scheduleAt(100, log("mine"));
        other.scheduleAt(5, () -> { });
        other.run();
        assertEquals(5, other.now());
        assertEquals(0, sim.now());
        assertEquals(1, sim.pending());
    }
}
