package io.netmodel.api.sched;

/** A scheduler call failed with {@link #errno()} (ESRCH, EINVAL, EPERM), as the syscall would. */
public final class SchedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public SchedException(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    /** The Linux errno ({@link io.netmodel.api.vfs.Errno}). */
    public int errno() {
        return errno;
    }
}
