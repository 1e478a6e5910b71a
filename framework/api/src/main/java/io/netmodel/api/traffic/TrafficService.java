package io.netmodel.api.traffic;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts and stops a stream of frames into the running model's eth0, addressed to a UDP socket
 * an application thread reads. While it runs, the model's receive path (IRQs, NAPI polls,
 * deferral, threaded NAPI, the socket's busy polling) runs on the live kernel, paced by the wall
 * clock, and holds a reference on every loaded driver module, so {@code rmmod} refuses them.
 * {@code rmmod -f} (or {@code ip link set eth0 down}, or a queue rebuild) drops the frames in
 * the ring and counts them; the socket stays, frames sent meanwhile are lost, and a new eth0
 * ({@code modprobe}, {@code up}) receives them again.
 */
@ProviderType
public interface TrafficService {
    /** Starts traffic; IllegalStateException when it already runs or eth0 has no NAPI. */
    TrafficStatus start(TrafficRequest request);

    /** Stops it (no-op when stopped); returns the final status. */
    TrafficStatus stop();

    TrafficStatus status();
}
