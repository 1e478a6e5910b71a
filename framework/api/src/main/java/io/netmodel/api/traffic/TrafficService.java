package io.netmodel.api.traffic;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts and stops a stream of frames into the running model's eth0. While it runs, the
 * model's receive path (IRQs, NAPI polls, deferral, threaded NAPI) runs on the live kernel,
 * paced by the wall clock, and holds a reference on every loaded driver module, so
 * {@code rmmod} refuses them ({@code rmmod -f} stops the traffic and counts the frames it
 * had in flight as dropped).
 */
@ProviderType
public interface TrafficService {
    /** Starts traffic; IllegalStateException when it already runs or eth0 has no NAPI. */
    TrafficStatus start(TrafficRequest request);

    /** Stops it (no-op when stopped); returns the final status. */
    TrafficStatus stop();

    TrafficStatus status();
}
