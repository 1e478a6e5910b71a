package io.netmodel.shell.cmd.ynl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How Python shows ynl's replies: {@code repr()} of str/int/dict/list/set/None,
 * {@code pprint.PrettyPrinter().pprint} (width 80, keys sorted, a dict or list that does not
 * fit is broken one item per line with its items indented under the bracket; CPython 3.11
 * {@code pprint.py}), and {@code json.dumps} with ynl's encoder (sets as lists, keys in reply
 * order, separators {@code ", "} and {@code ": "}, {@code ensure_ascii}).
 */
final class PyFormat {
    private static final int WIDTH = 80;

    private PyFormat() {
    }

    /** {@code pprint.pprint(obj)} with its trailing newline. */
    static String pprint(Object obj) {
        StringBuilder sb = new StringBuilder();
        format(obj, sb, 0, 0);
        return sb.append('\n').toString();
    }

    private static void format(Object obj, StringBuilder sb, int indent, int allowance) {
        String rep = repr(obj, true);
        if (rep.length() <= WIDTH - indent - allowance) {
            sb.append(rep);
            return;
        }
        if (obj instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('{');
            List<Map.Entry<String, Object>> items = sorted(m);
            int inner = indent + 1;
            for (int i = 0; i < items.size(); i++) {
                boolean last = i == items.size() - 1;
                String key = repr(items.get(i).getKey(), true);
                sb.append(key).append(": ");
                format(items.get(i).getValue(), sb, inner + key.length() + 2, last ? allowance + 1 : 1);
                if (!last) {
                    sb.append(",\n").append(" ".repeat(inner));
                }
            }
            sb.append('}');
        } else if (obj instanceof List<?> l && !l.isEmpty()) {
            sb.append('[');
            int inner = indent + 1;
            for (int i = 0; i < l.size(); i++) {
                boolean last = i == l.size() - 1;
                format(l.get(i), sb, inner, last ? allowance + 1 : 1);
                if (!last) {
                    sb.append(",\n").append(" ".repeat(inner));
                }
            }
            sb.append(']');
        } else {
            sb.append(rep);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, Object>> sorted(Map<?, ?> m) {
        return new ArrayList<>(new TreeMap<>((Map<String, Object>) m).entrySet());
    }

    /** {@code repr(obj)}; {@code sortDicts} as pprint's {@code _safe_repr} does. */
    static String repr(Object obj, boolean sortDicts) {
        if (obj == null) {
            return "None";
        }
        if (obj instanceof String str) {
            return reprStr(str);
        }
        if (obj instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (obj instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterable<? extends Map.Entry<?, ?>> items = sortDicts ? sorted(m) : m.entrySet();
            boolean first = true;
            for (Map.Entry<?, ?> e : items) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(e.getKey(), sortDicts)).append(": ").append(repr(e.getValue(), sortDicts));
            }
            return sb.append('}').toString();
        }
        if (obj instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(l.get(i), sortDicts));
            }
            return sb.append(']').toString();
        }
        if (obj instanceof Set<?> set) {
            if (set.isEmpty()) {
                return "set()";
            }
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Object o : set) {
                sb.append(first ? "" : ", ").append(repr(o, sortDicts));
                first = false;
            }
            return sb.append('}').toString();
        }
        return obj.toString();
    }

    /** {@code unicode_repr}: single quotes unless the text has one and no double quote. */
    static String reprStr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(q).toString();
    }

    /** {@code json.dumps(obj, cls=YnlEncoder)}. */
    static String dumps(Object obj) {
        if (obj == null) {
            return "null";
        }
        if (obj instanceof String str) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : str.toCharArray()) {
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\b': sb.append("\\b"); break;
                    case '\f': sb.append("\\f"); break;
                    default:
                        if (c < 0x20 || c > 0x7e) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                }
            }
            return sb.append('"').toString();
        }
        if (obj instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (obj instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(dumps(e.getKey())).append(": ").append(dumps(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (obj instanceof Iterable<?> it) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Object o : it) {
                sb.append(first ? "" : ", ").append(dumps(o));
                first = false;
            }
            return sb.append(']').toString();
        }
        return obj.toString();
    }
}
