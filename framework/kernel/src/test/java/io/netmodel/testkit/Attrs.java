package io.netmodel.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** A netdev genl request's attributes from name/value pairs, as {@code ynl --json} sends them. */
public final class Attrs {
    private Attrs() {
    }

    /** {@code of("id", 258, "defer-hard-irqs", 100)}. */
    public static Map<String, Long> of(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }
}
