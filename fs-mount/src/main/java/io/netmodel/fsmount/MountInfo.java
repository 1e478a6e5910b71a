package io.netmodel.fsmount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/self/mountinfo}, found by mount point. The only reliable way to see
 * a FUSE mount whose server died: {@code mountpoint(1)} says "not a mountpoint" because
 * {@code stat} fails with ENOTCONN.
 *
 * @param mountPoint the mount point, unescaped
 * @param fsType e.g. {@code fuse.netmodel}
 * @param source e.g. {@code netmodel}
 */
public record MountInfo(Path mountPoint, String fsType, String source) {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** The mount at exactly {@code mountPoint}, if any (the last one wins, as in the kernel). */
    public static Optional<MountInfo> find(Path mountPoint) {
        List<String> lines;
        try {
            lines = Files.readAllLines(MOUNTINFO);
        } catch (IOException e) {
            return Optional.empty();
        }
        String wanted = mountPoint.toAbsolutePath().normalize().toString();
        MountInfo found = null;
        for (String line : lines) {
            MountInfo m = parse(line);
            if (m != null && m.mountPoint.toString().equals(wanted)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Parses a mountinfo line: fields 5 (mount point), then after " - ": type and source. */
    static MountInfo parse(String line) {
        String[] fields = line.split(" ");
        int dash = -1;
        for (int i = 6; i < fields.length; i++) {
            if (fields[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) {
            return null;
        }
        return new MountInfo(Path.of(unescape(fields[4])), fields[dash + 1], unescape(fields[dash + 2]));
    }

    /** mountinfo escapes space, tab, newline and backslash as {@code \ooo}. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                String oct = s.substring(i + 1, i + 4);
                if (oct.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
                    sb.append((char) Integer.parseInt(oct, 8));
                    i += 3;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
