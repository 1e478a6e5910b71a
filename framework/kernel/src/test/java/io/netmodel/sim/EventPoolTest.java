package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPoolTest {
    @Test
    void fires_each_event_with_its_own_values_in_schedule_order() {
        Simulator sim = new Simulator(1);
        List<String> fired = new ArrayList<>();
        EventPool pool = new EventPool((a, b) -> fired.add(sim.now() + ":" + a + "/" + b));
        sim.scheduleAt(30, pool.event(3, 33));
        sim.scheduleAt(10, pool.event(1, 11));
        sim.scheduleAt(30, pool.event(4, 44)); // same time: after the one scheduled before it
        sim.scheduleAt(20, pool.event(2, 22));
        sim.run();
        assertEquals(List.of("10:1/11", "20:2/22", "30:3/33", "30:4/44"), fired);
    }

    @Test
    void reuses_fired_events_and_keeps_those_in_flight_apart() {
        Simulator sim = new Simulator(1);
        EventPool pool = new EventPool((a, b) -> { });
        Event first = pool.event(1, 0);
        Event second = pool.event(2, 0);
        assertNotSame(first, second); // both in flight
        sim.scheduleAt(5, first);
        sim.scheduleAt(6, second);
        sim.run();
        Event again = pool.event(3, 0);
        Event andAgain = pool.event(4, 0);
        assertSame(second, again); // the last one back is the first one out
        assertSame(first, andAgain);
    }

    @Test
    void a_handler_may_take_the_event_that_is_firing() {
        Simulator sim = new Simulator(1);
        List<Long> seen = new ArrayList<>();
        EventPool[] pool = new EventPool[1];
        pool[0] = new EventPool((a, b) -> {
            seen.add(a);
            if (a < 3) {
                sim.schedule(1, pool[0].event(a + 1, 0)); // reuses the event that is firing
            }
        });
        sim.scheduleAt(0, pool[0].event(0, 0));
        sim.run();
        assertEquals(List.of(0L, 1L, 2L, 3L), seen);
        assertEquals(4, sim.executed());
    }
}
