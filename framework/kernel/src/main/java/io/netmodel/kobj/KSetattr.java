package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;

/**
 * {@code chmod}, {@code chown} and {@code utimensat} on the tree, with the checks of the kernel
 * code that owns each node:
 * <ul>
 *   <li>sysfs ({@code kernfs_iop_setattr}, fs/kernfs/inode.c): {@code setattr_prepare}, then the
 *       new mode, owner and times are kept in the node's {@code kernfs_iattrs} for as long as it
 *       lives;</li>
 *   <li>/proc/sys ({@code proc_sys_setattr}, fs/proc/proc_sysctl.c): any mode, uid or gid change
 *       is EPERM, even for root (the table's mode rules); times may be set;</li>
 *   <li>other /proc files ({@code proc_notify_change}, fs/proc/generic.c): {@code setattr_prepare},
 *       then mode and owner are copied into the {@code proc_dir_entry}.</li>
 * </ul>
 * {@code setattr_prepare} (fs/attr.c): a mode or an explicit time needs the owner or root
 * ({@code inode_owner_or_capable}, EPERM); a uid change needs root ({@code CAP_CHOWN}), a gid
 * change the owner giving it to their own group, or root (EPERM). {@code may_setattr}: setting
 * both times to now needs the owner, root, or write permission (EACCES). The FUSE mount has no
 * {@code default_permissions}, so these checks are ours, as {@link TreeFs#open}'s are.
 */
final class KSetattr {
    private KSetattr() {
    }

    static void chmod(KNode n, int mode, Caller c, long now) throws VfsException {
        refuseOnProcSys(n, true);
        ownerOrRoot(n, c);
        n.setattr(mode & 07777, -1, -1, KNode.KEEP, KNode.KEEP, now);
    }

    static void chown(KNode n, int uid, int gid, Caller c, long now) throws VfsException {
        boolean uidChange = uid != -1 && uid != n.uid();
        boolean gidChange = gid != -1 && gid != n.gid();
        refuseOnProcSys(n, uid != -1 || gid != -1);
        if (c.uid() != 0) {
            // chown_ok / chgrp_ok: a no-op by the owner passes; a group change only to the owner's own group.
            boolean owner = c.uid() == n.uid();
            if (uidChange || (uid != -1 && !owner) || (gid != -1 && (!owner || (gidChange && gid != c.gid())))) {
                throw new VfsException(Errno.EPERM);
            }
        }
        n.setattr(-1, uid, gid, KNode.KEEP, KNode.KEEP, now);
    }

    static void utimens(KNode n, long atime, long mtime, Caller c, long now) throws VfsException {
        boolean explicit = isExplicit(atime) || isExplicit(mtime);
        if (c.uid() != 0 && c.uid() != n.uid()) {
            if (explicit) {
                throw new VfsException(Errno.EPERM);
            }
            if (!Permission.allows(n, c, 2)) {
                throw new VfsException(Errno.EACCES);
            }
        }
        n.setattr(-1, -1, -1, resolve(atime, now), resolve(mtime, now), now);
    }

    private static boolean isExplicit(long t) {
        return t != VirtualFs.UTIME_NOW && t != VirtualFs.UTIME_OMIT;
    }

    private static long resolve(long t, long now) {
        return t == VirtualFs.UTIME_NOW ? now : t == VirtualFs.UTIME_OMIT ? KNode.KEEP : t;
    }

    private static void ownerOrRoot(KNode n, Caller c) throws VfsException {
        if (c.uid() != 0 && c.uid() != n.uid()) {
            throw new VfsException(Errno.EPERM);
        }
    }

    private static void refuseOnProcSys(KNode n, boolean ownershipOrMode) throws VfsException {
        if (ownershipOrMode && Permission.fsOf(n) == KAttr.Flavor.PROC_SYS) {
            throw new VfsException(Errno.EPERM);
        }
    }
}
