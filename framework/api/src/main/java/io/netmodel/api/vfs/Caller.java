package io.netmodel.api.vfs;

/**
 * Who is asking: the credentials of the process behind a file operation (from the FUSE
 * context), used for the kernel's permission and capability checks.
 *
 * <p>{@code netAdmin} is {@code ns_capable(&init_user_ns, CAP_NET_ADMIN)}: the store paths of
 * {@code net/core/net-sysfs.c} ({@code netdev_store}, {@code store_rps_map}, ...) refuse with
 * EPERM without it, whatever the uid. The FUSE adapter reads it from the caller's effective
 * capability set; the three-argument constructor, for callers that know only the uid, models it
 * as uid 0.
 */
public record Caller(int uid, int gid, int pid, boolean netAdmin) {
    /** The in-process caller (shell commands run by the daemon's owner). */
    public static final Caller ROOT = new Caller(0, 0, 0);

    /** A caller whose capabilities are not known: {@code CAP_NET_ADMIN} is modelled as uid 0. */
    public Caller(int uid, int gid, int pid) {
        this(uid, gid, pid, uid == 0);
    }

    public boolean hasNetAdmin() {
        return netAdmin;
    }
}
