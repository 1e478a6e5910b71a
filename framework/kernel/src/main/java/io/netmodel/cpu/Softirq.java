package io.netmodel.cpu;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;

/**
 * The softirq vectors, in priority order ({@code include/linux/interrupt.h}: {@code HI_SOFTIRQ}
 * .. {@code RCU_SOFTIRQ}, {@code NR_SOFTIRQS} = 10), with the names {@code kernel/softirq.c}
 * {@code softirq_to_name[]} gives them in {@code /proc/softirqs}.
 */
public enum Softirq {
    HI, TIMER, NET_TX, NET_RX, BLOCK,
    /** {@code IRQ_POLL_SOFTIRQ}; {@code BLOCK_IOPOLL_SOFTIRQ} before 4.5. */
    IRQ_POLL,
    TASKLET, SCHED, HRTIMER, RCU;

    /** {@code softirq_to_name[nr]} in {@code profile}'s release. */
    public String kernelName(KernelProfile profile) {
        if (this == IRQ_POLL && !profile.has(Behaviour.IRQ_POLL_SOFTIRQ)) {
            return "BLOCK_IOPOLL";
        }
        return name();
    }
}
