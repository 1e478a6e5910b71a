package io.netmodel.irq;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code struct irq_desc} with one action: chip, hwirq, flow handler, per-CPU counts and
 * affinity. One row of {@code /proc/interrupts}.
 */
public final class IrqDesc {
    private final int number;
    private final String chip;
    private final int hwirq;
    private final String flow;
    /** Copy-on-write: a handler may free its IRQ while the line fires (request/free are rare, fires are not). */
    private final List<IrqAction> actions = new CopyOnWriteArrayList<>();
    /** The same actions as an array {@link #fire} walks: no iterator, one load, per interrupt. */
    private volatile IrqAction[] firing = new IrqAction[0];
    private final long[] perCpuCount;
    private long affinityMask;

    IrqDesc(int number, String chip, int hwirq, String flow, int cpus) {
        this.number = number;
        this.chip = chip;
        this.hwirq = hwirq;
        this.flow = flow;
        this.perCpuCount = new long[cpus];
        this.affinityMask = cpus >= 64 ? -1L : (1L << cpus) - 1;
    }

    public int number() {
        return number;
    }

    /** The first action's name (a shared line lists the rest after it). */
    public String name() {
        return actions.isEmpty() ? null : actions.get(0).name();
    }

    /** The actions, in request order (read-only: {@link #addAction}, {@link #removeAction}). */
    public List<IrqAction> actions() {
        return java.util.Collections.unmodifiableList(actions);
    }

    /** {@code __setup_irq}: {@code a} goes last on the line. */
    synchronized void addAction(IrqAction a) {
        actions.add(a);
        firing = actions.toArray(new IrqAction[0]);
    }

    /** {@code __free_irq}: false if {@code a} was not on the line. */
    synchronized boolean removeAction(IrqAction a) {
        boolean removed = actions.remove(a);
        firing = actions.toArray(new IrqAction[0]);
        return removed;
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

    /** {@code irq_common_data.affinity}: what {@code smp_affinity} shows, one bit per CPU. */
    public long affinityMask() {
        return affinityMask;
    }

    public void setAffinityMask(long mask) {
        this.affinityMask = mask;
    }

    /**
     * The CPU the interrupt is delivered to ({@code effective_affinity}): on x86 the vector lives
     * on one CPU of the affinity mask; the model takes the first.
     */
    public int effectiveCpu() {
        return Long.numberOfTrailingZeros(affinityMask);
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
        for (IrqAction a : firing) { // a snapshot: a handler may free the line
            a.handler().handle(a);
        }
    }
}
