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
 */
public record NodeStat(NodeKind kind, int mode, long size, int uid, int gid, long mtimeNanos) {
}
