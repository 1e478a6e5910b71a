package io.netmodel.shell.ip;

/**
 * iproute2's JSON writer ({@code lib/json_writer.c}): compact by default
 * ({@code {"a":1,"b":[2,3]}}); with {@code -p}, pretty as {@code jsonw_pretty} prints it (four-space
 * indentation, arrays of objects opening as {@code [ {}, {@code [ "a","b" ]} for arrays of strings).
 */
public final class Json {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int depth;
    /** Per depth: whether a member was already written (a comma is due). */
    private final boolean[] started = new boolean[64];
    private final boolean[] isArray = new boolean[64];
    private boolean afterField;

    public Json(boolean pretty) {
        this.pretty = pretty;
    }

    public Json field(String name) {
        sep();
        str(name);
        out.append(pretty ? ": " : ":");
        afterField = true;
        return this;
    }

    public Json string(String s) {
        if (!afterField) {
            sep();
        }
        afterField = false;
        str(s);
        return this;
    }

    public Json number(long n) {
        if (!afterField) {
            sep();
        }
        afterField = false;
        out.append(n);
        return this;
    }

    public Json beginObject() {
        return open('{', false);
    }

    public Json endObject() {
        return close('}');
    }

    public Json beginArray() {
        return open('[', true);
    }

    public Json endArray() {
        return close(']');
    }

    private Json open(char c, boolean array) {
        if (!afterField) {
            sep();
        }
        afterField = false;
        out.append(c);
        depth++;
        started[depth] = false;
        isArray[depth] = array;
        return this;
    }

    private Json close(char c) {
        boolean had = started[depth];
        boolean array = isArray[depth];
        depth--;
        if (pretty && had) {
            if (array) {
                out.append(' ');
            } else {
                out.append('\n').append("    ".repeat(depth));
            }
        }
        out.append(c);
        return this;
    }

    /** The comma before a member, and in pretty mode the line break and indentation of an object member. */
    private void sep() {
        if (depth == 0) {
            return;
        }
        if (started[depth]) {
            out.append(',');
        }
        if (pretty) {
            if (isArray[depth]) {
                if (!started[depth]) {
                    out.append(' ');
                }
            } else {
                out.append('\n').append("    ".repeat(depth));
            }
        }
        started[depth] = true;
    }

    private void str(String s) {
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
