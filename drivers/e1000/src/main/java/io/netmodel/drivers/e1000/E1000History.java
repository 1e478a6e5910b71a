package io.netmodel.drivers.e1000;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/**
 * Changes in e1000 that the model follows. Its busy-poll story is the core's (no NAPI id before
 * 4.5, one from {@code netif_napi_add} after), so the only entry is its version string.
 */
enum E1000History implements Change {
    /**
     * "net/intel: remove driver versions from Intel drivers" (Jeff Kirsher, net-next v2
     * 2020-06-23): {@code e1000_get_drvinfo} no longer fills {@code drvinfo->version} and
     * {@code MODULE_VERSION} is gone, so {@code ethtool -i} shows the kernel release (the core's
     * {@code UTS_RELEASE} default). Release inferred from the posting date (the 5.9 merge window).
     */
    DRIVER_VERSION_REMOVED("5.9");

    private final KernelVersion since;

    E1000History(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
