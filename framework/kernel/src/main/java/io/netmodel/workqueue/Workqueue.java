package io.netmodel.workqueue;

import io.netmodel.kobj.DevicePower;
import java.util.BitSet;

/**
 * One unbound {@code WQ_SYSFS} workqueue ({@code struct workqueue_struct} with its
 * {@code unbound_attrs}): the attributes its {@code /sys/devices/virtual/workqueue/<name>/} shows
 * ({@code kernel/workqueue.c}, {@code wq_sysfs_unbound_attrs}).
 */
public final class Workqueue {
    /** {@code WQ_MAX_ACTIVE}: {@code max_active} is clamped to 1..this. */
    static final int WQ_MAX_ACTIVE = 2048;
    /** {@code WQ_DFL_ACTIVE}: what {@code max_active} 0 at allocation means. */
    static final int WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2;

    /** {@code wq_affn_names[]}, indexed by {@code enum wq_affn_scope}. */
    static final String[] AFFN_NAMES = {"default", "cpu", "smt", "cache", "numa", "system"};
    /** {@code WQ_AFFN_DFL}. */
    static final int AFFN_DFL = 0;
    /** {@code wq_affn_dfl}: the default scope is {@code cache}. */
    static final int AFFN_CACHE = 3;

    private final String name;
    /** {@code unbound_attrs->cpumask}: as requested, ANDed with {@code cpu_possible_mask}. */
    BitSet cpumask;
    int nice;
    int maxActive = WQ_DFL_ACTIVE;
    int affnScope = AFFN_DFL;
    boolean affnStrict;
    final DevicePower power = new DevicePower();

    Workqueue(String name, BitSet possible) {
        this.name = name;
        this.cpumask = (BitSet) possible.clone();
    }

    public String name() {
        return name;
    }

    /** The CPUs the workqueue's workers may run on. */
    public BitSet cpumask() {
        return (BitSet) cpumask.clone();
    }

    public int nice() {
        return nice;
    }

    public int maxActive() {
        return maxActive;
    }
}
