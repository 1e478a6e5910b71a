package io.netmodel.net;

/**
 * A {@code struct dql} ({@code include/linux/dynamic_queue_limits.h}): the byte queue limits of one
 * tx queue, as {@code dql_init(dql, HZ)} leaves them and the {@code byte_queue_limits/} files show
 * them. Unsigned 32-bit fields are held in {@code long}s. Times are in jiffies, as in the kernel.
 */
public final class Dql {
    /** {@code DQL_MAX_OBJECT}: {@code UINT_MAX / 16}. */
    static final long DQL_MAX_OBJECT = 0xFFFF_FFFFL / 16;
    /** {@code DQL_MAX_LIMIT}: {@code (UINT_MAX / 2) - DQL_MAX_OBJECT} = 1879048192. */
    public static final long DQL_MAX_LIMIT = 0xFFFF_FFFFL / 2 - DQL_MAX_OBJECT;

    /** {@code limit}: the current limit in bytes. */
    long limit;
    /** {@code max_limit}. */
    long maxLimit = DQL_MAX_LIMIT;
    /** {@code min_limit}. */
    long minLimit;
    /** {@code slack_hold_time} in jiffies: {@code HZ}, one second. */
    long slackHoldTime = SysctlNetCore.HZ;
    /** {@code num_queued}, {@code num_completed}: bytes ever queued and completed (u32, wrapping). */
    long numQueued;
    long numCompleted;
    /** {@code stall_thrs} in jiffies (0 = stall detection off), 6.9+. */
    long stallThrs;
    /** {@code stall_max}: the longest stall seen, reset by any write. */
    long stallMax;
    /** {@code stall_cnt}: stalls detected. */
    long stallCnt;

    public long limit() {
        return limit;
    }

    public long maxLimit() {
        return maxLimit;
    }

    public long minLimit() {
        return minLimit;
    }

    /** {@code num_queued - num_completed}, as {@code byte_queue_limits/inflight} shows it. */
    public long inflight() {
        return (numQueued - numCompleted) & 0xFFFF_FFFFL;
    }

    public long slackHoldTimeJiffies() {
        return slackHoldTime;
    }

    public long stallThrsJiffies() {
        return stallThrs;
    }
}
