package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random start/cancel sequences on several timers give the same trace as an eager reference
 * (every start inserts a fresh entry, every cancel or re-arm bumps a generation), which is
 * the semantics {@link Timer} documents: its deferred re-insertion must be invisible.
 */
class TimerReferenceTest {
    private static final int TIMERS = 5;
    private static final int ROUNDS = 20_000;

    /** The operations both engines run, drawn from one seeded stream in the same order. */
    private interface Engine {
        long now();

        void scheduleAt(long t, Runnable r);

        void start(int timer, long delay);

        void cancel(int timer);

        void run();
    }

    private static List<String> drive(Engine engine, long seed) {
        List<String> trace = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        Runnable[] control = new Runnable[1];
        int[] rounds = {0};
        control[0] = () -> {
            for (int k = random.nextInt(3); k >= 0; k--) {
                int timer = random.nextInt(TIMERS);
                if (random.nextInt(4) == 0) {
                    engine.cancel(timer);
                } else {
                    engine.start(timer, random.nextLong(50)); // small range: many equal times
                }
            }
            if (++rounds[0] < ROUNDS) {
                engine.scheduleAt(engine.now() + random.nextLong(20), control[0]);
            }
        };
        engine.scheduleAt(0, control[0]);
        engine.run();
        return trace;
    }

    private static final class Ours implements Engine {
        final Simulator sim = new Simulator(0);
        final Timer[] timers = new Timer[TIMERS];
        final List<String> trace;

        Ours(List<String> trace) {
            this.trace = trace;
            for (int i = 0; i < TIMERS; i++) {
                int id = i;
                timers[i] = new Timer(sim, () -> trace.add(sim.now() + ":t" + id));
            }
        }

        public long now() {
            return sim.now();
        }

        public void scheduleAt(long t, Runnable r) {
            sim.scheduleAt(t, r::run);
        }

        public void start(int timer, long delay) {
            timers[timer].start(delay);
        }

        public void cancel(int timer) {
            timers[timer].cancel();
        }

        public void run() {
            sim.run();
        }
    }

    /** Eager reference: a PriorityQueue of (time, seq) and a generation per timer. */
    private static final class Reference implements Engine {
        private record Entry(long time, long seq, Runnable action, int timer, long generation) {
        }

        final PriorityQueue<Entry> queue = new PriorityQueue<>(
                Comparator.comparingLong(Entry::time).thenComparingLong(Entry::seq));
        final long[] generation = new long[TIMERS];
        final boolean[] active = new boolean[TIMERS];
        final List<String> trace;
        long now;
        long seq;

        Reference(List<String> trace) {
            this.trace = trace;
        }

        public long now() {
            return now;
        }

        public void scheduleAt(long t, Runnable r) {
            queue.add(new Entry(t, seq++, r, -1, 0));
        }

        public void start(int timer, long delay) {
            active[timer] = true;
            queue.add(new Entry(now + delay, seq++, null, timer, ++generation[timer]));
        }

        public void cancel(int timer) {
            active[timer] = false;
            generation[timer]++;
        }

        public void run() {
            Entry e;
            while ((e = queue.poll()) != null) {
                if (e.timer() < 0) {
                    now = e.time();
                    e.action().run();
                } else if (active[e.timer()] && generation[e.timer()] == e.generation()) {
                    now = e.time();
                    active[e.timer()] = false;
                    trace.add(now + ":t" + e.timer());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void should_match_an_eager_reference(long seed) {
        List<String> expected = new ArrayList<>();
        drive(new Reference(expected), seed);
        List<String> actual = new ArrayList<>();
        Ours ours = new Ours(actual);
        drive(ours, seed);

        assertTrue(expected.size() > 1000, "the scenario fires timers: " + expected.size());
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            int at = i;
            assertEquals(expected.get(i), actual.get(i), () -> "first difference at firing " + at
                    + "; reference around it: " + expected.subList(Math.max(0, at - 3), Math.min(n, at + 3))
                    + ", ours: " + actual.subList(Math.max(0, at - 3), Math.min(n, at + 3)));
        }
        assertEquals(expected.size(), actual.size(), "number of firings");
        assertEquals(0, ours.sim.pending());
    }
}
