package io.netmodel.api.traffic;

/**
 * The UDP socket the traffic is addressed to, and the thread blocked in {@code recvfrom} on it.
 *
 * @param cpu the CPU the thread runs on
 * @param skLlUsec {@code sk_ll_usec}: how long a {@code recvfrom} that finds nothing busy-polls, µs
 *     (0: it sleeps at once)
 * @param skNapiId {@code sk_napi_id}: the NAPI the last packet came through, which busy polling
 *     looks up ({@code napi_by_id}); 0 before the first packet
 * @param napiLive whether that id still names a NAPI (false after its driver was removed, or its
 *     NAPI deleted, until a new packet marks the socket)
 * @param received packets the thread read
 * @param busyLoops {@code napi_busy_loop} runs that polled the NAPI
 * @param napiByIdMisses busy-poll attempts whose id found no NAPI
 * @param wakeups times a packet woke the sleeping thread
 * @since 1.1
 */
public record SocketStatus(int cpu, int skLlUsec, int skNapiId, boolean napiLive, long received, long busyLoops,
                           long napiByIdMisses, long wakeups) {
}
