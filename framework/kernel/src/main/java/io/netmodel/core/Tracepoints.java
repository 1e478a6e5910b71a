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
    public static final String REGISTER_NETDEV = "register_netdev";
    public static final String UNREGISTER_NETDEV = "unregister_netdev";
    public static final String REQUEST_IRQ = "request_irq";
    public static final String FREE_IRQ = "free_irq";

    private final Map<String, List<TraceListener>> listeners = new TreeMap<>();
    private final LongSupplier clock;

    public Tracepoints(LongSupplier nanosSinceBoot) {
        this.clock = nanosSinceBoot;
        for (String p : List.of(NETIF_NAPI_ADD, NAPI_HASH_ADD, NETIF_NAPI_DEL, REGISTER_NETDEV, UNREGISTER_NETDEV,
            REQUEST_IRQ, FREE_IRQ)) {
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

    /** Reports a hit; {@code kv} alternates argument names and values. */
    public void hit(String probe, int cpu, Object... kv) {
        List<TraceListener> l = listeners.get(probe);
        if (l == null || l.isEmpty()) {
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        TraceEvent e = new TraceEvent(probe, clock.getAsLong(), cpu, java.util.Collections.unmodifiableMap(args));
        for (TraceListener t : l) {
            try {
                t.hit(e);
            } catch (RuntimeException ignored) {
                // a broken listener must not break the model
            }
        }
    }
}
