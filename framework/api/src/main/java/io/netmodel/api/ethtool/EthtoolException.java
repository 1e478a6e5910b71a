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
    private final boolean opAbsent;

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
        this(errno, extack, badAttr, false);
    }

    private EthtoolException(int errno, String extack, Object badAttr, boolean opAbsent) {
        super(extack == null ? Errno.strerror(errno) : extack + ": " + Errno.strerror(errno));
        this.errno = errno;
        this.extack = extack;
        this.badAttr = badAttr;
        this.opAbsent = opAbsent;
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

    /**
     * {@code -EOPNOTSUPP} for an op the driver does not implement (a NULL member of its
     * {@code ethtool_ops}): what every default {@link EthtoolOps} method throws, with
     * {@link #opAbsent()} true. A driver whose op exists but refuses (as {@code idpf_get_ts_info}
     * without a PTP clock) throws {@code new EthtoolException(Errno.EOPNOTSUPP)} instead.
     */
    public static EthtoolException eopnotsupp() {
        return new EthtoolException(Errno.EOPNOTSUPP, null, null, true);
    }

    /**
     * Whether the op is missing rather than failing: where the kernel core tests
     * {@code ops->get_xxx} for NULL and does something of its own ({@code ethtool_get_drvinfo}
     * names the parent device's driver, {@code __ethtool_get_ts_info} reports software stamps).
     *
     * @since 1.1
     */
    public boolean opAbsent() {
        return opAbsent;
    }
}
