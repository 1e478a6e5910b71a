package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;

/**
 * Whether a socket whose packets come from {@code napi} can busy-poll: {@code sk_can_busy_loop}
 * and {@code sk_busy_loop}'s way to a poll, per release (kernel-algorithms.md §1.6, §2.1,
 * table (a)). This is where seed 000's story comes from: a NAPI that was never hashed has id 0.
 */
final class BusyPoll {
    private BusyPoll() {
    }

    /** Why busy polling cannot run, or null when it can. */
    static String refusal(KernelProfile profile, NetDeviceImpl dev, NapiImpl napi, int skLlUsec) {
        if (!profile.has(Behaviour.BUSY_POLL)) {
            return "no busy polling before 3.11";
        }
        if (skLlUsec <= 0) {
            return "sk_ll_usec is 0 (busy_read/SO_BUSY_POLL not set)";
        }
        if (!napi.enabled()) {
            return "the NAPI is disabled (napi_disable: " + dev.name() + " is down)";
        }
        if (napi.napiId() == 0) {
            return "sk_napi_id is 0: the driver's NAPI was never hashed (napi_hash_add)";
        }
        if (!profile.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD) && dev.ndoBusyPoll() == null) {
            return "sk_busy_loop needs the driver's ndo_busy_poll before 4.5";
        }
        return null;
    }
}
