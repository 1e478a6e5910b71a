package io.netmodel.api.traffic;

/**
 * Where the traffic stands.
 *
 * @param running whether frames are still being sent
 * @param request what was started (null before the first start)
 * @param arrived frames that reached eth0's RX ring
 * @param delivered frames the NAPI polls handed up the stack to the socket (queued there, or
 *     dropped at its full receive buffer: {@link SocketStatus#drops})
 * @param dropped frames lost on the host: the RX ring was full ({@code rx_missed_errors}), the
 *     NAPI was disabled (its driver's poll failed), or the device went away, went down or
 *     rebuilt its queues with them in its ring
 * @param simulatedNs virtual time run so far
 * @param stopReason why it stopped, or null
 * @param lost frames sent while there was no eth0 to receive them (removed, or down)
 * @param socket the receiving socket and its thread (null before the first start)
 * @param rxQueueFrames frames RSS put on each of eth0's RX queues in use, queue 0 first, since the
 *     traffic last took eth0 (empty while it has none)
 * @since 1.1 for {@code lost} and {@code socket}, 1.2 for {@code rxQueueFrames}
 */
public record TrafficStatus(boolean running, TrafficRequest request, long arrived, long delivered, long dropped,
                            long simulatedNs, String stopReason, long lost, SocketStatus socket,
                            java.util.List<Long> rxQueueFrames) {
    public TrafficStatus {
        rxQueueFrames = rxQueueFrames == null ? java.util.List.of() : java.util.List.copyOf(rxQueueFrames);
    }

    /** Without the per-queue counts (the 1.1 form). */
    public TrafficStatus(boolean running, TrafficRequest request, long arrived, long delivered, long dropped,
                         long simulatedNs, String stopReason, long lost, SocketStatus socket) {
        this(running, request, arrived, delivered, dropped, simulatedNs, stopReason, lost, socket, null);
    }

    public TrafficStatus(boolean running, TrafficRequest request, long arrived, long delivered, long dropped,
                         long simulatedNs, String stopReason) {
        this(running, request, arrived, delivered, dropped, simulatedNs, stopReason, 0, null, null);
    }
}
