package io.netmodel.shell.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.DirEntry;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code netmodel ls} on a small fake tree; the output is what GNU ls prints for the same tree (checked by hand). */
class LsCommandTest {
    /** /sys/class/net/{eth0 -> ../../devices/eth0, lo -> ../../devices/lo, bonding_masters}; /sys/devices/{eth0,lo}/{mtu,queues/}. */
    static final class Fs implements VirtualFs {
        static final Map<String, NodeKind> KIND = Map.ofEntries(
            Map.entry("/", NodeKind.DIRECTORY), Map.entry("/sys", NodeKind.DIRECTORY),
            Map.entry("/sys/class", NodeKind.DIRECTORY), Map.entry("/sys/class/net", NodeKind.DIRECTORY),
            Map.entry("/sys/class/net/eth0", NodeKind.SYMLINK), Map.entry("/sys/class/net/lo", NodeKind.SYMLINK),
            Map.entry("/sys/class/net/bonding_masters", NodeKind.FILE), Map.entry("/sys/devices", NodeKind.DIRECTORY),
            Map.entry("/sys/devices/eth0", NodeKind.DIRECTORY), Map.entry("/sys/devices/eth0/mtu", NodeKind.FILE),
            Map.entry("/sys/devices/eth0/queues", NodeKind.DIRECTORY), Map.entry("/sys/devices/lo", NodeKind.DIRECTORY));

        static String follow(String path) {
            return path.replace("/sys/class/net/eth0", "/sys/devices/eth0").replace("/sys/class/net/lo", "/sys/devices/lo");
        }

        @Override
        public NodeStat stat(String path) throws VfsException {
            NodeKind k = KIND.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            if (k == null) {
                throw new VfsException(Errno.ENOENT);
            }
            return new NodeStat(k, 0755, 0, 0, 0, 0);
        }

        @Override
        public List<String> list(String path) throws VfsException {
            return readdir(path).stream().map(DirEntry::name).toList();
        }

        @Override
        public List<DirEntry> readdir(String path) throws VfsException {
            String dir = follow(path);
            if (stat(dir).kind() != NodeKind.DIRECTORY) {
                throw new VfsException(Errno.ENOTDIR);
            }
            String prefix = dir.equals("/") ? "/" : dir + "/";
            List<DirEntry> out = new ArrayList<>();
            KIND.forEach((p, k) -> {
                if (p.startsWith(prefix) && p.length() > prefix.length() && p.indexOf('/', prefix.length()) < 0) {
                    out.add(new DirEntry(p.substring(prefix.length()), k));
                }
            });
            return out; // unsorted, as a directory's order need not be
        }

        @Override
        public String readlink(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OpenFile open(String path, boolean write, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void access(String path, int mask, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public void chmod(String path, int mode, io.netmodel.api.vfs.Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void chown(String path, int uid, int gid, io.netmodel.api.vfs.Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void utimens(String path, long atime, long mtime, io.netmodel.api.vfs.Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addChangeListener(Runnable listener) {
            // This tree never changes.
        }
    }

    record Out(int code, String out, String err) {
    }

    static Out ls(String... args) {
        LsCommand cmd = new LsCommand();
        new CommandLine(cmd).parseArgs(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cmd.list(new Fs(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Out(code, out.toString(), err.toString());
    }

    @Test
    void one_name_per_line_sorted() {
        assertEquals(new Out(0, "bonding_masters\neth0\nlo\n", ""), ls("/sys/class/net"));
        assertEquals(new Out(0, "sys\n", ""), ls());
    }

    @Test
    void p_marks_directories_and_L_counts_links_to_them() {
        assertEquals(new Out(0, "bonding_masters\neth0\nlo\n", ""), ls("-p", "/sys/class/net"));
        assertEquals(new Out(0, "bonding_masters\neth0/\nlo/\n", ""), ls("-pL", "/sys/class/net"));
        assertEquals(new Out(0, "mtu\nqueues/\n", ""), ls("-p", "/sys/class/net/eth0"), "a link operand is listed as its directory");
    }

    @Test
    void several_operands_files_first_then_headed_directories() {
        assertEquals(new Out(0, "/sys/devices/eth0/mtu\n\n/sys/class:\nnet\n\n/sys/devices/lo:\n", ""),
            ls("/sys/devices/lo", "/sys/devices/eth0/mtu", "/sys/class"));
    }

    @Test
    void a_missing_operand_is_reported_the_others_listed_exit_2() {
        // GNU ls 9.1: 'ls /nonexist lst' prints "lst:" and its entries, the error on stderr, exit 2
        assertEquals(new Out(2, "/sys/class:\nnet\n", "ls: cannot access '/nope': No such file or directory\n"), ls("/nope", "/sys/class"));
    }
}
