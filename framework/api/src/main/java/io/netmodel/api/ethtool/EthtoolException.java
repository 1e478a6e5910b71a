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
    private final Object badAttr;

    public EthtoolException(int errno) {
        this(errno, null, null);
    }

    public EthtoolException(int errno, String extack) {
        this(errno, extack, null);
    }

    /**
     * With {@code NL_SET_ERR_MSG_ATTR}: {@code badAttr} names the request attribute the message
     * points at: a {@link RingSize}, {@link ChannelParam}, {@link CoalesceParam} or
     * {@link NetdevFeature}, or {@link #DEV_NAME} for the header's device name. ethtool prints its
     * byte offset in the request ({@code (offset N)}).
     */
    public EthtoolException(int errno, String extack, Object badAttr) {
        super(extack == null ? Errno.strerror(errno) : extack + ": " + Errno.strerror(errno));
        this.errno = errno;
        this.extack = extack;
        this.badAttr = badAttr;
    }

    /** {@link #badAttr()} for {@code ETHTOOL_A_HEADER_DEV_NAME} ("no device matches name"). */
    public static final String DEV_NAME = "ETHTOOL_A_HEADER_DEV_NAME";

    /** The attribute the extack points at, or null. */
    public Object badAttr() {
        return badAttr;
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
