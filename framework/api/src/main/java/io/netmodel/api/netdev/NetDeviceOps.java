package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The open and stop hooks of a driver's {@code struct net_device_ops}, installed with
 * {@link NetDevice#setNetdevOps} before {@code register_netdev}. Both default to nothing, as a NULL
 * op does in the kernel.
 *
 * <p>{@code ip link set eth0 up} ({@code dev_open} → {@code __dev_open}) calls {@link #ndoOpen}
 * with {@link NetDevice#netifRunning} already true; a non-zero return fails the up with that errno
 * ({@code RTNETLINK answers: ...}) and leaves {@code IFF_UP} clear. {@code ip link set eth0 down}
 * ({@code __dev_close_many}) clears the running state, then calls {@link #ndoStop}; it cannot fail.
 * The core brings every netdev up once its driver's probe has returned, as a distro's network
 * service would, and down again when it is unregistered.
 *
 * <p>What a driver usually does here ({@code e1000_open}, {@code __igb_open}, {@code ixgbe_open}):
 * request its queue IRQs and {@code napi_enable} its NAPIs; {@code ndo_stop} does the reverse
 * ({@code napi_disable}, {@code free_irq}). A driver that installs these ops enables its NAPIs
 * itself ({@code DeviceContext.napiEnable}); a driver without them (API before 1.3) gets its NAPIs
 * enabled by the core when it adds them.
 *
 * @since 1.3
 */
@ConsumerType
public interface NetDeviceOps {
    /**
     * {@code ndo_open}: 0, or a negative errno ({@code -EBUSY}, {@code -ENOSPC}, ...) after undoing
     * what it did, as the kernel's error paths do.
     */
    default int ndoOpen(NetDevice dev) {
        return 0;
    }

    /** {@code ndo_stop}: releases what {@link #ndoOpen} took (its return value is ignored by Linux too). */
    default void ndoStop(NetDevice dev) {
    }
}
