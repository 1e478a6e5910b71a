package io.netmodel.api.traffic;

/**
 * Where the traffic stands.
 *
 * @param running whether frames are still arriving
 * @param request what was started (null before the first start)
 * @param arrived frames that reached eth0's RX ring
 * @param delivered frames the NAPI polls handed up the stack
 * @param dropped frames lost: the RX ring was full ({@code rx_missed_errors}), the NAPI was
 *     disabled (its driver's poll failed), or the device went away under them
 * @param simulatedNs virtual time run so far
 * @param stopReason why it stopped, or null
 */
public record TrafficStatus(boolean running, TrafficRequest request, long arrived, long delivered, long dropped,
                            long simulatedNs, String stopReason) {
}
