package io.netmodel.api.rtnl;

/**
 * A refused rtnetlink request: the errno the kernel returns and, when it sets one, the extended
 * ack message ({@code NL_SET_ERR_MSG}) that iproute2 prints as {@code Error: <msg>.}.
 */
public final class RtnlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final String extack;

    public RtnlException(int errno, String extack) {
        super(extack != null ? extack : "errno " + errno);
        this.errno = errno;
        this.extack = extack;
    }

    public int errno() {
        return errno;
    }

    /** The extack message, or null when the kernel sets none. */
    public String extack() {
        return extack;
    }
}
