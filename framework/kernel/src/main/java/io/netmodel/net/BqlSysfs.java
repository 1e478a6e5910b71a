package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.Kstrtox;
import java.util.List;

/**
 * {@code queues/tx-N/byte_queue_limits/}: the {@code dql_group} of {@code net/core/net-sysfs.c}
 * (kernel-interfaces.md §2.6). No capability check: only the file mode guards the stores. Times
 * are kept in jiffies and shown in ms, so with HZ=250 a written {@code hold_time} of 1001 reads
 * back 1004.
 */
final class BqlSysfs {
    /** {@code MAX_JIFFY_OFFSET} on 64-bit: {@code (LONG_MAX >> 1) - 1}. */
    private static final long MAX_JIFFY_OFFSET = (Long.MAX_VALUE >> 1) - 1;
    private static final long MSEC_PER_JIFFY = 1000 / SysctlNetCore.HZ;
    private static final long U32 = 0xFFFF_FFFFL;

    /** {@code bql_set_stall_thrs}: a non-zero threshold must lie in 4 .. 4 / 2 * BITS_PER_LONG jiffies. */
    private static final long STALL_THRS_MIN = 4;
    private static final long STALL_THRS_MAX = 4 / 2 * Long.SIZE;

    /** A parsed and range-checked value stored into one {@link Dql} field. */
    @FunctionalInterface
    private interface Field {
        void set(Dql dql, long value);
    }

    private final KernelProfile profile;
    private final List<Attr<Dql>> table;

    BqlSysfs(KernelProfile profile) {
        this.profile = profile;
        this.table = List.of(
            Attr.rw("limit", d -> u32(d.limit), bqlSet((d, v) -> d.limit = v)),
            Attr.rw("limit_max", d -> u32(d.maxLimit), bqlSet((d, v) -> d.maxLimit = v)),
            Attr.rw("limit_min", d -> u32(d.minLimit), bqlSet((d, v) -> d.minLimit = v)),
            Attr.rw("hold_time", d -> u32(jiffiesToMsecs(d.slackHoldTime)), BqlSysfs::setHoldTime),
            Attr.ro("inflight", d -> u32(d.inflight())),
            Attr.<Dql>rw("stall_thrs", d -> u32(jiffiesToMsecs(d.stallThrs)), BqlSysfs::setStallThrs)
                .since(Behaviour.BQL_STALL),
            Attr.<Dql>ro("stall_cnt", d -> Long.toUnsignedString(d.stallCnt) + "\n").since(Behaviour.BQL_STALL),
            Attr.<Dql>rw("stall_max", d -> u32(d.stallMax), BqlSysfs::setStallMax).since(Behaviour.BQL_STALL));
    }

    /**
     * Whether a tx queue of {@code dev} has {@code byte_queue_limits/}: from 6.9 only when
     * {@code netdev_uses_bql()} (not for LLTX / IFF_NO_QUEUE devices such as lo), before always.
     */
    boolean exists(NetDeviceImpl dev) {
        return !(dev.lltx && profile.has(Behaviour.NETDEV_USES_BQL));
    }

    void populate(KDir txDir, Dql dql) {
        Attr.populate(txDir.dir("byte_queue_limits"), dql, table, profile, KAttr.Flavor.SYSFS);
    }

    /**
     * {@code bql_set}: the literal {@code max} or {@code max\n} is {@code DQL_MAX_LIMIT}; anything
     * else is {@code kstrtouint} base 10 (EINVAL, ERANGE) and must not exceed DQL_MAX_LIMIT (EINVAL).
     */
    private static Attr.Store<Dql> bqlSet(Field field) {
        return (dql, data, caller) -> {
            long value;
            if (cstringEquals(data, "max") || cstringEquals(data, "max\n")) {
                value = Dql.DQL_MAX_LIMIT;
            } else {
                value = Kstrtox.kstrtou32(data);
                if (value > Dql.DQL_MAX_LIMIT) {
                    throw new VfsException(Errno.EINVAL);
                }
            }
            field.set(dql, value);
            return data.length;
        };
    }

    /** {@code bql_set_hold_time}: {@code kstrtouint} base 10, stored as {@code msecs_to_jiffies} in a u32. */
    private static int setHoldTime(Dql dql, byte[] data, Caller caller) throws VfsException {
        long ms = Kstrtox.kstrtou32(data);
        dql.slackHoldTime = msecsToJiffies(ms) & U32;
        return data.length;
    }

    /**
     * {@code bql_set_stall_thrs}: {@code kstrtouint} base 10, converted to jiffies (kept as an
     * unsigned int); a non-zero value below 4 or above 128 jiffies is ERANGE (with HZ=250: 1..12 ms
     * and 513 ms and up).
     */
    private static int setStallThrs(Dql dql, byte[] data, Caller caller) throws VfsException {
        long jiffies = msecsToJiffies(Kstrtox.kstrtou32(data)) & U32;
        if (jiffies != 0 && (jiffies < STALL_THRS_MIN || jiffies > STALL_THRS_MAX)) {
            throw new VfsException(Errno.ERANGE);
        }
        dql.stallThrs = jiffies;
        return data.length;
    }

    /** {@code bql_set_stall_max}: any write, whatever it says, resets the maximum to 0. */
    private static int setStallMax(Dql dql, byte[] data, Caller caller) {
        dql.stallMax = 0;
        return data.length;
    }

    /**
     * {@code msecs_to_jiffies} for HZ=250 ({@code __msecs_to_jiffies}): a value that is negative as
     * an int means "infinite", {@code MAX_JIFFY_OFFSET}; otherwise rounded up to whole jiffies.
     */
    static long msecsToJiffies(long ms) {
        if ((int) ms < 0) {
            return MAX_JIFFY_OFFSET;
        }
        return (ms + MSEC_PER_JIFFY - 1) / MSEC_PER_JIFFY;
    }

    /** {@code jiffies_to_msecs} for HZ=250: {@code 4 * j}, returned as an unsigned int. */
    static long jiffiesToMsecs(long jiffies) {
        return (MSEC_PER_JIFFY * jiffies) & U32;
    }

    private static String u32(long value) {
        return (value & U32) + "\n";
    }

    /** {@code strcmp(buf, s) == 0} on the NUL-terminated write. */
    private static boolean cstringEquals(byte[] data, String s) {
        int len = 0;
        while (len < data.length && data[len] != 0) {
            len++;
        }
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (data[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
