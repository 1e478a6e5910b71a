package io.netmodel.shell;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;

/** Every path of a model's tree with its kind and content (or read errno), for comparing states. */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Walks the tree; files named in {@code volatileNames} are listed but not read. */
    static TreeMap<String, String> take(VirtualFs fs, Set<String> volatileNames) throws VfsException {
        TreeMap<String, String> all = new TreeMap<>();
        walk(fs, "", all, volatileNames);
        return all;
    }

    private static void walk(VirtualFs fs, String dir, TreeMap<String, String> all, Set<String> volatileNames)
        throws VfsException {
        for (String name : fs.list(dir.isEmpty() ? "/" : dir)) {
            String path = dir + "/" + name;
            NodeStat st = fs.stat(path);
            if (st.kind() == NodeKind.DIRECTORY) {
                all.put(path, "dir " + Integer.toOctalString(st.mode()));
                walk(fs, path, all, volatileNames);
            } else if (st.kind() == NodeKind.SYMLINK) {
                all.put(path, "-> " + fs.readlink(path));
            } else if (volatileNames.contains(name)) {
                all.put(path, "file " + Integer.toOctalString(st.mode()));
            } else {
                all.put(path, "file " + Integer.toOctalString(st.mode()) + " " + read(fs, path));
            }
        }
    }

    private static String read(VirtualFs fs, String path) {
        try {
            OpenFile f = fs.open(path, false, Caller.ROOT);
            try {
                return new String(f.read(0, 1 << 20), StandardCharsets.UTF_8);
            } finally {
                f.release();
            }
        } catch (VfsException e) {
            return "errno " + e.errno();
        }
    }
}
