package io.netmodel.api.bench;

/**
 * One epoll_rr run: an open-loop client sends 1-byte UDP requests at Poisson times (mutilate
 * against memcached, in miniature: one RX queue, one server thread); the server thread sits in
 * {@code epoll_wait}, spends {@code serviceNs} of user time per request and replies.
 *
 * @param ratePps mean requests per second
 * @param serviceNs application time per request (user CPU)
 * @param busyPollUsecs the epoll instance's {@code busy_poll_usecs} ({@code EPIOCSPARAMS}, 6.9); 0 = no busy poll
 * @param busyPollBudget its {@code busy_poll_budget} (0 means 8)
 * @param preferBusyPoll its {@code prefer_busy_poll}
 * @param deferHardIrqs {@code napi_defer_hard_irqs} on the server's NAPI
 * @param groFlushTimeoutNs {@code gro_flush_timeout} on the server's NAPI
 * @param irqSuspendTimeoutNs {@code irq-suspend-timeout} on the server's NAPI ({@code napi-set}, 6.13)
 * @param durationNs simulated time to run
 * @param seed random seed
 * @since 1.1
 */
public record EpollRrRequest(double ratePps, long serviceNs, int busyPollUsecs, int busyPollBudget,
                             boolean preferBusyPoll, long deferHardIrqs, long groFlushTimeoutNs,
                             long irqSuspendTimeoutNs, long durationNs, long seed) {
    public EpollRrRequest {
        if (!(ratePps > 0)) {
            throw new IllegalArgumentException("--rate must be > 0");
        }
        if (serviceNs < 0 || busyPollUsecs < 0 || busyPollBudget < 0 || deferHardIrqs < 0 || groFlushTimeoutNs < 0
            || irqSuspendTimeoutNs < 0) {
            throw new IllegalArgumentException("times, budgets and counts must be >= 0");
        }
        if (durationNs <= 0) {
            throw new IllegalArgumentException("--duration must be > 0");
        }
    }
}
