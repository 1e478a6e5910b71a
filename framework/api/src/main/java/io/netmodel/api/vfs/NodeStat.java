package io.netmodel.api.vfs;

/**
 * What {@code stat(2)} shows for a node.
 *
 * @param kind directory, regular file or symlink
 * @param mode permission bits only (e.g. {@code 0644}); the kind gives the file type
 * @param size {@code st_size}: 4096 for sysfs attributes, 0 for /proc files and directories
 * @param uid owner
 * @param gid group
 * @param mtimeNanos modification time, nanoseconds since the epoch (wall clock)
 * @param atimeNanos access time, likewise (sysfs and procfs never move it on a read)
 * @param ctimeNanos change time, likewise (moved by {@code chmod}, {@code chown}, {@code touch})
 * @param nlink {@code st_nlink}: 1 for a file or symlink; a directory's as its filesystem counts
 *     it (sysfs and procfs: 2 and one per subdirectory; /proc/sys: 1)
 * @since 1.5
 */
public record NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos, long atimeNanos,
                       long ctimeNanos, int nlink) {
    /** A node with the link count most filesystems give it: 2 for a directory, 1 otherwise. */
    public NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos, long atimeNanos,
                    long ctimeNanos) {
        this(kind, mode, size, uid, gid, mtimeNanos, atimeNanos, ctimeNanos, kind == NodeKind.DIRECTORY ? 2 : 1);
    }

    /** A node whose three times are one ({@code mtimeNanos}), as they are until a setattr. */
    public NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos) {
        this(kind, mode, size, uid, gid, mtimeNanos, mtimeNanos, mtimeNanos);
    }
}
