package io.netmodel.netlink;

import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.vfs.Errno;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation's request policy for one release: the attributes it accepts (the others of its
 * attribute set are {@code NLA_UNSPEC} holes) and its {@code maxattr}. {@link #validate} is
 * {@code __nla_validate_parse} with {@code NL_VALIDATE_STRICT} as genetlink runs it before the
 * handler ({@code lib/nlattr.c}): an id above {@code maxattr} is "Unknown attribute type", a
 * hole is "Unsupported attribute" (both EINVAL), a value outside the policy's range is
 * "integer out of range" (ERANGE) with the policy attached, a bit outside an
 * {@code NLA_POLICY_MASK} is "reserved bit set" (EINVAL). An operation without a policy
 * (dev-get dump) ignores its attributes.
 */
record NlOp(List<NlAttr> set, List<NlAttr> policy, int maxattr) {
    /** Validates {@code request} and returns the attributes by name, as ids the handler reads. */
    Map<String, Long> validate(Map<String, Long> request) throws NetlinkException {
        Map<String, Long> attrs = new LinkedHashMap<>();
        if (policy.isEmpty()) {
            return attrs;
        }
        for (Map.Entry<String, Long> e : request.entrySet()) {
            NlAttr inSet = find(set, e.getKey());
            if (inSet == null) {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' is not in the attribute set");
            }
            if (inSet.id() > maxattr) {
                throw new NetlinkException(Errno.EINVAL, new Extack("Unknown attribute type", inSet.name(), null, null));
            }
            NlAttr pt = find(policy, e.getKey());
            if (pt == null) {
                throw new NetlinkException(Errno.EINVAL, new Extack("Unsupported attribute", inSet.name(), null, null));
            }
            long v = e.getValue();
            if (pt.type().equals("u32") && Long.compareUnsigned(v, NlAttr.U32_MAX) > 0) {
                throw new IllegalArgumentException("a u32 attribute cannot carry " + Long.toUnsignedString(v));
            }
            if (!pt.inRange(v)) {
                Map<String, Object> pol = new LinkedHashMap<>();
                pol.put("min-value", pt.min());
                pol.put("max-value", pt.max());
                pol.put("type", pt.type());
                throw new NetlinkException(Errno.ERANGE, new Extack("integer out of range", pt.name(), pol, null));
            }
            if (!pt.inMask(v)) {
                // nla_validate_mask: NL_SET_ERR_MSG_ATTR, no policy attached
                throw new NetlinkException(Errno.EINVAL, new Extack("reserved bit set", pt.name(), null, null));
            }
            attrs.put(pt.name(), v);
        }
        return attrs;
    }

    /**
     * {@code GENL_REQ_ATTR_CHECK}: EINVAL naming the missing attribute
     * ({@code NL_SET_ERR_ATTR_MISS}; no message, recalled from {@code include/linux/netlink.h}).
     */
    static long require(Map<String, Long> attrs, String name) throws NetlinkException {
        Long v = attrs.get(name);
        if (v == null) {
            throw new NetlinkException(Errno.EINVAL, new Extack(null, null, null, name));
        }
        return v;
    }

    private static NlAttr find(List<NlAttr> attrs, String name) {
        for (NlAttr a : attrs) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
