package io.netmodel.api.driver;

import io.netmodel.api.vfs.Errno;

/** A probe failure with the errno the kernel would log ({@code probe with driver D failed with error -N}). */
public class DriverException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public DriverException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public DriverException(String message) {
        this(Errno.EINVAL, message);
    }

    public int errno() {
        return errno;
    }
}
