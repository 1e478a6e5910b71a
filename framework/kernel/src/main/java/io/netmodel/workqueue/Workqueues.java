package io.netmodel.workqueue;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.DevicePower;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.kobj.Kstrtox;
import io.netmodel.kobj.Uevent;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sys/devices/virtual/workqueue/}: the workqueue bus's root device with the global
 * unbound mask ({@code cpumask}, {@code cpumask_requested}, {@code cpumask_isolated}), and one
 * directory per unbound {@code WQ_SYSFS} workqueue, as a 6.x host shows them: {@code writeback}
 * ({@code bdi_wq}, mm/backing-dev.c) and {@code blkcg_punt_bio} (block/blk-cgroup.c). All the
 * masks are bitmaps of width {@code nr_cpu_ids} printed with {@code %*pb} and parsed with
 * {@code cpumask_parse} ({@code bitmap_parse}): {@code 1,2,3,4,5,6} is six 32-bit hex groups, so
 * on a host with at most 32 CPUs it is EOVERFLOW, as on a real one.
 */
public final class Workqueues {
    private final KernelProfile profile;
    private final int nrCpuIds;
    private final BitSet possible;
    /** {@code wq_unbound_cpumask}. */
    private BitSet unboundCpumask;
    /** {@code wq_requested_unbound_cpumask}. */
    private BitSet requestedCpumask;
    private final DevicePower rootPower = new DevicePower();
    private final Map<String, Workqueue> sysfs = new LinkedHashMap<>();

    public Workqueues(KTree tree, KernelProfile profile, int cpus) {
        this.profile = profile;
        this.nrCpuIds = cpus;
        this.possible = new BitSet(cpus);
        possible.set(0, cpus);
        this.unboundCpumask = (BitSet) possible.clone();
        this.requestedCpumask = (BitSet) possible.clone();
        KDir root = tree.mkdirs("/sys/devices/virtual/workqueue");
        Attr.populate(root, this, List.<Attr<Workqueues>>of(
            Attr.<Workqueues>rw("cpumask", w -> w.print(w.unboundCpumask), Workqueues::storeUnboundCpumask)
                .since(Behaviour.WQ_UNBOUND_CPUMASK),
            Attr.<Workqueues>ro("cpumask_isolated", w -> w.print(new BitSet())).since(Behaviour.WQ_CPUMASK_REQUESTED),
            Attr.<Workqueues>ro("cpumask_requested", w -> w.print(w.requestedCpumask)).since(Behaviour.WQ_CPUMASK_REQUESTED)),
            profile, KAttr.Flavor.SYSFS);
        rootPower.populate(root, profile);
        Attr.populate(root, this, List.<Attr<Workqueues>>of(Attr.rw("uevent", w -> "", (w, data, c) -> Uevent.synth(data))),
            profile, KAttr.Flavor.SYSFS);
        if (profile.has(Behaviour.BLKCG_PUNT_BIO_WQ)) {
            add(root, "blkcg_punt_bio");
        }
        add(root, "writeback");
    }

    /** The {@code WQ_SYSFS} workqueue {@code name}, or null. */
    public Workqueue get(String name) {
        return sysfs.get(name);
    }

    /** {@code wq_unbound_cpumask}. */
    public BitSet unboundCpumask() {
        return (BitSet) unboundCpumask.clone();
    }

    private void add(KDir root, String name) {
        Workqueue wq = new Workqueue(name, possible);
        sysfs.put(name, wq);
        KDir dir = root.dir(name);
        Attr.populate(dir, wq, List.<Attr<Workqueue>>of(
            Attr.<Workqueue>rw("affinity_scope", Workqueues::showAffinityScope, Workqueues::storeAffinityScope)
                .since(Behaviour.WQ_AFFINITY_SCOPE),
            Attr.<Workqueue>rw("affinity_strict", w -> (w.affnStrict ? 1 : 0) + "\n", (w, data, c) -> {
                w.affnStrict = scanInt(data) != 0; // wq_affinity_strict_store: sscanf %d, (bool)v
                return data.length;
            }).since(Behaviour.WQ_AFFINITY_SCOPE),
            Attr.<Workqueue>rw("cpumask", w -> print(w.cpumask), this::storeCpumask),
            Attr.<Workqueue>rw("max_active", w -> w.maxActive + "\n", Workqueues::storeMaxActive),
            Attr.<Workqueue>rw("nice", w -> w.nice + "\n", Workqueues::storeNice),
            Attr.<Workqueue>ro("per_cpu", w -> "0\n")), profile, KAttr.Flavor.SYSFS);
        wq.power.populate(dir, profile);
        Attr.populate(dir, wq, List.<Attr<Workqueue>>of(Attr.rw("uevent", w -> "", (w, data, c) -> Uevent.synth(data))),
            profile, KAttr.Flavor.SYSFS);
    }

