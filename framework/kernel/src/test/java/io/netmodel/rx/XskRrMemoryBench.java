package io.netmodel.rx;

import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Whether memory stays flat over a long run: xsk_rr at 125K requests/s for 60 s simulated, heap
 * used after a full GC when the run has done 10 s, 30 s and 60 s (from the progress callback, so the
 * run's hosts and events are live), once with a sink that keeps what the shell keeps (xsk_rr's
 * 20000-bucket histogram) and once keeping every sample (the two-argument call, 8 bytes a
 * request), for comparison. A program, not a test:
 * <pre>
 * mvn -o -q -pl framework/api,framework/kernel test-compile
 * java -XX:+UseSerialGC -cp framework/kernel/target/classes:framework/kernel/target/test-classes:framework/api/target/classes \
 *     [-Dmode=interrupts] io.netmodel.rx.XskRrMemoryBench [simulated seconds, default 60]
 * </pre>
 */
public final class XskRrMemoryBench {
    private static final long PERIOD_NS = 8_000; // 125K requests/s
    private static final long S = 1_000_000_000L;

    /** A sink the size of xsk_rr's state: one bucket histogram, a count. */
    private static final class Buckets implements LatencySink {
        final long[] buckets = new long[20_000];
        long n;

        @Override
        public void sample(long atNs, long latencyNs) {
            buckets[(int) Math.min(latencyNs / 100, buckets.length - 1)]++;
            n++;
        }
    }

    public static void main(String[] args) {
        long simNs = (long) (Double.parseDouble(args.length > 0 ? args[0] : "60") * S);
        XskMode mode = XskMode.byCliName(System.getProperty("mode", "interrupts"));
        System.out.printf("xsk_rr %s at %d requests/s, %.0f s simulated: heap used after GC%n", mode.cliName(),
            S / PERIOD_NS, simNs / 1e9);
        System.out.printf("%-22s %12s %12s %12s %12s%n", "samples", "at 10 s", "at 30 s", "at end", "requests");
        for (boolean keep : new boolean[] {false, true}) {
            TinyDriver d = TinyDriver.plain();
            BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
                () -> List.of(d), () -> null);
            long[] heap = {-1, -1, -1};
            io.netmodel.api.bench.ProgressListener progress = (done, total) -> {
                if (heap[0] < 0 && done >= Math.min(10 * S, total)) {
                    heap[0] = heapAfterGc();
                }
                if (heap[1] < 0 && done >= Math.min(30 * S, total)) {
                    heap[1] = heapAfterGc();
                }
                if (done >= total) {
                    heap[2] = heapAfterGc();
                }
            };
            XskRrRequest req = new XskRrRequest(PERIOD_NS, 0, mode, simNs, 1);
            long requests;
            if (keep) {
                requests = svc.xskRr(req, progress).latencyNs().length;
            } else {
                Buckets sink = new Buckets();
                svc.xskRr(req, progress, sink);
                requests = sink.n;
            }
            System.out.printf("%-22s %9.1f MB %9.1f MB %9.1f MB %12d%n", keep ? "kept in the result" : "to a sink (histogram)",
                heap[0] / 1e6, heap[1] / 1e6, heap[2] / 1e6, requests);
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return mem.getHeapMemoryUsage().getUsed();
    }
}
