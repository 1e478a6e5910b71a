package io.netmodel.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the event engine alone costs in the shape of an xsk_rr run, with no model work at all: a
 * benchmark program (not a test) that bounds how fast any model built on it can be.
 *
 * <p>A request of xsk_rr in interrupts mode is a cycle of 10 events of different kinds (the send,
 * a TX completion and its poll, the arrival, the poll and the reply at the server, the same on
 * the way back), 6 with a continuous poller; a handful are pending at a time. Here
 * {@code chains} cycles of 10 distinct event classes run side by side, each event scheduling the
 * next of its cycle 700 to 900 ns later and doing nothing else. The dispatch is as megamorphic as
 * in the model and the event list as short. The program prints CPU ns per event (this thread's CPU
 * time) and the ceiling that puts on xsk_rr at 125K requests/s: {@code 1e9 / (125000 x
 * events per request x ns per event)} times faster than real time, before any model work.
 * <pre>
 * mvn -o -q -pl framework/api,framework/kernel test-compile
 * java -XX:+UseSerialGC -cp framework/kernel/target/classes:framework/kernel/target/test-classes io.netmodel.sim.EngineFloorBench [chains, default 3] [rounds, default 6]
 * </pre>
 * The first rounds include JIT warm-up; read the later ones.
 */
public final class EngineFloorBench {
    private static final long[] DELAYS = {700, 800, 900, 750, 850, 800, 820, 780};
    private static final int KINDS = 10;
    private static final long EVENTS_PER_ROUND = 30_000_000L;
    private static final long REQUESTS_PER_S = 125_000;
    private static long sink;

    private EngineFloorBench() {
    }

    /** One cycle: event i does a trivial thing and schedules event i+1 (mod 10). Ten lambda classes. */
    private static Event[] cycle(Simulator sim) {
        Event[] ring = new Event[KINDS];
        Runnable[] next = new Runnable[KINDS];
        for (int i = 0; i < KINDS; i++) {
            int n = (i + 1) % KINDS;
            next[i] = () -> sim.schedule(DELAYS[(int) (sim.executed() & 7)], ring[n]);
        }
        ring[0] = () -> { sink += 0; next[0].run(); };
        ring[1] = () -> { sink += 1; next[1].run(); };
        ring[2] = () -> { sink += 2; next[2].run(); };
        ring[3] = () -> { sink += 3; next[3].run(); };
        ring[4] = () -> { sink += 4; next[4].run(); };
        ring[5] = () -> { sink += 5; next[5].run(); };
        ring[6] = () -> { sink += 6; next[6].run(); };
        ring[7] = () -> { sink += 7; next[7].run(); };
        ring[8] = () -> { sink += 8; next[8].run(); };
        ring[9] = () -> { sink += 9; next[9].run(); };
        return ring;
    }

    public static void main(String[] args) {
        int chains = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("event engine alone, %d cycles of %d event kinds in flight, %,d events per round%n",
            chains, KINDS, EVENTS_PER_ROUND);
        System.out.printf("%-6s %12s %28s %28s%n", "round", "ns/event", "ceiling x real, 10 ev/req", "ceiling x real, 6 ev/req");
        for (int round = 1; round <= rounds; round++) {
            Simulator sim = new Simulator(1);
            for (int c = 0; c < chains; c++) {
                sim.schedule(c * 300L, cycle(sim)[(c * 3) % KINDS]);
            }
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (long until = 1_000_000; sim.executed() < EVENTS_PER_ROUND; until += 1_000_000) {
                sim.runUntil(until);
            }
            double ns = (threads.getCurrentThreadCpuTime() - cpu0) / (double) sim.executed();
            System.out.printf("%-6d %12.1f %28.1f %28.1f%n", round, ns, ceiling(ns, 10), ceiling(ns, 6));
        }
    }

    private static double ceiling(double nsPerEvent, int eventsPerRequest) {
        return 1e9 / (REQUESTS_PER_S * eventsPerRequest * nsPerEvent);
    }
}
