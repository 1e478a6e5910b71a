package io.netmodel.rx;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * How much faster than real time the simulation runs: xsk_rr at 125K requests/s (two hosts),
 * each mode, timed by this thread's CPU time (one core; the machine's other load does not count)
 * and by the wall clock, with the events each request costs. The samples go to a sink that keeps
 * none (the shell's recorder is flat too), so a long run measures the simulation, not the young
 * collector copying a growing sample array. A program, not a test:
 * <pre>
 * mvn -o -q -pl framework/api,framework/kernel test-compile
 * java -XX:+UseSerialGC -cp framework/kernel/target/classes:framework/kernel/target/test-classes:framework/api/target/classes \
 *     [-Dmode=threaded-busy-poll] io.netmodel.rx.XskRrSpeedBench [simulated seconds per run, default 20] [rounds, default 3]
 * </pre>
 * The first round includes JIT warm-up; read the later ones.
 */
public final class XskRrSpeedBench {
    private static final long PERIOD_NS = 8_000; // 125K requests/s

    /** Every mode, or the one {@code -Dmode=NAME} names. */
    private static XskMode[] modes() {
        String only = System.getProperty("mode");
        return only == null ? XskMode.values() : new XskMode[] {XskMode.byCliName(only)};
    }

    public static void main(String[] args) {
        long simNs = (long) (Double.parseDouble(args.length > 0 ? args[0] : "20") * 1e9);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("xsk_rr at %d requests/s, delay 0, %.0f s simulated per run%n", 1_000_000_000L / PERIOD_NS, simNs / 1e9);
        System.out.printf("%-6s %-20s %9s %9s %14s %15s%n", "round", "mode", "cpu s", "wall s", "x real (cpu)", "events/request");
        for (int round = 1; round <= rounds; round++) {
            for (XskMode m : modes()) {
                TinyDriver d = TinyDriver.plain();
                BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
                    () -> List.of(d), () -> null);
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long[] sum = new long[1];
                BenchResult res = svc.xskRr(new XskRrRequest(PERIOD_NS, 0, m, simNs, 1), (a, b) -> { },
                    (at, ns) -> sum[0] += ns); // flat, as the shell's recorder: no sample array to grow and collect
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                double perRequest = (double) res.counters().get("sim.events") / res.counters().get("client.requests_sent");
                System.out.printf("%-6d %-20s %9.2f %9.2f %14.1f %15.1f%n", round, m.cliName(), cpu, wall, simNs / 1e9 / cpu, perRequest);
            }
        }
    }
}
