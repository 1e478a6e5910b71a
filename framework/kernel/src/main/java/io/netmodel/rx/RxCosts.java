package io.netmodel.rx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The physical costs of one host profile, in nanoseconds, loaded from
 * {@code io/netmodel/rx/<profile>.properties} where each is documented with its meaning and
 * the source it was fitted to. Published measurements are targets to report error against,
 * never inputs here.
 */
public record RxCosts(long wire, long wireJitter, long xmit, long syscall, long pollEmpty, long pollPerPacket,
                      long busyLoopSetup, long irq, long ringPeek, long napiMove, long txClean, long wakeup,
                      long tcpStack, long udpStack) {

    /** The profile fitted to seed 001's machines. */
    public static final String DEFAULT_PROFILE = "cloud-vm";

    public static RxCosts load(String profile) {
        Properties p = new Properties();
        try (InputStream in = RxCosts.class.getResourceAsStream(profile + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("no host profile '" + profile + "'");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read host profile " + profile, e);
        }
        return new RxCosts(ns(p, "wire"), ns(p, "wire_jitter"), ns(p, "xmit"), ns(p, "syscall"), ns(p, "poll_empty"),
            ns(p, "poll_per_packet"), ns(p, "busy_loop_setup"), ns(p, "irq"), ns(p, "ring_peek"), ns(p, "napi_move"),
            ns(p, "tx_clean"), ns(p, "wakeup"), ns(p, "tcp_stack"), ns(p, "udp_stack"));
    }

    private static long ns(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("host profile lacks " + key);
        }
        return Long.parseLong(v.trim());
    }
}