    private String print(BitSet mask) {
        return Bitmap.print(mask, nrCpuIds) + "\n";
    }

    /**
     * {@code wq_cpumask_store}: {@code cpumask_parse} (EINVAL, EOVERFLOW), then
     * {@code apply_workqueue_attrs_locked} keeps the request ANDed with {@code cpu_possible_mask};
     * an empty mask is accepted (the pods fall back to the unbound mask) and reads back as 0.
     */
    private int storeCpumask(Workqueue wq, byte[] data, Caller caller) throws VfsException {
        BitSet mask = Bitmap.parse(data, nrCpuIds);
        mask.and(possible);
        wq.cpumask = mask;
        return data.length;
    }

    /**
     * {@code cpumask_store} of the root device ({@code workqueue_set_unbound_cpumask}): the parsed
     * mask ANDed with {@code cpu_possible_mask} must not be empty (EINVAL); it becomes both the
     * unbound mask and the requested one.
     */
    private static int storeUnboundCpumask(Workqueues w, byte[] data, Caller caller) throws VfsException {
        BitSet mask = Bitmap.parse(data, w.nrCpuIds);
        mask.and(w.possible);
        if (mask.isEmpty()) {
            throw new VfsException(Errno.EINVAL);
        }
        w.unboundCpumask = mask;
        w.requestedCpumask = (BitSet) mask.clone();
        return data.length;
    }

    /** {@code wq_max_active_store}: {@code sscanf("%d")}, at least 1, clamped to {@code WQ_MAX_ACTIVE}. */
    private static int storeMaxActive(Workqueue wq, byte[] data, Caller caller) throws VfsException {
        long v = scanInt(data);
        if (v <= 0) {
            throw new VfsException(Errno.EINVAL);
        }
        wq.maxActive = (int) Math.min(v, Workqueue.WQ_MAX_ACTIVE); // wq_clamp_max_active
        return data.length;
    }

    /** {@code wq_nice_store}: {@code sscanf("%d")} within {@code MIN_NICE..MAX_NICE}, else EINVAL. */
    private static int storeNice(Workqueue wq, byte[] data, Caller caller) throws VfsException {
        long v = scanInt(data);
        if (v < -20 || v > 19) {
            throw new VfsException(Errno.EINVAL);
        }
        wq.nice = (int) v;
        return data.length;
    }

    /** {@code wq_affn_scope_show}: {@code default (cache)} for the default scope. */
    private static String showAffinityScope(Workqueue wq) {
        if (wq.affnScope == Workqueue.AFFN_DFL) {
            return Workqueue.AFFN_NAMES[Workqueue.AFFN_DFL] + " (" + Workqueue.AFFN_NAMES[Workqueue.AFFN_CACHE] + ")\n";
        }
        return Workqueue.AFFN_NAMES[wq.affnScope] + "\n";
    }

    /** {@code parse_affn_scope}: the first name that is a case-insensitive prefix of the write, else EINVAL. */
    private static int storeAffinityScope(Workqueue wq, byte[] data, Caller caller) throws VfsException {
        String text = new String(data, 0, Kstrtox.cstrlen(data), StandardCharsets.ISO_8859_1);
        for (int i = 0; i < Workqueue.AFFN_NAMES.length; i++) {
            String n = Workqueue.AFFN_NAMES[i];
            if (text.regionMatches(true, 0, n, 0, n.length())) {
                wq.affnScope = i;
                return data.length;
            }
        }
        throw new VfsException(Errno.EINVAL);
    }

    /**
     * {@code sscanf(buf, "%d", &v) == 1}: leading white space, an optional sign, at least one
     * digit; what follows is ignored. EINVAL when there is no number.
     */
    static long scanInt(byte[] data) throws VfsException {
        int len = Kstrtox.cstrlen(data);
        int i = 0;
        while (i < len && (data[i] == ' ' || (data[i] >= '\t' && data[i] <= '\r'))) {
            i++;
        }
        boolean negative = false;
        if (i < len && (data[i] == '-' || data[i] == '+')) {
            negative = data[i] == '-';
            i++;
        }
        if (i >= len || data[i] < '0' || data[i] > '9') {
            throw new VfsException(Errno.EINVAL);
        }
        long v = 0;
        for (; i < len && data[i] >= '0' && data[i] <= '9'; i++) {
            v = (v * 10 + (data[i] - '0')) & 0xFFFF_FFFFL; // simple_strtol into an int: wraps
        }
        int asInt = (int) v;
        return negative ? -(long) asInt : asInt;
    }

}
