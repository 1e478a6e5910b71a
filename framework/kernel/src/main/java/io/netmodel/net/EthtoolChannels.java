package io.netmodel.net;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import java.util.Map;

/**
 * {@code ETHTOOL_MSG_CHANNELS_SET}: {@code ethnl_set_channels} in {@code net/ethtool/channels.c}.
 * The new RX count ({@code combined + rx}) must stay above the highest queue a configured RSS
 * indirection table uses ({@link EthtoolRxfh#maxRxfhChannel}); the extack names that queue from
 * 6.11 ({@link Behaviour#ETHTOOL_RXFH_MAX_CHANNEL_EXTACK}). The ntuple-filter and AF_XDP checks that
 * follow it are not modelled (the model has neither).
 */
final class EthtoolChannels {
    private EthtoolChannels() {
    }

    /** {@code ethnl_set_channels} on {@code dev}. */
    static Channels set(NetDeviceImpl dev, KernelProfile profile, Map<ChannelParam, Long> request)
            throws EthtoolException {
        return set(dev.ethtoolOps(), request, () -> EthtoolRxfh.maxRxfhChannel(dev, profile),
            profile.has(Behaviour.ETHTOOL_RXFH_MAX_CHANNEL_EXTACK));
    }

    /** The same for a device without an RSS table (the core's generic checks only). */
    static Channels set(EthtoolOps ops, Map<ChannelParam, Long> request) throws EthtoolException {
        return set(ops, request, () -> 0L, true);
    }

    private static Channels set(EthtoolOps ops, Map<ChannelParam, Long> request,
                                java.util.function.LongSupplier maxRxfhChannel, boolean extackWithMax)
            throws EthtoolException {
        Channels cur = ops.getChannels();
        Channels next = cur;
        for (Map.Entry<ChannelParam, Long> e : request.entrySet()) {
            next = next.with(e.getKey(), (int) (long) e.getValue());
        }
        if (next.equals(cur)) {
            return cur;
        }
        boolean modCombined = request.containsKey(ChannelParam.COMBINED)
            && next.combinedCount() != cur.combinedCount();
        // ensure new channel counts are within limits
        for (ChannelParam p : ChannelParam.values()) {
            if (Integer.toUnsignedLong(next.get(p)) > Integer.toUnsignedLong(next.max(p))) {
                throw new EthtoolException(Errno.EINVAL, "requested channel count exceeds maximum", p);
            }
        }
        // ensure there is at least one RX and one TX channel
        ChannelParam bad = null;
        if (next.combinedCount() == 0 && next.rxCount() == 0) {
            bad = modCombined ? ChannelParam.COMBINED : ChannelParam.RX;
        } else if (next.combinedCount() == 0 && next.txCount() == 0) {
            bad = modCombined ? ChannelParam.COMBINED : ChannelParam.TX;
        }
        if (bad != null) {
            throw new EthtoolException(Errno.EINVAL,
                "requested channel counts would result in no RX or TX channel being configured", bad);
        }
        // ensure the new Rx count fits within the configured Rx flow indirection table settings
        long maxRxfhInUse = maxRxfhChannel.getAsLong();
        if (Integer.toUnsignedLong(next.combinedCount()) + Integer.toUnsignedLong(next.rxCount()) <= maxRxfhInUse) {
            throw new EthtoolException(Errno.EINVAL, extackWithMax
                ? "requested channel counts are too low for existing indirection table (" + (int) maxRxfhInUse + ")"
                : "requested channel counts are too low for existing indirection table settings");
        }
        ops.setChannels(next);
        return ops.getChannels();
    }
}
