package io.netmodel.api.vfs;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The model's files, as a file system: the one source of truth that fs-mount serves through
 * FUSE and the shell reads in-process. Paths are absolute inside the mount ({@code /},
 * {@code /sys/class/net/eth0/mtu}). Every call sees one consistent instant of the model.
 */
@ProviderType
public interface VirtualFs {
    /** {@code stat} without following a final symlink (like {@code lstat}). */
    NodeStat stat(String path) throws VfsException;

    /** Names in a directory, in the order {@code ls -f} would show them. */
    List<String> list(String path) throws VfsException;

    /** Like {@link #list} with each entry's kind ({@code getdents64} with {@code d_type}). */
    List<DirEntry> readdir(String path) throws VfsException;

    /** Target of a symlink, as {@code readlink(2)} returns it (usually relative). */
    String readlink(String path) throws VfsException;

    /**
     * Opens a file. {@code write} says the open asked for write access: the kernel checks the
     * mode at open time (EACCES) before any store runs.
     */
    OpenFile open(String path, boolean write, Caller caller) throws VfsException;

    /** For {@link #access}: read, write and execute (search) permission, as {@code R_OK}, {@code W_OK}, {@code X_OK}. */
    int R_OK = 4;
    int W_OK = 2;
    int X_OK = 1;

    /**
     * {@code access(2)} (following a final symlink): returns if {@code caller} may {@code mask}
     * ({@link #R_OK} | {@link #W_OK} | {@link #X_OK}; 0 only asks whether the node exists), else
     * throws EACCES, with the checks of the filesystem the node belongs to: kernfs and /proc
     * ({@code generic_permission}: root may read and write anything, execute what has an x bit),
     * /proc/sys ({@code proc_sys_permission}: never execute a file, root gets the owner's bits).
     *
     * @since 1.4
     */
    void access(String path, int mask, Caller caller) throws VfsException;

    /**
     * {@code listxattr(2)} of the node itself: the names set on it, none in the model, as the
     * kernel lists for sysfs and /proc nodes nobody labelled. ({@code getxattr} is not offered:
     * a FUSE mount that answers it gets one more upcall on every write, the kernel's
     * {@code security.capability} check in {@code file_remove_privs}, so the mount leaves it
     * to the kernel's EOPNOTSUPP.)
     *
     * @since 1.5
     */
    default List<String> listxattr(String path) throws VfsException {
        stat(path);
        return List.of();
    }

    /** For {@link #utimens}: set that time to the current time ({@code utimensat}'s {@code UTIME_NOW}). */
    long UTIME_NOW = Long.MIN_VALUE;
    /** For {@link #utimens}: leave that time alone ({@code UTIME_OMIT}). */
    long UTIME_OMIT = Long.MIN_VALUE + 1;

    /**
     * {@code chmod(2)} of the node itself (a symlink's own mode for {@code lchmod}-like calls),
     * with the kernel's checks for what the node belongs to: kernfs keeps the new mode, /proc/sys
     * refuses with EPERM, other /proc files keep it; EPERM for a caller who neither owns the
     * node nor is root.
     *
     * @param mode permission bits ({@code 07777} at most)
     * @since 1.3
     */
    void chmod(String path, int mode, Caller caller) throws VfsException;

    /**
     * {@code lchown(2)}: {@code -1} leaves the uid or gid alone. Only root may give a node away
     * (EPERM otherwise); /proc/sys refuses with EPERM.
     *
     * @since 1.3
     */
    void chown(String path, int uid, int gid, Caller caller) throws VfsException;

    /**
     * {@code utimensat(2)} without following a final symlink: access and modification times in
     * nanoseconds since the epoch, or {@link #UTIME_NOW} / {@link #UTIME_OMIT}. Setting both to
     * now needs ownership or write permission (EACCES), any explicit time ownership (EPERM).
     *
     * @since 1.3
     */
    void utimens(String path, long atimeNanos, long mtimeNanos, Caller caller) throws VfsException;

    /**
     * A monotonically increasing number that changes whenever files appear or vanish; cheap
     * to read, so a caller can tell whether a cached listing is still good.
     */
    long generation();

    /**
     * Calls {@code listener} after files appeared or vanished: on the thread that made the
     * change, once it no longer holds the model, before that change's operation returns (an
     * {@code rmmod} returns after its listeners ran). A listener must be quick, must not throw,
     * and may be called from several threads at once. fs-mount uses it to drop the kernel's
     * cached lookups and attributes.
     *
     * @since 1.3
     */
    void addChangeListener(Runnable listener);
}
