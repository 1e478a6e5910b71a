package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same seed and same inputs give the same trace; a component's numbers do not depend on the
 * draws of another. The workload is a toy receive path: two flows with Poisson arrivals into
 * one queue, a server with jittered service times, and a coalescing timer re-armed per packet.
 */
class DeterminismTest {

    /** Runs the toy workload for 2 ms of virtual time and returns its trace. */
    private static List<String> run(long seed, boolean flowAExtraDraw) {
        Simulator sim = new Simulator(seed);
        List<String> trace = new ArrayList<>();
        Rng flowA = sim.rng().fork("flow-a");
        Rng flowB = sim.rng().fork("flow-b");
        Rng server = sim.rng().fork("server");
        int[] backlog = {0};
        Timer coalesce = new Timer(sim, () -> trace.add(sim.now() + " irq backlog=" + backlog[0]));
        Event[] serve = new Event[1];
        serve[0] = () -> {
            backlog[0]--;
            trace.add(sim.now() + " done backlog=" + backlog[0]);
            if (backlog[0] > 0) {
                sim.schedule(server.uniform(200, 400), serve[0]);
            }
        };
        class Flow implements Event {
            private final String name;
            private final Rng rng;
            private final long meanNs;

            Flow(String name, Rng rng, long meanNs) {
                this.name = name;
                this.rng = rng;
                this.meanNs = meanNs;
            }

            @Override
            public void fire() {
                trace.add(sim.now() + " " + name);
                if (backlog[0]++ == 0) {
                    sim.schedule(server.uniform(200, 400), serve[0]);
                }
                coalesce.start(1_000);
                if (flowAExtraDraw && name.equals("a")) {
                    rng.nextLong();
                }
                sim.schedule(rng.exponential(meanNs), this);
            }
        }
        sim.schedule(0, new Flow("a", flowA, 700));
        sim.schedule(0, new Flow("b", flowB, 1_100));
        sim.runUntil(2_000_000);
        return trace;
    }

    private static List<String> arrivalsOf(String flow, List<String> trace) {
        return trace.stream().filter(line -> line.endsWith(" " + flow)).toList();
    }

    @Test
    void should_produce_identical_traces_for_the_same_seed() {
        List<String> first = run(42, false);
        List<String> second = run(42, false);
        assertTrue(first.size() > 4_000, "the workload does something: " + first.size());
        assertEquals(first, second);
    }

    @Test
    void should_produce_a_different_trace_for_another_seed() {
        assertNotEquals(run(42, false), run(43, false));
    }

    @Test
    void should_keep_a_flows_arrivals_when_another_flow_draws_more() {
        List<String> plain = run(42, false);
        List<String> extra = run(42, true);
        assertEquals(arrivalsOf("b", plain), arrivalsOf("b", extra));
        assertNotEquals(arrivalsOf("a", plain), arrivalsOf("a", extra));
    }
}
