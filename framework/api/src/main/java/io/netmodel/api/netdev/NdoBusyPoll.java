package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's {@code net_device_ops.ndo_busy_poll} (3.11 – 4.10): polls the queue behind
 * {@code napi} from a busy-polling socket with a small budget (4 in ixgbe, mlx4, virtio_net)
 * and returns the packets it passed up, or {@link #LL_FLUSH_FAILED} / {@link #LL_FLUSH_BUSY}.
 * From 4.5 the core busy-polls any NAPI with a valid id itself and uses this hook only when a
 * driver still has it; from 4.11 the hook is gone.
 */
@ConsumerType
@FunctionalInterface
public interface NdoBusyPoll {
    /** The device cannot be polled now (link down, queue disabled). */
    int LL_FLUSH_FAILED = -1;
    /** Someone else owns the queue (NAPI or another poller). */
    int LL_FLUSH_BUSY = -2;

    int busyPoll(Napi napi);
}
