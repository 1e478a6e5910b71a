package io.netmodel.core;

import io.netmodel.api.trace.TraceEvent;
import io.netmodel.api.trace.TraceListener;
import io.netmodel.api.trace.TraceService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The model's probe points. A model function calls {@link #hit} with its arguments; nothing is
 * built when no one listens ({@link #enabled} first), as a disabled kprobe costs nothing.
 */
public final class Tracepoints implements TraceService {
    /** The functions the model can probe, with what their events carry. */
    public static final String NETIF_NAPI_ADD = "netif_napi_add";
    public static final String NAPI_HASH_ADD = "napi_hash_add";
    public static final String NETIF_NAPI_DEL = "netif_napi_del";
    public static final String NAPI_ENABLE = "napi_enable";
    public static final String NAPI_DISABLE = "napi_disable";
    public static final String REGISTER_NETDEV = "register_netdev";
    public static final String UNREGISTER_NETDEV = "unregister_netdev";
    public static final String REQUEST_IRQ = "request_irq";
    public static final String FREE_IRQ = "free_irq";
    /** The receive path at run time (live traffic): times are the simulation's, CPUs where it ran. */
    public static final String NAPI_SCHEDULE = "napi_schedule";
    public static final String NET_RX_ACTION = "net_rx_action";
    public static final String NAPI_POLL = "napi_poll";
    public static final String NAPI_COMPLETE_DONE = "napi_complete_done";
    public static final String SK_CAN_BUSY_LOOP = "sk_can_busy_loop";
    public static final String NAPI_BUSY_LOOP = "napi_busy_loop";

    private final Map<String, List<TraceListener>> listeners = new TreeMap<>();
    private final LongSupplier clock;

    public Tracepoints(LongSupplier nanosSinceBoot) {
        this.clock = nanosSinceBoot;
        for (String p : List.of(NETIF_NAPI_ADD, NAPI_HASH_ADD, NETIF_NAPI_DEL, NAPI_ENABLE, NAPI_DISABLE,
            REGISTER_NETDEV, UNREGISTER_NETDEV, REQUEST_IRQ, FREE_IRQ, NAPI_SCHEDULE, NET_RX_ACTION, NAPI_POLL,
            NAPI_COMPLETE_DONE, SK_CAN_BUSY_LOOP, NAPI_BUSY_LOOP)) {
            listeners.put(p, new CopyOnWriteArrayList<>());
        }
    }

    @Override
    public List<String> probes() {
        return new ArrayList<>(listeners.keySet());
    }

    @Override
    public AutoCloseable subscribe(String probe, TraceListener listener) {
        List<TraceListener> l = listeners.get(probe);
        if (l == null) {
            throw new IllegalArgumentException("no probe '" + probe + "' (probes: " + String.join(", ", probes()) + ")");
        }
        l.add(listener);
        return () -> l.remove(listener);
    }

    /** Whether anyone listens to {@code probe} (check before building the arguments). */
    public boolean enabled(String probe) {
        List<TraceListener> l = listeners.get(probe);
        return l != null && !l.isEmpty();
    }

    /** Reports a hit now; {@code kv} alternates argument names and values. */
    public void hit(String probe, int cpu, Object... kv) {
        List<TraceListener> l = listeners.get(probe);
        if (l == null || l.isEmpty()) {
            return;
        }
        deliver(l, probe, clock.getAsLong(), cpu, kv);
    }

    /**
     * The probe {@code name} as a handle for a hot path: {@link Probe#enabled} is one read, so a
     * simulation step that nobody traces costs nothing more.
     */
    public Probe probe(String name) {
        List<TraceListener> l = listeners.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no probe '" + name + "'");
        }
        return new Probe(name, l);
    }

    /** One probe point, held by the code it instruments. */
    public final class Probe {
        private final String name;
        private final List<TraceListener> l;

        private Probe(String name, List<TraceListener> l) {
            this.name = name;
            this.l = l;
        }

        /** Whether anyone listens (check before building the arguments). */
        public boolean enabled() {
            return !l.isEmpty();
        }

        /** Reports a hit at {@code timeNs} since boot (a simulated time), on {@code cpu}. */
        public void hitAt(long timeNs, int cpu, Object... kv) {
            if (!l.isEmpty()) {
                deliver(l, name, timeNs, cpu, kv);
            }
        }
    }

    /** Nanoseconds since this model booted, by its clock. */
    public long now() {
        return clock.getAsLong();
    }

    private static void deliver(List<TraceListener> l, String probe, long timeNs, int cpu, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        TraceEvent e = new TraceEvent(probe, timeNs, cpu, java.util.Collections.unmodifiableMap(args));
        for (TraceListener t : l) {
            try {
                t.hit(e);
            } catch (RuntimeException ignored) {
                // a broken listener must not break the model
            }
        }
    }
}
