package io.netmodel.shell.enter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which host paths enter covers, and with which of the model's directories. */
class EnterPlanTest {
    private static final Map<String, List<String>> MODEL_DIRS = Map.of(
        "sys/devices", List.of("pci0000:00", "system", "virtual"),
        "sys/devices/virtual", List.of("net", "workqueue"),
        "sys/module", List.of("e1000", "virtio_net"));
    private static final Set<String> MODEL_FILES = Set.of("sys/class/net", "sys/devices/system/cpu/smt",
        "proc/sys/net/core", "proc/sys/kernel/timer_migration", "proc/sys/kernel/sched_rt_runtime_us",
        "proc/sys/kernel/sched_rt_period_us", "proc/interrupts", "proc/irq", "proc/modules");

    private static List<EnterPlan.Bind> plan(Set<String> host) {
        return EnterPlan.compute("/m", MODEL_FILES::contains, d -> MODEL_DIRS.getOrDefault(d, List.of()), host::contains,
            d -> List.of());
    }

    @Test
    void each_path_the_host_has_is_covered_by_the_same_path_of_the_model() {
        Set<String> host = Set.of("/sys", "/sys/class", "/sys/class/net", "/sys/devices", "/sys/devices/pci0000:00",
            "/sys/devices/system", "/sys/devices/system/cpu", "/sys/devices/system/cpu/smt", "/sys/devices/virtual",
            "/sys/devices/virtual/net", "/sys/devices/virtual/workqueue", "/sys/module", "/sys/module/e1000",
            "/sys/module/virtio_net", "/proc", "/proc/sys", "/proc/sys/net", "/proc/sys/net/core", "/proc/sys/kernel",
            "/proc/sys/kernel/timer_migration", "/proc/sys/kernel/sched_rt_runtime_us",
            "/proc/sys/kernel/sched_rt_period_us", "/proc/interrupts", "/proc/irq", "/proc/modules");
        List<String> targets = plan(host).stream().map(EnterPlan.Bind::target).toList();
        assertEquals(List.of("/proc/interrupts", "/proc/irq", "/proc/modules", "/proc/sys/kernel/sched_rt_period_us",
            "/proc/sys/kernel/sched_rt_runtime_us", "/proc/sys/kernel/timer_migration", "/proc/sys/net/core",
            "/sys/class/net", "/sys/devices/pci0000:00", "/sys/devices/system/cpu/smt", "/sys/devices/virtual/net",
            "/sys/devices/virtual/workqueue", "/sys/module/e1000", "/sys/module/virtio_net"), targets);
        assertEquals(new EnterPlan.Bind("/m/sys/class/net", "/sys/class/net"), plan(host).get(7));
    }

    @Test
    void a_path_the_host_lacks_is_covered_through_its_deepest_ancestor_once() {
        Set<String> host = Set.of("/sys", "/sys/class", "/sys/class/net", "/sys/devices", "/sys/devices/virtual",
            "/sys/devices/virtual/net", "/sys/devices/virtual/workqueue", "/sys/devices/system",
            "/sys/devices/system/cpu", "/sys/module", "/proc", "/proc/sys", "/proc/sys/net", "/proc/sys/net/core",
            "/proc/sys/kernel", "/proc/interrupts", "/proc/irq", "/proc/modules");
        List<EnterPlan.Bind> plan = plan(host);
        List<String> targets = plan.stream().map(EnterPlan.Bind::target).toList();
        // no pci0000:00, smt/, modules or sched files on the host: their nearest ancestors, each once,
        // and nothing below an ancestor already covered
        assertEquals(List.of("/proc/interrupts", "/proc/irq", "/proc/modules", "/proc/sys/kernel", "/proc/sys/net/core",
            "/sys/class/net", "/sys/devices", "/sys/module"), targets);
        assertEquals("/m/sys/devices", plan.get(6).source());
    }

