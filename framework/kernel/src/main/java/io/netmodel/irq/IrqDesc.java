package io.netmodel.irq;

import java.util.Arrays;
import java.util.List;

/**
 * A {@code struct irq_desc} with one action: chip, hwirq, flow handler, per-CPU counts and
 * affinity. One row of {@code /proc/interrupts}.
 */
public final class IrqDesc {
    private final int number;
    private final String chip;
    private final int hwirq;
    private final String flow;
    /**
     * The actions in request order, copied on write: a handler may free its IRQ while the line
     * fires (request/free are rare, fires are not), and {@link #fire} walks the array it loaded.
     */
    private volatile IrqAction[] actions = new IrqAction[0];
    private final long[] perCpuCount;
    private long affinityMask;
    private long affinityHint;
    /** {@code IRQD_AFFINITY_SET}: an affinity was set by userspace or a driver, which the next setup keeps. */
    private boolean affinitySet;
    /** {@code cpu_online_mask}, where the vector may live. */
    private final java.util.function.LongSupplier online;
    /** The CPU the vector lives on ({@code effective_affinity}). */
    private int effectiveCpu;

    IrqDesc(int number, String chip, int hwirq, String flow, int cpus, java.util.function.LongSupplier online) {
        this.number = number;
        this.chip = chip;
        this.hwirq = hwirq;
        this.flow = flow;
        this.perCpuCount = new long[cpus];
        this.online = online;
        setAffinityMask(cpus >= 64 ? -1L : (1L << cpus) - 1);
    }

    public int number() {
        return number;
    }

    /** The first action's name (a shared line lists the rest after it). */
    public String name() {
        IrqAction[] a = actions;
        return a.length == 0 ? null : a[0].name();
    }

    /** The actions, in request order: a read-only snapshot ({@link #addAction}, {@link #removeAction} change them). */
    public List<IrqAction> actions() {
        return List.of(actions);
    }

    /** {@code __setup_irq}: {@code a} goes last on the line. */
    synchronized void addAction(IrqAction a) {
        IrqAction[] now = Arrays.copyOf(actions, actions.length + 1);
        now[now.length - 1] = a;
        actions = now;
    }

    /** {@code __free_irq}: false if {@code a} was not on the line. */
    synchronized boolean removeAction(IrqAction a) {
        IrqAction[] now = actions;
        for (int i = 0; i < now.length; i++) {
            if (now[i].equals(a)) {
                IrqAction[] rest = Arrays.copyOf(now, now.length - 1);
                System.arraycopy(now, i + 1, rest, i, now.length - i - 1);
                actions = rest;
                return true;
            }
        }
        return false;
    }

    public String chip() {
        return chip;
    }

    public int hwirq() {
        return hwirq;
    }

    public String flow() {
        return flow;
    }

    public long count(int cpu) {
        return perCpuCount[cpu];
    }

    /** {@code desc->affinity_hint}: what {@code affinity_hint} shows, one bit per CPU (0: none set). */
    public long affinityHint() {
        return affinityHint;
    }

    public void setAffinityHint(long mask) {
        this.affinityHint = mask;
    }

    /** {@code irq_common_data.affinity}: what {@code smp_affinity} shows, one bit per CPU. */
    public long affinityMask() {
        return affinityMask;
    }

    /**
     * {@code irq_do_set_affinity}: the mask, and the vector moves to the mask's first online CPU
     * (the chip gets {@code mask & cpu_online_mask}); a mask with none leaves it where it is.
     */
    public void setAffinityMask(long mask) {
        this.affinityMask = mask;
        long usable = mask & online.getAsLong();
        if (usable != 0) {
            effectiveCpu = Long.numberOfTrailingZeros(usable);
        }
    }

    /**
     * {@code irq_set_affinity_locked}: what a write to {@code smp_affinity} or a driver's
     * {@code irq_set_affinity_hint} does: the mask, and {@code IRQD_AFFINITY_SET}.
     */
    public void setAffinity(long mask) {
        setAffinityMask(mask);
        this.affinitySet = true;
    }

    /** {@code IRQD_AFFINITY_SET}. */
    boolean affinitySet() {
        return affinitySet;
    }

    /** {@code irq_setup_affinity} found the set affinity offline: {@code irqd_clear(..., IRQD_AFFINITY_SET)}. */
    void clearAffinitySet() {
        this.affinitySet = false;
    }

    /** {@code any_count} of {@code show_interrupts}: the IRQ fired on some CPU. */
    boolean anyCount() {
        for (long c : perCpuCount) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The CPU the interrupt is delivered to ({@code effective_affinity}): on x86 the vector lives
     * on one online CPU of the affinity mask; the model takes the first when the affinity is set,
     * and keeps it until the affinity changes or the CPU goes down ({@link #migrateOff}).
     */
    public int effectiveCpu() {
        return effectiveCpu;
    }

    /**
     * {@code migrate_one_irq} when {@code cpu}, this vector's, has gone down (and left the online
     * mask): the vector moves to the affinity's first online CPU or, with none left, the affinity
     * is broken and becomes every online CPU ({@code cpu_online_mask}; a set affinity stays marked
     * set). Another CPU going down leaves the vector alone.
     */
    void migrateOff(int cpu) {
        if (effectiveCpu != cpu) {
            return;
        }
        long live = online.getAsLong();
        setAffinityMask((affinityMask & live) != 0 ? affinityMask : live);
    }

    /**
     * {@code desc->irq_count} as {@code note_interrupt} keeps it for the spurious-IRQ detector:
     * interrupts seen, wrapping to 0 every 100000.
     */
    public long irqCount() {
        long total = 0;
        for (long c : perCpuCount) {
            total += c;
        }
        return total % 100_000;
    }

    /**
     * {@code handle_edge_irq} / {@code handle_fasteoi_irq} then {@code __handle_irq_event_percpu}:
     * the IRQ fired on {@code cpu}; every action's handler runs.
     */
    public void fire(int cpu) {
        perCpuCount[cpu]++;
        for (IrqAction a : actions) { // a snapshot: a handler may free the line
            a.handler().handle(a);
        }
    }
}
