package io.netmodel.api.vfs;

/** A file operation failed with a Linux errno; {@link #errno()} is what the caller sees. */
public final class VfsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public VfsException(int errno) {
        super(Errno.strerror(errno), null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
