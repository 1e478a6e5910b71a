package io.netmodel.api.vfs;

/**
 * Who is asking: the credentials of the process behind a file operation (from the FUSE
 * context), used for the kernel's capability checks ({@code CAP_NET_ADMIN} is modelled as
 * uid 0).
 */
public record Caller(int uid, int gid, int pid) {
    /** The in-process caller (shell commands run by the daemon's owner). */
    public static final Caller ROOT = new Caller(0, 0, 0);

    public boolean hasNetAdmin() {
        return uid == 0;
    }
}
