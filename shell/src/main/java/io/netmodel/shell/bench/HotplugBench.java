package io.netmodel.shell.bench;

import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.ToolError;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A benchmark program (not a test): boots the model in this JVM, times {@code modprobe} and
 * {@code rmmod} of driver bundles for N cycles, and prints the latencies with the heap, thread
 * and bundle counts before and after. Usage: {@code HotplugBench [CYCLES] [MODULE...]}.
 */
public final class HotplugBench {
    private HotplugBench() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> modules = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("virtio_net");
        Layout layout = Layout.fromEnvironment();
        Path cache = Files.createTempDirectory("netmodel-bench");
        long t0 = System.nanoTime();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(),
            layout.bundlesDir(), cache)) {
            System.out.printf("boot (Felix + SCR + kernel bundle): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            run(host, modules, Math.min(50, cycles), null, null); // warm-up
            long heapBefore = heapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            int bundlesBefore = host.bundleCount();
            long[] load = new long[cycles * modules.size()];
            long[] unload = new long[cycles * modules.size()];
            run(host, modules, cycles, load, unload);
            long heapAfter = heapAfterGc();
            report("modprobe", load);
            report("rmmod", unload);
            System.out.printf("heap after GC: %.1f MiB before, %.1f MiB after (%+.1f KiB)%n", heapBefore / 1048576.0,
                heapAfter / 1048576.0, (heapAfter - heapBefore) / 1024.0);
            System.out.printf("threads: %d before, %d after; bundles: %d before, %d after%n", threadsBefore,
                ManagementFactory.getThreadMXBean().getThreadCount(), bundlesBefore, host.bundleCount());
        }
    }

    private static void run(ModelHost host, List<String> modules, int cycles, long[] load, long[] unload) throws ToolError {
        int i = 0;
        for (int c = 0; c < cycles; c++) {
            for (String m : modules) {
                if (host.isLoaded(m)) {
                    host.rmmod(m);
                }
                long a = System.nanoTime();
                host.modprobe(m, Map.of());
                long b = System.nanoTime();
                host.rmmod(m);
                long e = System.nanoTime();
                if (load != null) {
                    load[i] = b - a;
                    unload[i] = e - b;
                }
                i++;
            }
        }
    }

    private static void report(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        System.out.printf("%-8s n=%d mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, s.length, mean,
            s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
