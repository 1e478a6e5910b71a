package io.netmodel.api.netlink;

/** A request the kernel answered with an error ({@code NLMSG_ERROR} with a negative errno). */
public final class NetlinkException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final transient Extack extack;

    public NetlinkException(int errno, Extack extack) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
        this.extack = extack == null ? Extack.NONE : extack;
    }

    /** The positive errno ({@link io.netmodel.api.vfs.Errno}). */
    public int errno() {
        return errno;
    }

    public Extack extack() {
        return extack;
    }
}
