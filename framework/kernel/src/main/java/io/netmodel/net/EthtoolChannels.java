package io.netmodel.net;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.vfs.Errno;
import java.util.Map;

/**
 * {@code ETHTOOL_MSG_CHANNELS_SET}: {@code ethnl_set_channels} in {@code net/ethtool/channels.c}.
 * The checks against RSS indirection tables and AF_XDP/io_uring-bound queues
 * ({@code ethtool_check_max_channel}) are not modelled: the model has neither yet.
 */
final class EthtoolChannels {
    private EthtoolChannels() {
    }

    static Channels set(EthtoolOps ops, Map<ChannelParam, Long> request) throws EthtoolException {
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
        ops.setChannels(next);
        return ops.getChannels();
    }
}
