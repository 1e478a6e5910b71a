package io.netmodel.rx;

/**
 * The UDP/IPv4 tuples of live traffic's flows ({@code netmodel traffic start --flows N}): every
 * flow goes from {@value #SRC_ADDR_TEXT} to {@value #DST_ADDR_TEXT} (eth0's peer to eth0) and to
 * UDP port {@value #DST_PORT}; flow f comes from source port {@code (32768 + f) mod 65536}, an
 * ephemeral port of the sender's default {@code ip_local_port_range} (32768 .. 60999) and beyond,
 * so all {@link io.netmodel.api.traffic.TrafficRequest#MAX_FLOWS} flows differ. The model's
 * choice: only the source port tells the flows apart, as with one client opening N sockets.
 */
public final class LiveFlows {
    static final String SRC_ADDR_TEXT = "10.0.0.2";
    static final String DST_ADDR_TEXT = "10.0.0.1";
    /** 10.0.0.2. */
    public static final int SRC_ADDR = 0x0a000002;
    /** 10.0.0.1. */
    public static final int DST_ADDR = 0x0a000001;
    /** The receiving socket's port. */
    public static final int DST_PORT = 9000;
    /** Flow 0's source port. */
    public static final int SRC_PORT_BASE = 32768;

    private LiveFlows() {
    }

    /** Flow {@code f}'s source port. */
    public static int srcPort(int f) {
        return (SRC_PORT_BASE + f) & 0xffff;
    }

    /**
     * The bytes an RSS engine hashes for flow {@code f}, in network byte order: source address,
     * destination address, and with {@code ports} the source and destination port.
     */
    public static byte[] rssInput(int f, boolean ports) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(ports ? 12 : 8); // big-endian
        b.putInt(SRC_ADDR).putInt(DST_ADDR);
        if (ports) {
            b.putShort((short) srcPort(f)).putShort((short) DST_PORT);
        }
        return b.array();
    }
}
