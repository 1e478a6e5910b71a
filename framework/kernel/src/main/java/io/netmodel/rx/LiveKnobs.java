package io.netmodel.rx;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.DirEntry;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.Kernel;
import io.netmodel.irq.IrqAction;
import io.netmodel.irq.IrqDesc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receive-path knobs of a running model, read from its own files, so a benchmark can run
 * on hosts configured the same way: what was echoed into the mount is what runs. Captured once
 * (each read is one consistent instant) and replayed on each simulated host by writing the same
 * files, so the values go through the same parse and validation they went through the first
 * time.
 *
 * <p>What is copied, in the order it is replayed: eth0's ethtool channels, rings and coalescing
 * ({@link LiveEthtool}); every writable file of {@code /proc/sys/net/core}; eth0's writable
 * per-device receive knobs ({@code napi_defer_hard_irqs}, {@code gro_flush_timeout},
 * {@code threaded}) and its RX queues' RPS settings; the affinity of eth0's IRQs, matched by
 * action name (IRQ numbers of a host booted afresh need not be the live ones); and eth0's
 * flow's NAPI's own config, threaded mode and kthread scheduling ({@link LiveNapi}), which
 * netlink and {@code chrt}/{@code taskset} set without any file showing them; and RT throttling
 * ({@code kernel.sched_rt_period_us}/{@code sched_rt_runtime_us}) and from 6.12 each CPU's fair
 * server ({@code /sys/kernel/debug/sched/fair_server/cpuN}), which decide how much of a CPU an RT
 * kthread leaves to the application thread beside it ({@link RunQueue}).
 */
final class LiveKnobs {
    private static final String CORE = "/proc/sys/net/core";
    private static final String DEV = "/sys/class/net/eth0/";
    private static final List<String> DEV_KNOBS = List.of("napi_defer_hard_irqs", "gro_flush_timeout", "threaded");
    private static final List<String> RXQ_KNOBS = List.of("rps_cpus", "rps_flow_cnt");
    private static final int MAX_IRQ = 4096;
    private static final String RT_PERIOD = "/proc/sys/kernel/sched_rt_period_us";
    private static final String RT_RUNTIME = "/proc/sys/kernel/sched_rt_runtime_us";
    private static final String FAIR_SERVER = "/sys/kernel/debug/sched/fair_server/";
    /** The boot values of {@code sched_rt_period_us} and {@code sched_rt_runtime_us} (rt.c). */
    private static final int DEFAULT_RT_PERIOD_US = 1_000_000;
    private static final int DEFAULT_RT_RUNTIME_US = 950_000;

    /** File writes in order: path to value (as read, without the newline). */
    private final Map<String, String> files;
    /** IRQ action name to its {@code smp_affinity_list}. */
    private final Map<String, String> irqAffinity;
    private final LiveEthtool ethtool;
    private final LiveNapi napi;
    private final int rtPeriodUs;
    private final int rtRuntimeUs;
    /** Each CPU's fair server as {@code {runtime, period}} in ns (6.12+; the defaults before). */
    private final long[][] fairServers;

    private LiveKnobs(Map<String, String> files, Map<String, String> irqAffinity, LiveEthtool ethtool, LiveNapi napi,
                      int rtPeriodUs, int rtRuntimeUs, long[][] fairServers) {
        this.files = files;
        this.irqAffinity = irqAffinity;
        this.ethtool = ethtool;
        this.napi = napi;
        this.rtPeriodUs = rtPeriodUs;
        this.rtRuntimeUs = rtRuntimeUs;
        this.fairServers = fairServers;
    }

    /** The running model's offline CPUs ({@code cpuN/online} 0), one bit per CPU. */
    private long offline;

    /**
     * Fails when {@code cpu} is offline in the running model: the workload's {@code who} is pinned
     * there, and {@code taskset} to an offline CPU is EINVAL.
     */
    void requireOnline(int cpu, String who) {
        if ((offline & (1L << cpu)) != 0) {
            throw new IllegalArgumentException("CPU " + cpu + " is offline in the running model, and " + who
                + " runs there: bring it up first (" + io.netmodel.cpu.CpuHotplug.bringUpCommand(cpu) + ")");
        }
    }

