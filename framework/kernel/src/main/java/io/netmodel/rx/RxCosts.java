package io.netmodel.rx;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The calibration file's keys, in the order of the record's components. */
    public static final List<String> KEYS = List.of("wire", "wire_jitter", "xmit", "syscall", "poll_empty",
        "poll_per_packet", "busy_loop_setup", "irq", "ring_peek", "napi_move", "tx_clean", "wakeup", "tcp_stack",
        "udp_stack");

    /** Every parameter by its calibration-file key, in {@link #KEYS} order. */
    public Map<String, Long> toMap() {
        long[] v = {wire, wireJitter, xmit, syscall, pollEmpty, pollPerPacket, busyLoopSetup, irq, ringPeek, napiMove,
            txClean, wakeup, tcpStack, udpStack};
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(KEYS.get(i), v[i]);
        }
        return m;
    }

    /**
     * These costs with some replaced (what a fit tries).
     *
     * @throws IllegalArgumentException for a key the profile does not have, or a negative value
     */
    public RxCosts with(Map<String, Long> overrides) {
        Map<String, Long> m = toMap();
        for (Map.Entry<String, Long> e : overrides.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalArgumentException("no cost parameter '" + e.getKey() + "'; the host profile has "
                    + String.join(", ", KEYS));
            }
            if (e.getValue() < 0) {
                throw new IllegalArgumentException(e.getKey() + " must be >= 0 ns: " + e.getValue());
            }
            m.put(e.getKey(), e.getValue());
        }
        return fromMap(m);
    }

    private static RxCosts fromMap(Map<String, Long> m) {
        long[] v = new long[KEYS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.get(KEYS.get(i));
        }
        return new RxCosts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

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
        Map<String, Long> m = new LinkedHashMap<>();
        for (String key : KEYS) {
            m.put(key, ns(p, key));
        }
        return fromMap(m);
    }

    private static long ns(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("host profile lacks " + key);
        }
        return Long.parseLong(v.trim());
    }
}