    /**
     * The fair servers' debugfs directory (a 6.12+ model): over the host's own when debugfs is
     * mounted there, else over the empty mount point, so a script that switches a server off
     * inside enter writes the model's, never the host's.
     */
    @Test
    void the_fair_servers_debugfs_directory_is_covered_mounted_or_not() {
        Set<String> files = new java.util.HashSet<>(MODEL_FILES);
        files.add("sys/kernel/debug/sched/fair_server");
        Set<String> base = Set.of("/sys", "/sys/kernel", "/proc");
        Set<String> mounted = new java.util.HashSet<>(base);
        mounted.addAll(List.of("/sys/kernel/debug", "/sys/kernel/debug/sched", "/sys/kernel/debug/sched/fair_server"));
        Set<String> unmounted = new java.util.HashSet<>(base);
        unmounted.add("/sys/kernel/debug");
        for (Set<String> host : List.of(mounted, unmounted)) {
            List<EnterPlan.Bind> plan = EnterPlan.compute("/m", files::contains, d -> List.of(), host::contains,
                d -> List.of());
            String target = host.contains("/sys/kernel/debug/sched") ? "/sys/kernel/debug/sched/fair_server" : "/sys/kernel/debug";
            assertEquals(1, plan.stream().filter(b -> b.target().equals(target) && b.source().equals("/m" + target)).count(),
                plan::toString);
        }
    }

    /**
     * The CPUs as one view: with the same cpuN on both sides, the model's masks, each cpuN and
     * node/ over the host's (smt/ as before, the host's vulnerabilities/ and cpufreq/ stay); with
     * different counts, the whole cpu directory, so no host cpuN outlives the model's online mask.
     */
    @Test
    void the_cpus_are_covered_as_one_view() {
        Set<String> files = new java.util.HashSet<>(MODEL_FILES);
        files.addAll(List.of("sys/devices/system/cpu/online", "sys/devices/system/cpu/possible",
            "sys/devices/system/node"));
        Map<String, List<String>> dirs = Map.of("sys/devices/system/cpu", List.of("cpu0", "cpu1", "online", "possible", "smt"));
        Set<String> host = Set.of("/sys", "/sys/devices", "/sys/devices/system", "/sys/devices/system/cpu",
            "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/possible", "/sys/devices/system/cpu/smt",
            "/sys/devices/system/cpu/cpu0", "/sys/devices/system/cpu/cpu1", "/sys/devices/system/node");
        java.util.function.Function<List<String>, List<String>> targets = hostCpus -> EnterPlan.compute("/m",
            files::contains, d -> dirs.getOrDefault(d, List.of()), host::contains,
            d -> d.equals("/sys/devices/system/cpu") ? hostCpus : List.of()).stream().map(EnterPlan.Bind::target).toList();

        assertEquals(List.of("/sys/devices/system/cpu/cpu0", "/sys/devices/system/cpu/cpu1",
            "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/possible", "/sys/devices/system/cpu/smt",
            "/sys/devices/system/node"), targets.apply(List.of("cpu1", "cpu0", "smt", "vulnerabilities")));
        assertEquals(List.of("/sys/devices/system/cpu", "/sys/devices/system/node"),
            targets.apply(List.of("cpu0", "cpu1", "cpu2", "cpu3", "smt")), "the host has more CPUs");
        assertEquals(List.of("/sys/devices/system/cpu", "/sys/devices/system/node"),
            targets.apply(List.of("cpu0", "smt")), "the host has fewer CPUs");
    }

    /** The bus listings go over the host's only where it has them: never the host's whole /sys/bus. */
    @Test
    void a_bus_the_host_lacks_is_left_alone() {
        Set<String> files = Set.of("sys/bus/pci/devices", "sys/bus/virtio/devices", "sys/bus/pci/drivers_probe",
            "sys/bus/virtio/drivers_probe");
        Set<String> host = Set.of("/sys", "/sys/bus", "/sys/bus/pci", "/sys/bus/pci/devices", "/sys/bus/usb",
            "/sys/bus/pci/drivers_probe");
        List<String> targets = EnterPlan.compute("/m", files::contains, d -> List.of(), host::contains, d -> List.of())
            .stream().map(EnterPlan.Bind::target).toList();
        // a rebinding script's drivers_probe must reach the model, never the host's devices
        assertEquals(List.of("/sys/bus/pci/devices", "/sys/bus/pci/drivers_probe"), targets);
    }
}
