package io.netmodel.netlink;

/**
 * One attribute of a {@code netdev} attribute set: its spec name, its id (spec order,
 * {@code include/uapi/linux/netdev.h}) and the policy an operation gives it
 * ({@code net/core/netdev-genl-gen.c}): the type {@code NL_ATTR_TYPE_*} as ynl names it and the
 * unsigned range {@code nla_get_range_unsigned} reports, or the valid bits of an
 * {@code NLA_POLICY_MASK} ({@code mask}; -1, every bit, for the other policies).
 */
record NlAttr(String name, int id, String type, long min, long max, long mask) {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final long S32_MAX = Integer.MAX_VALUE;

    /** A u32 with no check: the full range. */
    static NlAttr u32(String name, int id) {
        return new NlAttr(name, id, "u32", 0, U32_MAX, -1L);
    }

    /** {@code NLA_POLICY_MIN(NLA_U32, min)}. */
    static NlAttr u32Min(String name, int id, long min) {
        return new NlAttr(name, id, "u32", min, U32_MAX, -1L);
    }

    /** {@code NLA_POLICY_MAX(NLA_U32, max)} or {@code NLA_POLICY_FULL_RANGE}. */
    static NlAttr u32Max(String name, int id, long max) {
        return new NlAttr(name, id, "u32", 0, max, -1L);
    }

    /** {@code NLA_UINT}: 4 or 8 bytes, any value (max is -1 as unsigned: U64_MAX). */
    static NlAttr uint(String name, int id) {
        return new NlAttr(name, id, "uint", 0, -1L, -1L);
    }

    /**
     * {@code NLA_POLICY_MASK(NLA_UINT, mask)}: a value with a bit outside {@code mask} is refused
     * by {@code nla_validate_mask} ({@code lib/nlattr.c}; NLA_UINT there since the type came, 6.8,
     * recalled).
     */
    static NlAttr uintMask(String name, int id, long mask) {
        return new NlAttr(name, id, "uint", 0, -1L, mask);
    }

    /** Whether {@code value} has only bits of the policy's mask ({@code value & ~mask} is 0). */
    boolean inMask(long value) {
        return (value & ~mask) == 0;
    }

    /** Whether {@code value} (unsigned) is in range. */
    boolean inRange(long value) {
        return Long.compareUnsigned(value, min) >= 0 && Long.compareUnsigned(value, max) <= 0;
    }
}
