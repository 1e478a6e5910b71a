package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Steady state allocates nothing per event: schedule, fire and timer re-arm reuse the event
 * list's arrays and the caller's objects. Measured with the JVM's per-thread allocation counter.
 */
class ZeroGarbageTest {
    private static final int PENDING = 1000;
    private static final int EVENTS = 200_000;

    /** Re-schedules itself with a pseudo-random delay and re-arms a timer each time. */
    private static final class Hold implements Event {
        private final Simulator sim;
        private final Timer watchdog;
        private long state = 1;

        Hold(Simulator sim) {
            this.sim = sim;
            this.watchdog = new Timer(sim, () -> { });
        }

        @Override
        public void fire() {
            state = state * 6364136223846793005L + 1442695040888963407L;
            sim.schedule((state >>> 40) & 2047, this);
            watchdog.start(10_000);
        }
    }

    @Test
    void should_not_allocate_per_event_in_steady_state() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counter disabled");

        Simulator sim = new Simulator(1);
        Hold hold = new Hold(sim);
        for (int i = 0; i < PENDING; i++) {
            sim.schedule(i, hold);
        }
        sim.runUntil(sim.now() + 1_000_000); // warm-up: the arrays reach their steady size

        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        long target = sim.executed() + EVENTS;
        while (sim.executed() < target) {
            sim.step();
        }
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        // One 16-byte object per event would be 3.2 MB; allow the counter's own noise.
        assertTrue(allocated < 16 * 1024, allocated + " bytes allocated for " + EVENTS + " events");
    }
}
