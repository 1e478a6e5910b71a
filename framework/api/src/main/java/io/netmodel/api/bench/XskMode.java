package io.netmodel.api.bench;

/**
 * The four NAPI polling set-ups of seed 001's xsk_rr table, each configured with the knobs the
 * seed's script sets.
 */
public enum XskMode {
    /** {@code enable_interrupt}: busy_read 0, napi_defer_hard_irqs 0, gro_flush_timeout 15000. */
    INTERRUPTS("interrupts"),
    /** No argument: busy_read 400, defer 100, gro_flush_timeout 15000; the app thread polls inline. */
    BUSY_POLL("busy-poll"),
    /** As busy-poll, with a separate thread on its own core calling recvfrom ({@code -t}). */
    BUSY_POLL_SEPARATE("busy-poll-separate"),
    /** {@code enable_threaded}: the NAPI kthread busy-polls (6.19, {@code threaded: busy-poll}), {@code -n}. */
    THREADED_BUSY_POLL("threaded-busy-poll");

    private final String cliName;

    XskMode(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line and in JSON ({@code busy-poll-separate}). */
    public String cliName() {
        return cliName;
    }

    public static XskMode byCliName(String name) {
        for (XskMode m : values()) {
            if (m.cliName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "' (interrupts, busy-poll, busy-poll-separate, threaded-busy-poll)");
    }
}
