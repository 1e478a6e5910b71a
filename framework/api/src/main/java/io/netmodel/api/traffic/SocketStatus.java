package io.netmodel.api.traffic;

/**
 * The UDP socket the traffic is addressed to, and the thread blocked in {@code recvfrom} on it.
 *
 * @param cpu the CPU the thread runs on
 * @param skLlUsec {@code sk_ll_usec}: how long a {@code recvfrom} that finds nothing busy-polls, µs
 *     (0: it sleeps at once)
 * @param skNapiId {@code sk_napi_id}: the NAPI a packet came through, which busy polling looks up
 *     ({@code napi_by_id}): a connected socket's last packet's, an unconnected one's first (from
 *     4.12; before, 0); 0 before the first packet
 * @param napiLive whether that id still names a NAPI (false after its driver was removed, or its
 *     NAPI deleted: until a new packet marks a connected socket; for good on an unconnected one)
 * @param received packets the thread read
 * @param busyLoops {@code napi_busy_loop} runs that polled the NAPI
 * @param napiByIdMisses busy-poll attempts whose id found no NAPI
 * @param wakeups times a packet woke the sleeping thread
 * @param skRcvbuf {@code sk_rcvbuf}: the receive buffer, bytes ({@code net.core.rmem_default} when
 *     the socket was created; {@code SO_RCVBUF} is not modelled)
 * @param rmemAlloc {@code sk_rmem_alloc}: the truesize of the packets queued (and, from 4.10, of
 *     those read but not yet released, up to a quarter of {@code sk_rcvbuf}), bytes
 * @param queued packets queued on the socket, not yet read
 * @param drops {@code sk_drops}: packets the stack brought to the socket that its full receive
 *     buffer refused (Udp RcvbufErrors in {@code /proc/net/snmp})
 * @param pid the reading thread's pid ({@code ps}, {@code chrt -p}, {@code taskset -p}); 0 when not known
 * @param policy the reading thread's scheduling policy ({@code chrt}); SCHED_OTHER when not known
 * @param rtPriority its {@code rt_priority} (0 unless SCHED_FIFO or SCHED_RR)
 * @param skIncomingCpu {@code sk_incoming_cpu} ({@code SO_INCOMING_CPU}): the CPU that last took a
 *     packet up the stack to the socket; -1 until then, and always for an unconnected UDP socket,
 *     which {@code __udp_queue_rcv_skb} does not update
 * @since 1.1; 1.2 for {@code skRcvbuf}, {@code rmemAlloc}, {@code queued} and {@code drops}; 1.3 for
 *     {@code pid}, {@code policy} and {@code rtPriority}; 1.4 for {@code skIncomingCpu}
 */
public record SocketStatus(int cpu, int skLlUsec, int skNapiId, boolean napiLive, long received, long busyLoops,
                           long napiByIdMisses, long wakeups, int skRcvbuf, long rmemAlloc, long queued, long drops,
                           int pid, io.netmodel.api.sched.SchedPolicy policy, int rtPriority, int skIncomingCpu) {
    public SocketStatus {
        policy = policy == null ? io.netmodel.api.sched.SchedPolicy.OTHER : policy;
    }

    /** A socket status without {@code sk_incoming_cpu} (1.3's shape): -1. */
    public SocketStatus(int cpu, int skLlUsec, int skNapiId, boolean napiLive, long received, long busyLoops,
                        long napiByIdMisses, long wakeups, int skRcvbuf, long rmemAlloc, long queued, long drops,
                        int pid, io.netmodel.api.sched.SchedPolicy policy, int rtPriority) {
        this(cpu, skLlUsec, skNapiId, napiLive, received, busyLoops, napiByIdMisses, wakeups, skRcvbuf, rmemAlloc,
            queued, drops, pid, policy, rtPriority, -1);
    }

    /** A socket status without its thread's task (1.2's shape): pid 0, SCHED_OTHER. */
    public SocketStatus(int cpu, int skLlUsec, int skNapiId, boolean napiLive, long received, long busyLoops,
                        long napiByIdMisses, long wakeups, int skRcvbuf, long rmemAlloc, long queued, long drops) {
        this(cpu, skLlUsec, skNapiId, napiLive, received, busyLoops, napiByIdMisses, wakeups, skRcvbuf, rmemAlloc,
            queued, drops, 0, null, 0);
    }

    /** A socket status without the receive buffer (1.1's shape): its fields 0. */
    public SocketStatus(int cpu, int skLlUsec, int skNapiId, boolean napiLive, long received, long busyLoops,
                        long napiByIdMisses, long wakeups) {
        this(cpu, skLlUsec, skNapiId, napiLive, received, busyLoops, napiByIdMisses, wakeups, 0, 0, 0, 0);
    }
}
