package io.netmodel.shell.cmd.ynl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.loads} (CPython 3.11 {@code json/decoder.py} and {@code scanner.py}):
 * the values it returns (dict in key order, list, int as {@link BigInteger}, float as
 * {@link Double}, str, bool, None as {@code null}) and, for bad input, its
 * {@code JSONDecodeError} messages and positions ({@code "Expecting value: line 1 column 13
 * (char 12)"}).
 */
final class PyJson {
    /** {@code json.decoder.JSONDecodeError}. */
    static final class DecodeError extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeError(String msg, String doc, int pos) {
            super(msg + ": " + location(doc, pos), null, false, false);
        }

        private static String location(String doc, int pos) {
            int line = 1;
            int lastNl = -1;
            for (int i = 0; i < pos && i < doc.length(); i++) {
                if (doc.charAt(i) == '\n') {
                    line++;
                    lastNl = i;
                }
            }
            return "line " + line + " column " + (pos - lastNl) + " (char " + pos + ")";
        }
    }

    private final String s;

    private PyJson(String s) {
        this.s = s;
    }

    static Object loads(String text) throws DecodeError {
        PyJson p = new PyJson(text);
        int[] end = new int[1];
        Object v = p.value(p.ws(0), end);
        int after = p.ws(end[0]);
        if (after != text.length()) {
            throw new DecodeError("Extra data", text, after);
        }
        return v;
    }

    private int ws(int i) {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private Object value(int i, int[] end) throws DecodeError {
        if (i >= s.length()) {
            throw new DecodeError("Expecting value", s, i);
        }
        char c = s.charAt(i);
        switch (c) {
            case '"':
                return string(i, end);
            case '{':
                return object(i + 1, end);
            case '[':
                return array(i + 1, end);
            default:
                break;
        }
        for (String lit : new String[] {"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
            if (s.startsWith(lit, i)) {
                end[0] = i + lit.length();
                switch (lit) {
                    case "null": return null;
                    case "true": return Boolean.TRUE;
                    case "false": return Boolean.FALSE;
                    case "NaN": return Double.NaN;
                    case "Infinity": return Double.POSITIVE_INFINITY;
                    default: return Double.NEGATIVE_INFINITY;
                }
            }
        }
        return number(i, end);
    }

    /** {@code NUMBER_RE = (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?}. */
    private Object number(int i, int[] end) throws DecodeError {
        int j = i;
        if (j < s.length() && s.charAt(j) == '-') {
            j++;
        }
        if (j >= s.length() || !digit(s.charAt(j))) {
            throw new DecodeError("Expecting value", s, i);
        }
        if (s.charAt(j) == '0') {
            j++;
        } else {
            while (j < s.length() && digit(s.charAt(j))) {
                j++;
            }
        }
        boolean real = false;
        if (j + 1 < s.length() && s.charAt(j) == '.' && digit(s.charAt(j + 1))) {
            real = true;
            j += 2;
            while (j < s.length() && digit(s.charAt(j))) {
                j++;
            }
        }
        if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k < s.length() && digit(s.charAt(k))) {
                real = true;
                while (k < s.length() && digit(s.charAt(k))) {
                    k++;
                }
                j = k;
            }
        }
        end[0] = j;
        String text = s.substring(i, j);
        return real ? (Object) Double.valueOf(text) : new BigInteger(text);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code py_scanstring}: {@code i} is the opening quote. */
    private String string(int i, int[] end) throws DecodeError {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= s.length()) {
                throw new DecodeError("Unterminated string starting at", s, i);
            }
            char c = s.charAt(j);
            if (c == '"') {
                end[0] = j + 1;
                return sb.toString();
            }
            if (c < 0x20) {
                throw new DecodeError("Invalid control character at", s, j);
            }
            if (c != '\\') {
                sb.append(c);
                j++;
                continue;
            }
            if (j + 1 >= s.length()) {
                throw new DecodeError("Unterminated string starting at", s, i);
            }
            char e = s.charAt(j + 1);
            String simple = "\"\\/bfnrt";
            int k = simple.indexOf(e);
            if (k >= 0) {
                sb.append("\"\\/\b\f\n\r\t".charAt(k));
                j += 2;
            } else if (e == 'u') {
                String hex = j + 6 <= s.length() ? s.substring(j + 2, j + 6) : "";
                if (!hex.matches("[0-9a-fA-F]{4}")) {
                    throw new DecodeError("Invalid \\uXXXX escape", s, j);
                }
                sb.append((char) Integer.parseInt(hex, 16));
                j += 6;
            } else {
                throw new DecodeError("Invalid \\escape", s, j);
            }
        }
    }

    private Map<String, Object> object(int i, int[] end) throws DecodeError {
        Map<String, Object> m = new LinkedHashMap<>();
        i = ws(i);
        if (i < s.length() && s.charAt(i) == '}') {
            end[0] = i + 1;
            return m;
        }
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new DecodeError("Expecting property name enclosed in double quotes", s, i);
            }
            int[] e = new int[1];
            String key = string(i, e);
            i = ws(e[0]);
            if (i >= s.length() || s.charAt(i) != ':') {
                throw new DecodeError("Expecting ':' delimiter", s, i);
            }
            i = ws(i + 1);
            Object v = value(i, e);
            m.put(key, v);
            i = ws(e[0]);
            if (i < s.length() && s.charAt(i) == '}') {
                end[0] = i + 1;
                return m;
            }
            if (i >= s.length() || s.charAt(i) != ',') {
                throw new DecodeError("Expecting ',' delimiter", s, i);
            }
            i = ws(i + 1);
        }
    }

    private List<Object> array(int i, int[] end) throws DecodeError {
        List<Object> l = new ArrayList<>();
        i = ws(i);
        if (i < s.length() && s.charAt(i) == ']') {
            end[0] = i + 1;
            return l;
        }
        while (true) {
            int[] e = new int[1];
            l.add(value(i, e));
            i = ws(e[0]);
            if (i < s.length() && s.charAt(i) == ']') {
                end[0] = i + 1;
                return l;
            }
            if (i >= s.length() || s.charAt(i) != ',') {
                throw new DecodeError("Expecting ',' delimiter", s, i);
            }
            i = ws(i + 1);
        }
    }
}
