package io.netmodel.api.netlink;

import java.util.Map;

/**
 * The extended ACK of a failed request ({@code struct netlink_ext_ack} as {@code netlink_ack}
 * sends it): a message, the offending attribute, the policy it broke, a missing attribute.
 *
 * @param msg {@code NLMSGERR_ATTR_MSG}, or null
 * @param badAttr the name of the attribute {@code NLMSGERR_ATTR_OFFS} points at, or null
 * @param policy {@code NLMSGERR_ATTR_POLICY} decoded as ynl does ({@code min-value},
 *     {@code max-value}, {@code type}, in the kernel's order), or null
 * @param missType the name of the attribute {@code NLMSGERR_ATTR_MISS_TYPE} names, or null
 */
public record Extack(String msg, String badAttr, Map<String, Object> policy, String missType) {
    public static final Extack NONE = new Extack(null, null, null, null);

    public Extack {
        policy = policy == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policy));
    }

    public boolean isEmpty() {
        return msg == null && badAttr == null && policy == null && missType == null;
    }
}
