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
 */
public record NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos, long atimeNanos,
                       long ctimeNanos) {
    /** A node whose three times are one ({@code mtimeNanos}), as they are until a setattr. */
    public NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos) {
        this(kind, mode, size, uid, gid, mtimeNanos, mtimeNanos, mtimeNanos);
    }
}
