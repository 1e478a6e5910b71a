package io.netmodel.api.ethtool;

import io.netmodel.api.vfs.Errno;

/**
 * An ethtool operation failed with a Linux errno (negative return of an {@code ethtool_ops}
 * callback or of the netlink handler). {@link #extack()} is the {@code NL_SET_ERR_MSG} text the
 * kernel attached, or null: ethtool prints it as {@code netlink error: <extack>}.
 */
public class EthtoolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final String extack;

    public EthtoolException(int errno) {
        this(errno, null);
    }

    public EthtoolException(int errno, String extack) {
        super(extack == null ? Errno.strerror(errno) : extack + ": " + Errno.strerror(errno));
        this.errno = errno;
        this.extack = extack;
    }

    /** The errno the operation returned (positive, e.g. {@code Errno.EINVAL}). */
    public int errno() {
        return errno;
    }

    /** The extended-ack message, or null. */
    public String extack() {
        return extack;
    }

    /** {@code -EOPNOTSUPP}: what every op a driver does not implement returns. */
    public static EthtoolException eopnotsupp() {
        return new EthtoolException(Errno.EOPNOTSUPP);
    }
}
