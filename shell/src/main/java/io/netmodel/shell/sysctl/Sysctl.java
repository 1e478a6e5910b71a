package io.netmodel.shell.sysctl;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * procps-ng 4.0.2's {@code sysctl} ({@code sysctl.c}: {@code ReadSetting}, {@code WriteSetting},
 * {@code DisplayAll}, {@code Preload}) over a {@link VirtualFs} holding {@code /proc/sys}: the same
 * key spelling, output, messages and exit status. Output and messages go to the two builders;
 * {@link #run} returns the exit status.
 */
public final class Sysctl {
    static final String PROC = "/proc/sys/";

    /** The options of one run. */
    static final class Options {
        boolean all;
        boolean binary;
        boolean ignore;
        boolean namesOnly;
        boolean valuesOnly;
        boolean quiet;
        boolean write;
        boolean dryRun;
        boolean json;
        Pattern pattern;
        boolean load;
        List<String> files = new ArrayList<>();
        List<String> keys = new ArrayList<>();
    }

    private final VirtualFs fs;
    private final Options o;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    /** For {@code --json}: every key read or written, in order, with its value. */
    private final Map<String, String> json = new LinkedHashMap<>();

    Sysctl(VirtualFs fs, Options o) {
        this.fs = fs;
        this.o = o;
    }

    String out() {
        if (o.json) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, String> e : json.entrySet()) {
                sb.append(first ? "\n  " : ",\n  ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
                first = false;
            }
            return sb.append(first ? "}\n" : "\n}\n").toString();
        }
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** One whole invocation after option parsing; the exit status. */
    int run(FileSource files) {
        if (o.load) {
            int rc = 0;
            for (String f : o.files.isEmpty() ? List.of("/etc/sysctl.conf") : o.files) {
                rc |= preload(f, files);
            }
            return rc;
        }
        if (o.all) {
            displayAll(PROC);
            return 0;
        }
        if (o.keys.isEmpty()) {
            err.append("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
            return 1;
        }
        int rc = 0;
        for (String key : o.keys) {
            if (o.write || key.contains("=")) {
                if (!key.contains("=")) {
                    err.append("sysctl: command line(0): invalid syntax, continuing...\n");
                    rc = 1;
                    continue;
                }
                rc |= write(key);
            } else {
                rc |= read(key);
            }
        }
        return rc;
    }

    /** Reads the files behind {@code -p}: the launcher hands them over by absolute path. */
    @FunctionalInterface
    interface FileSource {
        String read(String path) throws java.io.IOException;
    }

    /**
     * {@code Preload}: the file is parsed first (comments {@code #}/{@code ;}, blank lines,
     * {@code name = value}, a leading {@code -}), each line without {@code =} reported as
     * invalid syntax; then the settings are written in order.
     */
    private int preload(String file, FileSource files) {
        String text;
        try {
            text = files.read(file);
        } catch (java.io.IOException e) {
            err.append("sysctl: cannot open \"").append(file).append("\": No such file or directory\n");
            return 1;
        }
        int rc = 0;
        List<String> settings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("-")) {
                line = line.substring(1);
            }
            if (!line.contains("=")) {
                err.append("sysctl: ").append(file).append('(').append(n + 1).append("): invalid syntax, continuing...\n");
                continue;
            }
            settings.add(line);
        }
        for (String s : settings) {
            rc |= write(s);
        }
        return rc;
    }

    /** {@code name.with.dots} or {@code name/with/slashes} to the file under /proc/sys. */
    static String path(String key) {
        if (key.contains("/")) {
            return PROC + key;
        }
        return PROC + key.replace('.', '/');
    }

    /** A key as sysctl prints it: slashes as dots. */
    static String dotted(String key) {
        return key.replace('/', '.');
    }

    private int read(String key) {
        String path = path(key);
        NodeStat st;
        try {
            st = fs.stat(path);
        } catch (VfsException e) {
            if (e.errno() == Errno.ENOENT && o.ignore) {
                return 0;
            }
            err.append("sysctl: cannot stat ").append(path).append(": ").append(Errno.strerror(e.errno())).append('\n');
            return 1;
        }
        if (st.kind() == NodeKind.DIRECTORY) {
            displayAll(path.endsWith("/") ? path : path + "/");
            return 0;
        }
        if (o.pattern != null && !o.pattern.matcher(dotted(key)).find()) {
            return 0;
        }
        return show(dotted(key), path);
    }

    /** {@code ReadSetting} of one file: {@code name = value} per line, or {@code -n}/{@code -N}/{@code -b} forms. */
    private int show(String name, String path) {
        if (o.namesOnly) {
            out.append(name).append('\n');
            json.put(name, "");
            return 0;
        }
        String value;
        try {
            value = readAll(path);
        } catch (VfsException e) {
            if (e.errno() == Errno.EACCES) {
                err.append("sysctl: permission denied on key '").append(name).append("'\n");
            } else {
                err.append("sysctl: reading key \"").append(name).append("\": ").append(Errno.strerror(e.errno())).append('\n');
            }
            return 1;
        }
        json.put(name, value.endsWith("\n") ? value.substring(0, value.length() - 1) : value);
        if (o.binary) {
            out.append(value.endsWith("\n") ? value.substring(0, value.length() - 1) : value);
            return 0;
        }
        if (value.isEmpty()) {
            value = "\n";
        }
        for (String line : value.split("\n")) {
            if (o.valuesOnly) {
                out.append(line).append('\n');
            } else {
                out.append(name).append(" = ").append(line).append('\n');
            }
        }
        return 0;
    }

    /**
     * {@code WriteSetting}: {@code name=value} with white space around both trimmed; the value is
     * written with a newline; the new setting is echoed unless {@code -q}.
     */
    private int write(String setting) {
        int eq = setting.indexOf('=');
        String key = setting.substring(0, eq).strip();
        String value = setting.substring(eq + 1).strip();
        if (key.isEmpty()) {
            err.append("sysctl: Path is not under /proc/sys/: /proc/sys/\n");
            return 1;
        }
        String path = path(key);
        String name = dotted(key);
        try {
            NodeStat st = fs.stat(path);
            if (st.kind() == NodeKind.DIRECTORY) {
                err.append("sysctl: setting key \"").append(name).append("\": Is a directory\n");
                return 1;
            }
        } catch (VfsException e) {
            if (e.errno() == Errno.ENOENT && o.ignore) {
                return 0;
            }
            err.append("sysctl: cannot stat ").append(path).append(": ").append(Errno.strerror(e.errno())).append('\n');
            return 1;
        }
        if (!o.dryRun) {
            try {
                OpenFile f = fs.open(path, true, Caller.ROOT);
                try {
                    f.write((value + "\n").getBytes(StandardCharsets.UTF_8), 0);
                } finally {
                    f.release();
                }
            } catch (VfsException e) {
                if (e.errno() == Errno.EACCES) {
                    err.append("sysctl: permission denied on key \"").append(name).append("\"\n");
                } else {
                    err.append("sysctl: setting key \"").append(name).append("\": ").append(Errno.strerror(e.errno())).append('\n');
                }
                return 1;
            }
        }
        json.put(name, value);
        if (!o.quiet) {
            if (o.namesOnly) {
                out.append(name).append('\n');
            } else if (o.valuesOnly) {
                out.append(value).append('\n');
            } else {
                out.append(name).append(" = ").append(value).append('\n');
            }
        }
        return 0;
    }

    /** {@code DisplayAll}: every file below {@code dir}, names in byte order, directories recursed. */
    private void displayAll(String dir) {
        List<String> names;
        try {
            names = new ArrayList<>(fs.list(dir.substring(0, dir.length() - 1)));
        } catch (VfsException e) {
            return;
        }
        names.sort(null);
        for (String n : names) {
            String p = dir + n;
            try {
                NodeStat st = fs.stat(p);
                if (st.kind() == NodeKind.DIRECTORY) {
                    displayAll(p + "/");
                } else if (st.kind() == NodeKind.FILE && (st.mode() & 0444) != 0) {
                    String name = dotted(p.substring(PROC.length()));
                    if (o.pattern == null || o.pattern.matcher(name).find()) {
                        show(name, p);
                    }
                }
            } catch (VfsException e) {
                // vanished while listing: skipped, as readdir races are
            }
        }
    }

    private String readAll(String path) throws VfsException {
        OpenFile f = fs.open(path, false, Caller.ROOT);
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                byte[] chunk = f.read(buf.size(), 131072);
                if (chunk.length == 0) {
                    return buf.toString(StandardCharsets.ISO_8859_1);
                }
                buf.writeBytes(chunk);
            }
        } finally {
            f.release();
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
