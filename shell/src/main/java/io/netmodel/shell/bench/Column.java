package io.netmodel.shell.bench;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named scalar of a run: one JSON member and one CSV column, so both formats carry the same
 * names in the same order. A value is a {@link Long}, a {@link BigDecimal}, a {@link String} or
 * null (no value: JSON {@code null}, an empty CSV cell).
 *
 * @param inJson whether a given run's JSON object has this member (CSV keeps every column)
 */
public record Column<T>(String name, Function<T, Object> value, Predicate<T> inJson) {
    public static <T> Column<T> of(String name, Function<T, Object> value) {
        return new Column<>(name, value, t -> true);
    }

    public static <T> Column<T> when(Predicate<T> inJson, String name, Function<T, Object> value) {
        return new Column<>(name, value, inJson);
    }

    /** Writes this column of {@code row} as a JSON member. */
    void writeJson(JsonWriter json, T row) {
        json.name(name);
        Object v = value.apply(row);
        if (v == null) {
            json.nullValue();
        } else if (v instanceof Long n) {
            json.value(n.longValue());
        } else if (v instanceof BigDecimal d) {
            json.value(d);
        } else if (v instanceof String s) {
            json.value(s);
        } else {
            throw new IllegalStateException(name + ": unsupported value " + v.getClass());
        }
    }

    /** This column of {@code row} as a CSV cell (quoted when it must be). */
    String csvCell(T row) {
        Object v = value.apply(row);
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
