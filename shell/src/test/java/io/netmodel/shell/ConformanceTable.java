package io.netmodel.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case table of {@link ConformanceIT} ({@code conformance.tsv}): one row per write or read,
 * with the bytes to write, the expected outcome and the reference section it comes from. The
 * format is described at the top of the table itself.
 */
final class ConformanceTable {
    static final String RESOURCE = "conformance.tsv";
    static final Set<String> WRITE_OPS = Set.of("w", "a", "w@1");
    static final Set<String> READ_OPS = Set.of("r", "r1");
    private static final Pattern REPEAT = Pattern.compile("\\\\\\{(\\d+)\\*([^}]*)}");
    private static final int SHOWN = 72;

    /** A write done before a case and undone after it. */
    record Setup(String path, byte[] value) {
        Setup resolve(Map<String, String> vars) {
            return new Setup(ConformanceTable.resolve(path, vars), value);
        }
    }

    /**
     * One row. {@code input} is null for reads; {@code expect} is {@code ok} or an errno name;
     * {@code readback} is null ("-"), a literal, or a {@code ~regex}.
     */
    record Case(int line, String path, String op, byte[] input, String expect, String readback, String ref,
                List<Setup> setup) {
        boolean isRead() {
            return READ_OPS.contains(op);
        }

        boolean expectsOk() {
            return expect.equals("ok");
        }

        Case resolve(Map<String, String> vars) {
            return new Case(line, ConformanceTable.resolve(path, vars), op, input, expect, readback, ref,
                setup.stream().map(s -> s.resolve(vars)).toList());
        }

        /** {@code line 12 [§2.3] w sys/class/net/eth0/mtu "9000\n"}. */
        String describe() {
            return "line " + line + " [" + ref + "] " + op + " " + path + (input == null ? "" : " " + show(input))
                + (setup.isEmpty() ? "" : " (after " + String.join("; ",
                    setup.stream().map(s -> s.path() + "=" + show(s.value())).toList()) + ")");
        }

        /** Whether {@code content} is what the readback column asks for. */
        boolean readbackMatches(byte[] content) {
            if (readback.startsWith("~")) {
                return Pattern.compile(readback.substring(1), Pattern.DOTALL)
                    .matcher(new String(content, StandardCharsets.ISO_8859_1)).matches();
            }
            return java.util.Arrays.equals(unescape(readback), content);
        }

        String expectedText() {
            return expect + (readback == null ? "" : " " + (readback.startsWith("~") ? readback : show(unescape(readback))));
        }
    }

    private ConformanceTable() {
    }

    static List<Case> load() throws IOException {
        return load(RESOURCE);
    }

    /** Another table of the same format ({@code conformance-4.4.tsv}: an older release's files). */
    static List<Case> load(String resource) throws IOException {
        try (InputStream in = ConformanceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t+");
            if (f.length < 6 || f.length > 7) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected 6 or 7 fields, got "
                    + f.length + ": " + line);
            }
            String op = f[1];
            if (!WRITE_OPS.contains(op) && !READ_OPS.contains(op)) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": unknown op " + op);
            }
            byte[] input = f[2].equals("-") ? null : unescape(f[2]);
            if ((input == null) != READ_OPS.contains(op)) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": reads take '-', writes an input");
            }
            String readback = f[4].equals("-") ? null : f[4];
            if (f[3].equals("ok") && readback == null) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": ok needs a readback");
            }
            List<Setup> setup = new ArrayList<>();
            if (f.length == 7) {
                for (String item : f[6].split(";")) {
                    int eq = item.indexOf('=');
                    setup.add(new Setup(item.substring(0, eq), unescape(item.substring(eq + 1))));
                }
            }
            cases.add(new Case(i + 1, f[0], op, input, f[3], readback, f[5], List.copyOf(setup)));
        }
        return cases;
    }

    /** Replaces {@code {name}} placeholders. */
    static String resolve(String path, Map<String, String> vars) {
        String p = path;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            p = p.replace("{" + v.getKey() + "}", v.getValue());
        }
        return p;
    }

    /** {@code ""} is empty; {@code \{N*text}} repeats; then {@code \n \t \r \\ \xHH}. */
    static byte[] unescape(String field) {
        if (field.equals("\"\"")) {
            return new byte[0];
        }
        Matcher m = REPEAT.matcher(field);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(expanded, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(expanded);
        String s = expanded.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + field);
            }
        }
        return out.toByteArray();
    }

    /** Bytes as a quoted, escaped string for messages; long values are cut. */
    static String show(byte[] data) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(data.length, SHOWN);
        for (int i = 0; i < n; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> sb.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
            }
        }
        sb.append('"');
        return data.length > n ? sb + "...(" + data.length + " bytes)" : sb.toString();
    }

    /** A bash ANSI-C quoted word ({@code $'...'}) that expands to exactly {@code data}. */
    static String bashBytes(byte[] data) {
        StringBuilder sb = new StringBuilder("$'");
        for (byte value : data) {
            int b = value & 0xff;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "+-_.,:/=@%^ ".indexOf(b) >= 0) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append('\'').toString();
    }
}
