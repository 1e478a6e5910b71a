package io.netmodel.shell.cmd;

import io.netmodel.api.vfs.DirEntry;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.shell.Daemon;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ls -1} through the model's file tree in-process (with or without a FUSE mount); the
 * shell's completion lists directories with it. Output follows GNU coreutils' {@code ls} when
 * it does not write to a terminal: one name per line, sorted bytewise (as in the C locale),
 * file operands first, then each directory operand under a {@code DIR:} heading when there
 * are several operands. A symlink operand to a directory is listed as that directory, as GNU
 * ls does without {@code -l}. Errors and exit code 2 follow {@code ls.c} (recalled, not
 * checked against its source): {@code ls: cannot access 'P': ...}, {@code ls: cannot open
 * directory 'P': ...}.
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
    description = "List model directories like 'ls -1' (paths inside the mount), without FUSE.",
    footer = {"", "Examples:",
        "  netmodel ls /sys/class/net",
        "  netmodel ls -p /sys/class/net/eth0     directories end in /",
        "  netmodel ls -pL /sys/class/net         and links to directories: eth0/ lo/"})
public final class LsCommand extends ModelCommand {
    @Option(names = "-p", description = "Append / to directory names (ls --indicator-style=slash).")
    boolean slash;

    @Option(names = "-L", description = "Follow symbolic links: a link to a directory is shown as one (ls --dereference).")
    boolean dereference;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Absolute paths inside the model (default: /).")
    List<String> paths = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        return list(daemon.host().fs(), out, err);
    }

    /** The listing of {@link #paths} in {@code fs}; returns ls's exit code. */
    int list(VirtualFs fs, PrintWriter out, PrintWriter err) {
        List<String> operands = paths.isEmpty() ? List.of("/") : paths;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        int code = 0;
        for (String p : operands) {
            NodeStat st;
            try {
                st = fs.stat(p);
            } catch (VfsException e) {
                err.println("ls: cannot access '" + p + "': " + e.getMessage());
                code = 2;
                continue;
            }
            boolean dir = st.kind() == NodeKind.DIRECTORY || st.kind() == NodeKind.SYMLINK && isDir(fs, p);
            (dir ? dirs : files).add(p);
        }
        files.sort(Comparator.naturalOrder());
        dirs.sort(Comparator.naturalOrder());
        boolean printed = false;
        for (String f : files) {
            out.println(f);
            printed = true;
        }
        for (String d : dirs) {
            if (operands.size() > 1) {
                if (printed) {
                    out.println();
                }
                out.println(d + ":");
            }
            try {
                List<DirEntry> entries = new ArrayList<>(fs.readdir(d));
                entries.sort(Comparator.comparing(DirEntry::name));
                for (DirEntry e : entries) {
                    if (e.name().equals(".") || e.name().equals("..")) {
                        continue;
                    }
                    out.println(e.name() + (slash && shownAsDir(fs, d, e) ? "/" : ""));
                }
            } catch (VfsException e) {
                err.println("ls: cannot open directory '" + d + "': " + e.getMessage());
                code = 2;
            }
            printed = true;
        }
        out.flush();
        return code;
    }

    private boolean shownAsDir(VirtualFs fs, String dir, DirEntry e) {
        return e.kind() == NodeKind.DIRECTORY
            || dereference && e.kind() == NodeKind.SYMLINK && isDir(fs, (dir.endsWith("/") ? dir : dir + "/") + e.name());
    }

    /** Whether {@code path}, its symlinks followed, is a directory. */
    private static boolean isDir(VirtualFs fs, String path) {
        try {
            fs.list(path);
            return true;
        } catch (VfsException e) {
            return false;
        }
    }
}
