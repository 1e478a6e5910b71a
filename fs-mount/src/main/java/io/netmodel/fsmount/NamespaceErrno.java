package io.netmodel.fsmount;

import io.netmodel.api.vfs.Errno;

/**
 * What the kernel answers when someone tries to make, remove or rename a name in sysfs or procfs,
 * which have no such operations: the errno {@code create}, {@code mkdir}, {@code unlink} ... return
 * on a real host (checked on 6.18 with bash, rm, rmdir, mkdir, ln, mv, mknod, mkfifo as root).
 *
 * <ul>
 *   <li>sysfs (kernfs, {@code /sys}): {@code open(O_CREAT)} of a new name EACCES (the VFS finds no
 *       {@code ->create}); {@code mknod}, {@code mkdir}, {@code symlink}, {@code link},
 *       {@code rename}, {@code unlink} and {@code rmdir} EPERM ({@code vfs_*} without the inode
 *       operation).</li>
 *   <li>procfs ({@code /proc}): a new name is never found, so every operation that makes one
 *       ({@code create}, {@code mknod}, {@code mkdir}, {@code symlink}, {@code link},
 *       {@code rename}) is ENOENT; {@code unlink} and {@code rmdir} are EPERM, but EACCES under
 *       {@code /proc/sys}, whose directories refuse write permission to everyone
 *       ({@code proc_sys_permission}).</li>
 * </ul>
 * Anything else in the mount (its root) answers as sysfs does.
 */
final class NamespaceErrno {
    private NamespaceErrno() {
    }

    /** A new name by {@code open(O_CREAT)}. */
    static int create(String path) {
        return proc(path) ? Errno.ENOENT : Errno.EACCES;
    }

    /** A new name by {@code mknod}, {@code mkdir}, {@code symlink}, {@code link} or {@code rename}. */
    static int makeName(String path) {
        return proc(path) ? Errno.ENOENT : Errno.EPERM;
    }

    /** {@code unlink} or {@code rmdir} of {@code path}. */
    static int remove(String path) {
        return path.equals("/proc/sys") || path.startsWith("/proc/sys/") ? Errno.EACCES : Errno.EPERM;
    }

    private static boolean proc(String path) {
        return path.equals("/proc") || path.startsWith("/proc/");
    }
}
