package io.netmodel.net;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One group of a {@code net/ipv4/proc.c} MIB file ({@code /proc/net/snmp}, {@code /proc/net/netstat}):
 * a line of the group's column names, then a line of its values, each line starting with
 * {@code "Group:"} and each entry with one space ({@code seq_puts(seq, "\nTcp:")} then
 * {@code seq_printf(seq, " %s", ...)}, and again for the values).
 */
final class MibLines {
    private MibLines() {
    }

    /** Appends {@code group}'s two lines for {@code columns}, without a newline before or after. */
    static <T> void pair(StringBuilder sb, String group, List<T> columns, Function<T, String> name,
                         ToLongFunction<T> value) {
        sb.append(group).append(':');
        columns.forEach(c -> sb.append(' ').append(name.apply(c)));
        sb.append('\n').append(group).append(':');
        columns.forEach(c -> sb.append(' ').append(value.applyAsLong(c)));
    }
}
