package io.netmodel.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Benchmark program (not a test): events per second of the event list in the classic
 * <em>hold</em> model, against {@link java.util.PriorityQueue} measured in the same run.
 *
 * <p>Hold model: {@value #PENDING} entries pending; each operation takes the earliest entry
 * (time {@code t}) and adds one at {@code t + delay}, delays drawn from an exponential
 * distribution with mean {@value #MEAN_DELAY_NS} ns (precomputed, so drawing costs nothing
 * and every contender gets the same sequence; rounding gives some equal times, which exercise
 * the FIFO tie-break). Four contenders, interleaved in every round after warm-up rounds:
 * <ol>
 *   <li>{@code PriorityQueue}: a binary heap of small {@code (time, seq)} objects with a
 *       comparator on {@code (time, seq)}; the polled object is reused for the add, so it does
 *       not pay for allocation;</li>
 *   <li>{@code HeapEventList}: the 4-ary primitive-array heap alone ({@code poll} + {@code add};
 *       the add fills the hole the poll left, as it does in the simulator when an event
 *       schedules its successor: one sift-down per operation);</li>
 *   <li>{@code heap, eager}: the same with a {@code peekTime()} between {@code poll} and
 *       {@code add}, which closes the hole first: a plain remove-min then insert, for
 *       comparison;</li>
 *   <li>{@code Simulator}: the whole engine, an {@link Event} that re-schedules itself
 *       ({@code run()} dispatching to {@code fire()}, {@code schedule(delay, this)}).</li>
 * </ol>
 * All four fire the same (time, seq) sequence; the program checks that the sums of fired
 * times agree. It prints events per second per round, the medians, and the ratios of medians.
 * A second is a second of CPU time of the benchmark thread ({@link ThreadMXBean}), which is
 * what "on one core" means and does not drop when other processes on a shared machine take
 * the core away; wall-clock figures are printed too when the two differ by more than 10%.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -o -q -pl framework/api,framework/kernel compile
 * java -cp framework/kernel/target/classes:framework/api/target/classes io.netmodel.sim.EventQueueBench [events-per-round [rounds [warm-up-rounds]]]
 * </pre>
 * Defaults: 10,000,000 events per round, 7 measured rounds, 3 warm-up rounds (about 25 s).
 */
public final class EventQueueBench {
    static final int PENDING = 1000;
    static final long MEAN_DELAY_NS = 1000;
    private static final int DELAY_MASK = (1 << 16) - 1;

    private EventQueueBench() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        Rng rng = new Rng(42);
        long[] delays = new long[DELAY_MASK + 1];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = rng.exponential(MEAN_DELAY_NS);
        }

        System.out.printf(Locale.ROOT,
                "hold model: %d pending, delay ~ exp(mean %d ns), %,d events/round, %d rounds after %d warm-up%n",
                PENDING, MEAN_DELAY_NS, events, rounds, warmup);
        System.out.printf(Locale.ROOT, "%-8s %14s %14s %14s %14s   (M events per CPU-second)%n",
                "round", "PriorityQueue", "HeapEventList", "heap, eager", "Simulator");
        String[] names = {"PriorityQueue", "HeapEventList", "heap, eager", "Simulator"};
        double[][] perCpuSecond = new double[names.length][rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = -warmup; r < rounds; r++) {
            long[] cpu = new long[names.length];
            long[] wall = new long[names.length];
            long[] sums = new long[names.length];
            for (int k = 0; k < names.length; k++) {
                long w0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                sums[k] = hold(k, delays, events);
                cpu[k] = threads.getCurrentThreadCpuTime() - c0;
                wall[k] = System.nanoTime() - w0;
                if (sums[k] != sums[0]) {
                    throw new AssertionError(names[k] + " fired a different sequence from " + names[0]);
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s",
                    r < 0 ? "warm-up" : String.valueOf(r + 1)));
            StringBuilder wallLine = new StringBuilder();
            for (int k = 0; k < names.length; k++) {
                double m = events * 1e3 / cpu[k];
                line.append(String.format(Locale.ROOT, " %14.2f", m));
                wallLine.append(String.format(Locale.ROOT, " %.2f", events * 1e3 / wall[k]));
                if (r >= 0) {
                    perCpuSecond[k][r] = m;
                }
            }
            if (Arrays.stream(wall).sum() > 1.1 * Arrays.stream(cpu).sum()) {
                line.append("   wall:").append(wallLine).append(" (machine busy)");
            }
            System.out.println(line);
        }
        if (rounds == 0) {
            return;
        }
        double[] medians = new double[names.length];
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", "median"));
        for (int k = 0; k < names.length; k++) {
            medians[k] = median(perCpuSecond[k]);
            line.append(String.format(Locale.ROOT, " %14.2f", medians[k]));
        }
        System.out.println(line);
        for (int k = 1; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "%-13s / PriorityQueue = %.2fx%n", names[k], medians[k] / medians[0]);
        }
    }

    private static long hold(int contender, long[] delays, long events) {
        switch (contender) {
            case 0:
                return holdPriorityQueue(delays, events);
            case 1:
                return holdHeapEventList(delays, events, false);
            case 2:
                return holdHeapEventList(delays, events, true);
            default:
                return holdSimulator(delays, events);
        }
    }

    /** A PriorityQueue-based event node, as a straightforward Java simulator would have. */
    private static final class Node {
        long time;
        long seq;

        Node(long time, long seq) {
            this.time = time;
            this.seq = seq;
        }
    }

    private static final Comparator<Node> BY_TIME_THEN_SEQ = (a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq);

    static long holdPriorityQueue(long[] delays, long events) {
        PriorityQueue<Node> q = new PriorityQueue<>(PENDING, BY_TIME_THEN_SEQ);
        long seq = 0;
        int d = 0;
        for (int i = 0; i < PENDING; i++) {
            q.add(new Node(delays[d++ & DELAY_MASK], seq++));
        }
        long sum = 0;
        for (long i = 0; i < events; i++) {
            Node n = q.poll();
            sum += n.time;
            n.time += delays[d++ & DELAY_MASK];
            n.seq = seq++;
            q.add(n);
        }
        return sum;
    }

    static long holdHeapEventList(long[] delays, long events, boolean eager) {
        HeapEventList q = new HeapEventList();
        Object payload = new Object();
        int d = 0;
        for (int i = 0; i < PENDING; i++) {
            q.add(delays[d++ & DELAY_MASK], payload);
        }
        long sum = 0;
        for (long i = 0; i < events; i++) {
            long t = q.peekTime();
            Object p = q.poll();
            sum += t;
            if (eager) {
                q.peekTime(); // closes the hole: a plain remove-min
            }
            q.add(t + delays[d++ & DELAY_MASK], p);
        }
        return sum;
    }

    /** An event that re-schedules itself at now + the next delay until its budget runs out. */
    private static final class Hold implements Event {
        private final Simulator sim;
        private final long[] delays;
        private long remaining;
        private int d;
        long sum;

        Hold(Simulator sim, long[] delays, long events) {
            this.sim = sim;
            this.delays = delays;
            this.remaining = events;
        }

        void prefill() {
            for (int i = 0; i < PENDING; i++) {
                sim.schedule(delays[d++ & DELAY_MASK], this);
            }
        }

        @Override
        public void fire() {
            sum += sim.now();
            sim.schedule(delays[d++ & DELAY_MASK], this);
            if (--remaining == 0) {
                sim.stop();
            }
        }
    }

    static long holdSimulator(long[] delays, long events) {
        Simulator sim = new Simulator(1);
        Hold hold = new Hold(sim, delays, events);
        hold.prefill();
        sim.run();
        return hold.sum;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
