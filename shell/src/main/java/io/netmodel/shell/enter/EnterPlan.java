package io.netmodel.shell.enter;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which of the host's paths {@code netmodel enter} covers with the model's, and from where. Each
 * path the model serves is bound over the same host path; when the host lacks it (no
 * {@code /sys/module/idpf} on a host without that driver, no {@code smt/} without
 * {@code CONFIG_HOTPLUG_SMT}), the model's copy of the deepest ancestor the host has is bound
 * instead, so the path exists inside and the host's own entries there are hidden. A path under
 * one already covered is left out; nothing at or above {@code /sys/X} or {@code /proc/X} level
 * two is ever covered whole except as such an ancestor.
 *
 * <p>The CPUs are covered as one view ({@code lxcfs #731}: an online count that disagrees with
 * {@code possible} or with the {@code cpuN} directories confuses {@code nproc --all} and
 * {@code lscpu}, and per-CPU load from a {@code /proc/stat} of other CPUs breaks irqbalance): the
 * masks in {@code /sys/devices/system/cpu}, each of the model's {@code cpuN},
 * {@code /sys/devices/system/node}, {@code /proc/stat} and {@code /proc/softirqs}; when the host
 * has a {@code cpuN} the model lacks (or lacks one the model has), {@code /sys/devices/system/cpu}
 * is covered whole.
 */
public final class EnterPlan {
    /** One bind mount: {@code source} (in the model's mount) over {@code target} (a host path). */
    public record Bind(String source, String target) {
    }

    private static final String CPU = "sys/devices/system/cpu";
    private static final java.util.regex.Pattern CPU_DIR = java.util.regex.Pattern.compile("cpu[0-9]+");

    /**
     * Paths covered only where the host has them: a host without a virtio bus keeps its
     * {@code /sys/bus} (usb, platform, ...) rather than have the model's bound over all of it.
     */
    static final List<String> ONLY_WHERE_HOST_HAS = List.of("sys/bus/pci/devices", "sys/bus/pci/drivers",
        "sys/bus/pci/drivers_autoprobe", "sys/bus/pci/drivers_probe", "sys/bus/pci/rescan", "sys/bus/pci/uevent",
        "sys/bus/virtio/devices", "sys/bus/virtio/drivers", "sys/bus/virtio/uevent",
        "sys/bus/virtio/drivers_autoprobe", "sys/bus/virtio/drivers_probe", "sys/bus/cpu/devices", "sys/bus/node/devices");
    /** The fixed paths a tuning script writes or reads and the model owns (relative to the mount). */
    static final List<String> FIXED = java.util.stream.Stream.concat(java.util.stream.Stream.of("sys/class/net",
        "sys/devices/system/cpu/smt", "proc/sys/net/core", "proc/sys/kernel/timer_migration",
        "proc/sys/kernel/sched_rt_runtime_us", "proc/sys/kernel/sched_rt_period_us", "proc/interrupts", "proc/irq",
        "proc/modules", "proc/stat", "proc/softirqs", "sys/kernel/debug/sched/fair_server", CPU + "/online",
        CPU + "/possible", CPU + "/present", CPU + "/offline", CPU + "/kernel_max", CPU + "/isolated",
        "sys/devices/system/node"), ONLY_WHERE_HOST_HAS.stream()).toList();
    /** Directories whose every child the model has is covered: devices its links point into, modules. */
    static final List<String> CHILDREN_OF = List.of("sys/devices", "sys/devices/virtual", "sys/module");

    private EnterPlan() {
    }

    /**
     * The binds, parents before children.
     *
     * @param mount      the model's mount point
     * @param modelHas   whether the model serves a path (relative to its mount)
     * @param modelList  the children of a model directory (relative path), empty when none
     * @param hostHas    whether the host has an absolute path (lstat)
     * @param hostList   the children of a host directory (absolute path), empty when none
     */
    public static List<Bind> compute(String mount, Predicate<String> modelHas, Function<String, List<String>> modelList,
                                     Predicate<String> hostHas, Function<String, List<String>> hostList) {
        TreeSet<String> wanted = new TreeSet<>();
        for (String p : FIXED) {
            if (modelHas.test(p) && (!ONLY_WHERE_HOST_HAS.contains(p) || hostHas.test("/" + p))) {
                wanted.add(p);
            }
        }
        for (String dir : CHILDREN_OF) {
            for (String child : modelList.apply(dir)) {
                String p = dir + "/" + child;
                if (!p.equals("sys/devices/virtual") && !p.equals("sys/devices/system")) {
                    wanted.add(p);
                }
            }
        }
        List<String> modelCpus = cpuDirs(modelList.apply(CPU));
        for (String cpu : modelCpus) {
            wanted.add(CPU + "/" + cpu);
        }
        if (!modelCpus.isEmpty() && !cpuDirs(hostList.apply("/" + CPU)).equals(modelCpus)) {
            wanted.add(CPU);
        }
        List<String> targets = new ArrayList<>();
        for (String p : wanted) {
            String t = coverable(p, hostHas);
            if (t != null && !targets.contains(t)) {
                targets.add(t);
            }
        }
        targets.sort(null);
        List<Bind> binds = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String t : targets) {
            if (taken.stream().anyMatch(c -> t.startsWith(c + "/"))) {
                continue;
            }
            taken.add(t);
            binds.add(new Bind(mount + t, t));
        }
        return binds;
    }

    /** The {@code cpuN} entries of a listing, sorted. */
    private static List<String> cpuDirs(List<String> names) {
        return names.stream().filter(n -> CPU_DIR.matcher(n).matches()).sorted().toList();
    }

    /** {@code /p} if the host has it, else its deepest existing ancestor at depth two or more, else null. */
    private static String coverable(String rel, Predicate<String> hostHas) {
        String t = "/" + rel;
        while (!hostHas.test(t)) {
            int slash = t.lastIndexOf('/');
            t = t.substring(0, slash);
            if (t.chars().filter(c -> c == '/').count() < 2) {
                return null;
            }
        }
        return t;
    }
}
