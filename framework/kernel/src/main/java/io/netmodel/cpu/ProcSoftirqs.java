package io.netmodel.cpu;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;

/**
 * {@code /proc/softirqs} ({@code fs/proc/softirqs.c show_softirqs}): 0444, size 0. A header of
 * 20 spaces and {@code CPU%-8d} per possible CPU, then one row per vector: the name
 * right-justified to 12 and a colon ({@code "%12s:"}), and {@code " %10u"} per possible CPU.
 */
public final class ProcSoftirqs {
    private static final String INDENT = " ".repeat(20);

    private final KernelProfile profile;
    private final Cpus cpus;

    public ProcSoftirqs(KTree tree, KernelProfile profile, Cpus cpus) {
        this.profile = profile;
        this.cpus = cpus;
        tree.mkdirs("/proc").attr("softirqs", 0444, KAttr.Flavor.PROC, this::show, null);
    }

    String show() {
        StringBuilder sb = new StringBuilder(64 + (Softirq.values().length + 1) * (14 + 11 * cpus.count()));
        sb.append(INDENT);
        for (CpuStat c : cpus.all()) {
            sb.append(String.format("CPU%-8d", c.cpu));
        }
        sb.append('\n');
        for (Softirq vec : Softirq.values()) {
            sb.append(String.format("%12s:", vec.kernelName(profile)));
            for (CpuStat c : cpus.all()) {
                sb.append(String.format(" %10d", c.softirqCount(vec)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
