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
        return EnterPlan.compute("/m", MODEL_FILES::contains, d -> MODEL_DIRS.getOrDefault(d, List.of()), host::contains);
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
}
