package io.netmodel.api.sched;

/**
 * A NAPI's threaded mode, the netlink enum {@code napi-threaded} ({@code disabled} 0,
 * {@code enabled} 1, {@code busy-poll} 2 from 6.19; {@code Documentation/netlink/specs/netdev.yaml}).
 */
public enum NapiThreaded {
    DISABLED("disabled"), ENABLED("enabled"), BUSY_POLL("busy-poll");

    private final String ynlName;

    NapiThreaded(String ynlName) {
        this.ynlName = ynlName;
    }

    /** The enum entry's name in the netlink spec (what {@code ynl} prints). */
    public String ynlName() {
        return ynlName;
    }

    /** The value on the wire. */
    public int value() {
        return ordinal();
    }
}
