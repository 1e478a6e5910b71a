package io.netmodel.api.netlink;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code netdev} generic netlink family of the running kernel. Operations are named as in
 * the spec ({@code dev-get}, {@code queue-get}, {@code napi-get}, {@code napi-set}, {@code qstats-get}); request
 * attributes are validated against the operation's policy of the modelled release (unknown or
 * unsupported attribute: EINVAL; out of range: ERANGE), then the handler runs with the
 * kernel's errors. An operation the release does not have fails with EOPNOTSUPP, as
 * {@code genl_family_rcv_msg} does for an unknown command.
 */
@ProviderType
public interface NetdevFamily {
    /** Whether the kernel registers the family at all (6.3+); a resolver then finds no id for it. */
    boolean registered();

    /**
     * A {@code do} request. Values are unsigned integers as on the wire (a u32 attribute must
     * fit in 32 bits; the client checks that before sending).
     *
     * @return the reply's attributes in wire order (values {@code Long}, empty nests as empty
     *     maps), or null when the operation only acknowledges ({@code napi-set})
     */
    Map<String, Object> doit(String op, Map<String, Long> request) throws NetlinkException;

    /** A {@code dump} request: one map per reply message, in the kernel's order. */
    List<Map<String, Object>> dumpit(String op, Map<String, Long> request) throws NetlinkException;
}
