package io.netmodel.fsmount;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many FUSE upcalls of each kind the mount has served (for the "calls per cat" budget).
 * libfuse2's high-level API answers the kernel's LOOKUP with {@code getattr}, so lookups count
 * there; every callback the adapter implements is counted.
 */
public final class FuseCounters {
    final LongAdder getattr = new LongAdder();
    final LongAdder readdir = new LongAdder();
    final LongAdder readlink = new LongAdder();
    final LongAdder open = new LongAdder();
    final LongAdder read = new LongAdder();
    final LongAdder write = new LongAdder();
    final LongAdder truncate = new LongAdder();
    /** chmod, chown and utimens (one kernel SETATTR each). */
    final LongAdder setattr = new LongAdder();
    final LongAdder release = new LongAdder();
    /** access(2), faccessat(2): {@code test -r/-w/-x}. */
    final LongAdder access = new LongAdder();
    /** statfs(2): {@code stat -f}, {@code df}. */
    final LongAdder statfs = new LongAdder();
    /** listxattr(2): {@code cp -a}, {@code getfattr}, {@code rsync -X}. */
    final LongAdder xattr = new LongAdder();
    /** Refused attempts to make, remove or rename a name ({@link NamespaceErrno}). */
    final LongAdder namespace = new LongAdder();
    /** Not upcalls: cache invalidations we sent the kernel ({@link EntryInvalidator}). */
    final LongAdder notify = new LongAdder();
    /** How they are sent: {@code epoch} or {@code entry} ({@link EntryInvalidator#mode}). */
    volatile java.util.function.Supplier<String> notifyMode = () -> "epoch";

    /**
     * {@code getattr=N open=N read=N write=N release=N readdir=N readlink=N truncate=N setattr=N access=N
     * statfs=N xattr=N namespace=N notify=N notify_mode=epoch|entry}.
     */
    @Override
    public String toString() {
        return "getattr=" + getattr.sum() + " open=" + open.sum() + " read=" + read.sum() + " write=" + write.sum()
            + " release=" + release.sum() + " readdir=" + readdir.sum() + " readlink=" + readlink.sum()
            + " truncate=" + truncate.sum() + " setattr=" + setattr.sum() + " access=" + access.sum() + " statfs=" + statfs.sum()
            + " xattr=" + xattr.sum() + " namespace=" + namespace.sum() + " notify=" + notify.sum() + " notify_mode=" + notifyMode.get();
    }

    /** Upcalls served (notifications are not upcalls). */
    public long total() {
        return getattr.sum() + readdir.sum() + readlink.sum() + open.sum() + read.sum() + write.sum() + truncate.sum()
            + setattr.sum() + release.sum() + access.sum() + statfs.sum() + xattr.sum() + namespace.sum();
    }
}
