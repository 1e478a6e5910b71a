package io.netmodel.irq;

import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.IrqHandler;

/**
 * A {@code struct irq_desc} with one action: chip, hwirq, flow handler, per-CPU counts and
 * affinity. One row of {@code /proc/interrupts}.
 */
public final class IrqDesc implements Irq {
    private final int number;
    private final String chip;
    private final int hwirq;
    private final String flow;
    private final String action;
    private final IrqHandler handler;
    private final long[] perCpuCount;
    private long affinityMask;

    IrqDesc(int number, String chip, int hwirq, String flow, String action, IrqHandler handler, int cpus) {
        this.number = number;
        this.chip = chip;
        this.hwirq = hwirq;
        this.flow = flow;
        this.action = action;
        this.handler = handler;
        this.perCpuCount = new long[cpus];
        this.affinityMask = cpus >= 64 ? -1L : (1L << cpus) - 1;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String name() {
        return action;
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

    public IrqHandler handler() {
        return handler;
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

    /** {@code handle_edge_irq} / {@code kstat_incr_irqs_this_cpu}: the IRQ fired on {@code cpu}. */
    public void fire(int cpu) {
        perCpuCount[cpu]++;
        handler.handle(this);
    }
}
