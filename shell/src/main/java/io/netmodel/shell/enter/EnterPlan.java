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
 */
public final class EnterPlan {
    /** One bind mount: {@code source} (in the model's mount) over {@code target} (a host path). */
    public record Bind(String source, String target) {
    }

    /** The fixed paths a tuning script writes and the model owns (relative to the mount). */
    static final List<String> FIXED = List.of("sys/class/net", "sys/devices/system/cpu/smt", "proc/sys/net/core",
        "proc/sys/kernel/timer_migration", "proc/sys/kernel/sched_rt_runtime_us", "proc/sys/kernel/sched_rt_period_us",
        "proc/interrupts", "proc/irq", "proc/modules", "sys/kernel/debug/sched/fair_server");
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
     */
    public static List<Bind> compute(String mount, Predicate<String> modelHas, Function<String, List<String>> modelList,
                                     Predicate<String> hostHas) {
        TreeSet<String> wanted = new TreeSet<>();
        for (String p : FIXED) {
            if (modelHas.test(p)) {
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
