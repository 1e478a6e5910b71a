package io.netmodel.cpu;

import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.SeqFmt;

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
            SeqFmt.left(sb.append("CPU"), Integer.toString(c.cpu), 8);
        }
        sb.append('\n');
        for (Softirq vec : Softirq.values()) {
            SeqFmt.right(sb, vec.kernelName(profile), 12).append(':');
            for (CpuStat c : cpus.all()) {
                SeqFmt.right(sb.append(' '), c.softirqCount(vec), 10);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
