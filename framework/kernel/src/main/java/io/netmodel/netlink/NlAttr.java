package io.netmodel.netlink;

/**
 * One attribute of a {@code netdev} attribute set: its spec name, its id (spec order,
 * {@code include/uapi/linux/netdev.h}) and the policy an operation gives it
 * ({@code net/core/netdev-genl-gen.c}): the type {@code NL_ATTR_TYPE_*} as ynl names it and the
 * unsigned range {@code nla_get_range_unsigned} reports.
 */
record NlAttr(String name, int id, String type, long min, long max) {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final long S32_MAX = Integer.MAX_VALUE;

    /** A u32 with no check: the full range. */
    static NlAttr u32(String name, int id) {
        return new NlAttr(name, id, "u32", 0, U32_MAX);
    }

    /** {@code NLA_POLICY_MIN(NLA_U32, min)}. */
    static NlAttr u32Min(String name, int id, long min) {
        return new NlAttr(name, id, "u32", min, U32_MAX);
    }

    /** {@code NLA_POLICY_MAX(NLA_U32, max)} or {@code NLA_POLICY_FULL_RANGE}. */
    static NlAttr u32Max(String name, int id, long max) {
        return new NlAttr(name, id, "u32", 0, max);
    }

    /** {@code NLA_UINT}: 4 or 8 bytes, any value (max is -1 as unsigned: U64_MAX). */
    static NlAttr uint(String name, int id) {
        return new NlAttr(name, id, "uint", 0, -1L);
    }

    /** Whether {@code value} (unsigned) is in range. */
    boolean inRange(long value) {
        return Long.compareUnsigned(value, min) >= 0 && Long.compareUnsigned(value, max) <= 0;
    }
}
