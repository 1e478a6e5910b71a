package io.netmodel.shell.bench;

import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A benchmark program (not a test): the memory a netdev and a queue pair cost the model,
 * measured. Each measurement is a fresh JVM that boots the model with {@code NETDEVS}
 * virtio-net devices on {@code CPUS} CPUs and reads the heap after a full GC before and after
 * {@code modprobe virtio_net} followed by a walk of the whole tree (so whatever the tree builds
 * on first listing is counted). The one-queue-pair host's difference over {@code NETDEVS} is the
 * cost per netdev; the extra of the {@code QUEUES}-pair host over {@code NETDEVS × (QUEUES - 1)}
 * is the cost per queue pair. Each figure is the median of {@code RUNS} JVMs.
 * Usage: {@code ScaleBench [NETDEVS=1000] [QUEUES=64] [CPUS=64] [RUNS=3]}.
 */
public final class ScaleBench {
    private static final String ONE = "--one";

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals(ONE)) {
            measureHere(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int netdevs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int cpus = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (netdevs < 1 || queues < 2 || cpus < 1 || runs < 1) {
            throw new IllegalArgumentException("usage: ScaleBench [NETDEVS>=1] [QUEUES>=2] [CPUS>=1] [RUNS>=1]");
        }
        long[] one = median(netdevs, 1, cpus, runs);
        long[] many = median(netdevs, queues, cpus, runs);
        int pairs = (int) many[3];
        System.out.printf("%d netdevs x 1 queue pair:  +%.1f MiB heap for the netdevs (%d files and directories)%n",
            netdevs, one[0] / 1048576.0, one[2]);
        System.out.printf("%d netdevs x %d queue pairs: +%.1f MiB heap for the netdevs (%d files and directories);"
            + " heap in use %.1f MiB%n", netdevs, pairs, many[0] / 1048576.0, many[2], many[1] / 1048576.0);
        if (pairs != queues) {
            System.out.printf("   (the model gave each netdev %d queue pairs, not %d)%n", pairs, queues);
        }
        System.out.printf("per netdev (with one queue pair): %.1f KiB%n", one[0] / 1024.0 / netdevs);
        System.out.printf("per queue pair (rx-N and tx-N with their files, NAPI and IRQs): %.2f KiB%n",
            (many[0] - one[0]) / 1024.0 / netdevs / (pairs - 1));
    }

    /** Median over {@code runs} fresh JVMs of: netdev bytes, heap in use, tree entries, queue pairs. */
    private static long[] median(int netdevs, int queues, int cpus, int runs) throws IOException, InterruptedException {
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(child(netdevs, queues, cpus));
        }
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        return all.get(all.size() / 2);
    }

    private static long[] child(int netdevs, int queues, int cpus) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        for (String p : List.of("netmodel.home", "netmodel.system")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(ScaleBench.class.getName(), ONE, Integer.toString(netdevs), Integer.toString(queues),
            Integer.toString(cpus)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException("measurement of " + netdevs + " x " + queues + " failed: " + out);
        }
        return Arrays.stream(out.split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** Prints {@code netdevBytes heapInUse treeEntries queuePairs} for one host, in this JVM. */
    private static void measureHere(int netdevs, int queues, int cpus) throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = Files.createTempDirectory("netmodel-scale");
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", cpus, "virtio_net:" + netdevs, queues),
            layout.systemDir(), layout.bundlesDir(), cache)) {
            walk(host.fs(), "/");
            long before = heapAfterGc();
            host.modprobe("virtio_net", Map.of());
            long entries = walk(host.fs(), "/");
            long after = heapAfterGc();
            long pairs = host.fs().list("/sys/class/net/eth0/queues").stream().filter(n -> n.startsWith("rx-")).count();
            System.out.println((after - before) + " " + after + " " + entries + " " + pairs);
        }
    }

    /** Lists every directory and stats every entry, as {@code ls -lR} does; returns how many entries. */
    private static long walk(VirtualFs fs, String dir) throws VfsException {
        long n = 0;
        for (String name : fs.list(dir)) {
            String path = dir.equals("/") ? "/" + name : dir + "/" + name;
            n++;
            if (fs.stat(path).kind() == NodeKind.DIRECTORY) {
                n += walk(fs, path);
            }
        }
        return n;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