    /** Reads the knobs of {@code live}; fails when it has no eth0 to measure. */
    static LiveKnobs capture(Kernel live) {
        return live.lock().call(() -> {
            if (live.netdevs().byName("eth0") == null) {
                throw new IllegalArgumentException("the running model has no eth0: " + live.drivers().howToGetANetdev());
            }
            Map<String, String> files = new LinkedHashMap<>();
            for (DirEntry e : list(live, CORE)) {
                String path = CORE + "/" + e.name();
                if (e.kind() == NodeKind.FILE && writable(live, path)) {
                    files.put(path, read(live, path));
                }
            }
            for (String knob : DEV_KNOBS) {
                if (exists(live, DEV + knob)) {
                    files.put(DEV + knob, read(live, DEV + knob));
                }
            }
            for (DirEntry q : list(live, DEV + "queues")) {
                if (q.name().startsWith("rx-")) {
                    for (String knob : RXQ_KNOBS) {
                        String path = DEV + "queues/" + q.name() + "/" + knob;
                        if (exists(live, path)) {
                            files.put(path, read(live, path));
                        }
                    }
                }
            }
            io.netmodel.cpu.FairServers servers = live.sysctlKernel().fairServers();
            long[][] fair = new long[live.cpus().count()][];
            for (int cpu = 0; cpu < fair.length; cpu++) {
                fair[cpu] = new long[] {servers.runtimeNs(cpu), servers.periodNs(cpu)};
            }
            LiveKnobs knobs = new LiveKnobs(files, eth0IrqAffinity(live), LiveEthtool.capture(live), LiveNapi.capture(live),
                live.sysctlKernel().rtPeriodUs(), live.sysctlKernel().rtRuntimeUs(), fair);
            knobs.offline = live.hotplug().offlineMask();
            return knobs;
        });
    }

