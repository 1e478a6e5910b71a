package io.netmodel.shell.bench;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer: fields come out in the order they are written (never a hash map's),
 * numbers as given (no exponent, no locale), two-space indentation, a newline at the end of the
 * document. Same calls, same bytes.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: how many members it has so far. */
    private final Deque<int[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        prefix();
        out.append('{');
        open.push(new int[1]);
        return this;
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        prefix();
        out.append('[');
        open.push(new int[1]);
        return this;
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** The next member's name; its value follows. */
    public JsonWriter name(String name) {
        if (open.isEmpty() || afterName) {
            throw new IllegalStateException("name outside an object: " + name);
        }
        prefix();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) {
            return nullValue();
        }
        prefix();
        string(s);
        return this;
    }

    public JsonWriter value(long n) {
        prefix();
        out.append(n);
        return this;
    }

    public JsonWriter value(BigDecimal n) {
        if (n == null) {
            return nullValue();
        }
        prefix();
        out.append(n.toPlainString());
        return this;
    }

    public JsonWriter value(boolean b) {
        prefix();
        out.append(b);
        return this;
    }

    public JsonWriter nullValue() {
        prefix();
        out.append("null");
        return this;
    }

    /** The document, with a final newline. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out + "\n";
    }

    private JsonWriter close(char c) {
        int[] members = open.pop();
        if (members[0] > 0) {
            newline();
        }
        out.append(c);
        return this;
    }

    /** Separator and indentation before a value or a name (not before a value after its name). */
    private void prefix() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!open.isEmpty()) {
            int[] members = open.peek();
            if (members[0]++ > 0) {
                out.append(',');
            }
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(open.size()));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
