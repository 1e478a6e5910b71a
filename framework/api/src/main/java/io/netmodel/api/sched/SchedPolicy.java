package io.netmodel.api.sched;

/**
 * Scheduling policies with their {@code SCHED_*} numbers ({@code include/uapi/linux/sched.h}).
 * {@code SCHED_DEADLINE} is listed for {@code chrt -m}; the model sets no deadline parameters.
 */
public enum SchedPolicy {
    OTHER(0), FIFO(1), RR(2), BATCH(3), IDLE(5), DEADLINE(6);

    private final int value;

    SchedPolicy(int value) {
        this.value = value;
    }

    /** The {@code SCHED_*} value. */
    public int value() {
        return value;
    }

    /** {@code SCHED_FIFO} or {@code SCHED_RR}: an rt priority 1..99 is required. */
    public boolean isRealtime() {
        return this == FIFO || this == RR;
    }

    /** The name the tools print: {@code SCHED_OTHER}, {@code SCHED_FIFO}, ... */
    public String schedName() {
        return "SCHED_" + name();
    }

    /** The policy with {@code SCHED_*} value {@code value}, or null. */
    public static SchedPolicy ofValue(int value) {
        for (SchedPolicy p : values()) {
            if (p.value == value) {
                return p;
            }
        }
        return null;
    }
}
