package io.netmodel.net;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.vfs.Errno;
import java.util.Map;

/** {@code ETHTOOL_MSG_RINGS_SET}: {@code ethnl_set_rings} in {@code net/ethtool/rings.c}. */
final class EthtoolRings {
    private EthtoolRings() {
    }

    /**
     * No {@code get_ringparam}/{@code set_ringparam}: EOPNOTSUPP; the current value with the
     * request applied ({@code ethnl_update_u32}); nothing modified: done without calling the
     * driver; a size above its maximum (checked rx, rx-mini, rx-jumbo, tx):
     * "requested ring size exceeds maximum", EINVAL; then the driver's {@code set_ringparam}.
     */
    static Ringparam set(EthtoolOps ops, Map<RingSize, Long> request) throws EthtoolException {
        Ringparam cur = ops.getRingparam();
        Ringparam next = cur;
        for (Map.Entry<RingSize, Long> e : request.entrySet()) {
            next = next.with(e.getKey(), (int) (long) e.getValue());
        }
        if (next.equals(cur)) {
            return cur;
        }
        for (RingSize p : RingSize.values()) {
            if (Integer.toUnsignedLong(next.get(p)) > Integer.toUnsignedLong(next.max(p))) {
                throw new EthtoolException(Errno.EINVAL, "requested ring size exceeds maximum", p);
            }
        }
        ops.setRingparam(next);
        return ops.getRingparam();
    }
}
