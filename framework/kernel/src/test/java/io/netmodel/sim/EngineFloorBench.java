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
 * java -XX:+UseSerialGC -cp framework/kernel/target/classes:framework/kernel/target/test-classes [-DoneKind=true] io.netmodel.sim.EngineFloorBench [chains, default 3] [rounds, default 6]
 * </pre>
 * {@code -DoneKind=true} makes the ten events of a cycle one class, which shows what the
 * megamorphic dispatch costs. The first rounds include JIT warm-up; read the later ones.
 */
public final class EngineFloorBench {
    private static final long[] DELAYS = {700, 800, 900, 750, 850, 800, 820, 780};
    private static final int KINDS = 10;
    private static final long EVENTS_PER_ROUND = 30_000_000L;
    private static final long REQUESTS_PER_S = 125_000;
    private static long sink;

    private EngineFloorBench() {
    }

    /** An event of one kind: it does a trivial thing and schedules the next event of its cycle. */
    private abstract static class Kind implements Event {
        final Simulator sim;
        Event next;

        Kind(Simulator sim) {
            this.sim = sim;
        }

        final void scheduleNext() {
            sim.schedule(DELAYS[(int) (sim.executed() & 7)], next);
        }
    }

    // Ten classes, so the simulator's call to fire() sees ten receiver types, as in the model.
    private static final class K0 extends Kind { K0(Simulator s) { super(s); } public void fire() { sink += 0; scheduleNext(); } }
    private static final class K1 extends Kind { K1(Simulator s) { super(s); } public void fire() { sink += 1; scheduleNext(); } }
    private static final class K2 extends Kind { K2(Simulator s) { super(s); } public void fire() { sink += 2; scheduleNext(); } }
    private static final class K3 extends Kind { K3(Simulator s) { super(s); } public void fire() { sink += 3; scheduleNext(); } }
    private static final class K4 extends Kind { K4(Simulator s) { super(s); } public void fire() { sink += 4; scheduleNext(); } }
    private static final class K5 extends Kind { K5(Simulator s) { super(s); } public void fire() { sink += 5; scheduleNext(); } }
    private static final class K6 extends Kind { K6(Simulator s) { super(s); } public void fire() { sink += 6; scheduleNext(); } }
    private static final class K7 extends Kind { K7(Simulator s) { super(s); } public void fire() { sink += 7; scheduleNext(); } }
    private static final class K8 extends Kind { K8(Simulator s) { super(s); } public void fire() { sink += 8; scheduleNext(); } }
    private static final class K9 extends Kind { K9(Simulator s) { super(s); } public void fire() { sink += 9; scheduleNext(); } }

    /** One cycle: event i schedules event i+1 (mod 10); with {@code oneKind}, ten events of one class. */
    private static Kind[] cycle(Simulator sim, boolean oneKind) {
        Kind[] ring = oneKind
            ? new Kind[] {new K0(sim), new K0(sim), new K0(sim), new K0(sim), new K0(sim), new K0(sim), new K0(sim),
                new K0(sim), new K0(sim), new K0(sim)}
            : new Kind[] {new K0(sim), new K1(sim), new K2(sim), new K3(sim), new K4(sim), new K5(sim), new K6(sim),
                new K7(sim), new K8(sim), new K9(sim)};
        for (int i = 0; i < KINDS; i++) {
            ring[i].next = ring[(i + 1) % KINDS];
        }
        return ring;
    }

    public static void main(String[] args) {
        int chains = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        boolean oneKind = Boolean.getBoolean("oneKind");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("event engine alone, %d cycles of %d events (%s) in flight, %,d events per round%n",
            chains, KINDS, oneKind ? "one class" : "ten classes", EVENTS_PER_ROUND);
        System.out.printf("%-6s %12s %28s %28s%n", "round", "ns/event", "ceiling x real, 10 ev/req", "ceiling x real, 6 ev/req");
        for (int round = 1; round <= rounds; round++) {
            Simulator sim = new Simulator(1);
            for (int c = 0; c < chains; c++) {
                sim.schedule(c * 300L, cycle(sim, oneKind)[(c * 3) % KINDS]);
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
