package io.netmodel.net;

import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.vfs.Errno;
import java.util.Map;

/**
 * {@code ETHTOOL_MSG_COALESCE_SET}: {@code ethnl_set_coalesce_validate} and
 * {@code __ethnl_set_coalesce} in {@code net/ethtool/coalesce.c}. Over netlink an unsupported
 * parameter is EINVAL with "cannot modify an unsupported parameter" (checked in attribute order);
 * only the legacy ioctl ({@code ethtool_set_coalesce_supported}) answers EOPNOTSUPP.
 */
final class EthtoolCoalesce {
    private EthtoolCoalesce() {
    }

    static Coalesce set(EthtoolOps ops, Map<CoalesceParam, Long> request) throws EthtoolException {
        Coalesce cur = ops.getCoalesce(); // validate: no get_coalesce -> EOPNOTSUPP
        int supported = ops.supportedCoalesceParams();
        for (CoalesceParam p : CoalesceParam.values()) {
            if (request.containsKey(p) && (supported & p.bit()) == 0) {
                throw new EthtoolException(Errno.EINVAL, "cannot modify an unsupported parameter", p);
            }
        }
        Coalesce next = cur;
        for (Map.Entry<CoalesceParam, Long> e : request.entrySet()) {
            next = next.with(e.getKey(), (long) e.getValue());
        }
        if (next.equals(cur)) {
            return cur;
        }
        ops.setCoalesce(next);
        return ops.getCoalesce();
    }
}