    /** Writes the captured knobs into {@code h}'s files. */
    void applyTo(SimHost h) {
        for (int cpu = 1; cpu < h.cpus.length && cpu < 64; cpu++) {
            if ((offline & (1L << cpu)) != 0) {
                h.write(io.netmodel.cpu.CpuSysfs.PATH + "/cpu" + cpu + "/online", "0"); // before the IRQ affinities
            }
        }
        ethtool.applyTo(h);
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (exists(h.kernel, f.getKey())) {
                h.write(f.getKey(), f.getValue());
            }
        }
        for (Map.Entry<String, IrqDesc> irq : irqsByName(h.kernel).entrySet()) {
            String list = irqAffinity.get(irq.getKey());
            if (list != null) {
                h.write("/proc/irq/" + irq.getValue().number() + "/smp_affinity_list", list);
            }
        }
        napi.applyTo(h);
        applyRtThrottling(h);
    }

    /**
     * The two RT sysctls, in an order {@code sched_rt_handler} accepts from the boot values
     * whatever the pair: a finite runtime may never exceed the period (EINVAL), and from 6.12 its
     * share may not fall under the fair servers' 5% (EBUSY), so going straight from 950000 of
     * 1000000 to 9000 of 10000 fails both ways round. -1 first passes both checks with any
     * period; then the period; then the runtime, a pair the live model accepted.
     */
    private void applyRtThrottling(SimHost h) {
        h.write(RT_RUNTIME, "-1");
        h.write(RT_PERIOD, Integer.toString(rtPeriodUs));
        applyFairServers(h); // with -1 no server write is EBUSY
        h.write(RT_RUNTIME, Integer.toString(rtRuntimeUs));
    }

    /**
     * The fair servers of the CPUs both hosts have, each file in an order the write's check (runtime
     * at most the period, both read with the other's current value) accepts.
     */
    private void applyFairServers(SimHost h) {
        io.netmodel.cpu.FairServers servers = h.kernel.sysctlKernel().fairServers();
        for (int cpu = 0; cpu < Math.min(fairServers.length, h.cpus.length); cpu++) {
            String dir = FAIR_SERVER + "cpu" + cpu + "/";
            if (!exists(h.kernel, dir + "runtime")) {
                return; // before 6.12
            }
            long runtime = fairServers[cpu][0];
            long period = fairServers[cpu][1];
            if (runtime <= servers.periodNs(cpu)) {
                h.write(dir + "runtime", Long.toString(runtime));
                h.write(dir + "period", Long.toString(period));
            } else {
                h.write(dir + "period", Long.toString(period));
                h.write(dir + "runtime", Long.toString(runtime));
            }
        }
    }

    /** The knobs as {@code name -> value} for the report, in a stable order. */
    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        if (offline != 0) {
            out.put("cpus_offline", io.netmodel.kobj.Bitmap.printList(io.netmodel.kobj.Bitmap.ofLong(offline), 64));
        }
        files.forEach((path, value) -> out.put(shortName(path), value));
        irqAffinity.forEach((name, list) -> out.put("irq[" + name + "].smp_affinity_list", list));
        ethtool.describe(out);
        napi.describe(out);
        if (rtPeriodUs != DEFAULT_RT_PERIOD_US || rtRuntimeUs != DEFAULT_RT_RUNTIME_US) {
            out.put("kernel.sched_rt_period_us", Integer.toString(rtPeriodUs));
            out.put("kernel.sched_rt_runtime_us", Integer.toString(rtRuntimeUs));
        }
        for (int cpu = 0; cpu < fairServers.length; cpu++) {
            long[] s = fairServers[cpu];
            if (s[0] != io.netmodel.cpu.FairServers.DEFAULT_RUNTIME_NS || s[1] != io.netmodel.cpu.FairServers.DEFAULT_PERIOD_NS) {
                out.put("debug.sched.fair_server.cpu" + cpu, "runtime " + s[0] + " period " + s[1]);
            }
        }
        return out;
    }

    /** eth0's first NAPI as captured. */
    LiveNapi napi() {
        return napi;
    }

    /** The live value of one file this capture copied, or null. */
    String value(String path) {
        return files.get(path);
    }

    private static String shortName(String path) {
        if (path.startsWith(CORE + "/")) {
            return "net.core." + path.substring(CORE.length() + 1);
        }
        return "eth0." + path.substring(DEV.length()).replace('/', '.');
    }

    private static Map<String, String> eth0IrqAffinity(Kernel k) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, IrqDesc> irq : irqsByName(k).entrySet()) {
            out.put(irq.getKey(), read(k, "/proc/irq/" + irq.getValue().number() + "/smp_affinity_list"));
        }
        return out;
    }

    /**
     * eth0's IRQs by action name: the names the driver gave them ({@code eth0-TxRx-1},
     * {@code virtio0-input.0}, ...). Every IRQ with an action is included: a host's only NIC
     * owns all of them, and on a host with more, names are unique per device.
     */
    private static Map<String, IrqDesc> irqsByName(Kernel k) {
        Map<String, IrqDesc> out = new LinkedHashMap<>();
        for (int n = 0; n < MAX_IRQ; n++) {
            IrqDesc d = k.irqs().get(n);
            if (d == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (IrqAction a : d.actions()) {
                names.add(a.name());
            }
            if (!names.isEmpty()) {
                out.putIfAbsent(String.join(",", names), d);
            }
        }
        return out;
    }

    private static List<DirEntry> list(Kernel k, String dir) {
        try {
            return k.fs().readdir(dir);
        } catch (VfsException e) {
            return List.of();
        }
    }

    private static boolean exists(Kernel k, String path) {
        try {
            k.fs().stat(path);
            return true;
        } catch (VfsException e) {
            return false;
        }
    }

    private static boolean writable(Kernel k, String path) {
        try {
            return (k.fs().stat(path).mode() & 0200) != 0;
        } catch (VfsException e) {
            return false;
        }
    }

    private static String read(Kernel k, String path) {
        try {
            OpenFile f = k.fs().open(path, false, Caller.ROOT);
            try {
                return new String(f.read(0, 4096), StandardCharsets.US_ASCII).trim();
            } finally {
                f.release();
            }
        } catch (VfsException e) {
            throw new IllegalStateException("cannot read " + path + " of the running model: " + e.getMessage(), e);
        }
    }
}
