package io.netmodel.kobj;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The attribute tree: the one source of truth for every file netmodel serves. Concepts add
 * their directories and attribute tables here (like kobjects and {@code sysfs_create_group});
 * fs-mount and the shell read it through {@link TreeFs}.
 */
public final class KTree {
    /** Resolved paths kept at most (an LRU): enough for a scrape's working set, bounded for big hosts. */
    static final int RESOLVED_MAX = 8192;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, KNode> resolved = lru();
    private final Map<String, KNode> resolvedFollow = lru();
    private final LongSupplier wallClockNanos;
    private final KDir root;

    public KTree(LongSupplier wallClockNanos) {
        this.wallClockNanos = wallClockNanos;
        this.root = KDir.root(this);
    }

    public KTree() {
        this(() -> System.currentTimeMillis() * 1_000_000L);
    }

    public KDir root() {
        return root;
    }

    long nowNanos() {
        return wallClockNanos.getAsLong();
    }

    void changed() {
        generation.incrementAndGet();
        resolved.clear();
        resolvedFollow.clear();
    }

    /** Bumped whenever a node is added or removed; readable without the model lock. */
    public long generation() {
        return generation.get();
    }

    /**
     * The directory at {@code path}, creating missing ones like {@code mkdir -p}, with the modes
     * of a real host: the {@code /sys} and {@code /proc} mount roots and every procfs directory
     * are 0555, sysfs directories 0755.
     */
    public KDir mkdirs(String path) {
        KDir dir = root;
        boolean proc = path.startsWith("/proc");
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                dir = dir.dir(part, proc || dir == root ? 0555 : 0755);
            }
        }
        return dir;
    }

    /**
     * The node at {@code path} without following symlinks in the last component. Symlinks in
     * earlier components are followed (FUSE never sends those: the kernel resolves them; the
     * in-process shell does).
     */
    public KNode lookup(String path) throws VfsException {
        return cached(resolved, path, false);
    }

    /** {@link #lookup}, or null when nothing is at {@code path}. */
    public KNode find(String path) {
        try {
            return lookup(path);
        } catch (VfsException e) {
            return null;
        }
    }

    /** Like {@link #lookup} but follows a final symlink too ({@code stat} rather than {@code lstat}). */
    public KNode lookupFollow(String path) throws VfsException {
        return cached(resolvedFollow, path, true);
    }

    /**
     * A path resolved before and not changed since (every add or remove empties the caches):
     * one hash lookup instead of a walk through each component and symlink, which was most of
     * the model's time per FUSE call. Misses are not kept: they throw.
     */
    private KNode cached(Map<String, KNode> cache, String path, boolean followLast) throws VfsException {
        KNode n = cache.get(path);
        if (n == null) {
            n = resolve(path, followLast, 0);
            cache.put(path, n);
        }
        return n;
    }

    private static Map<String, KNode> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KNode> eldest) {
                return size() > RESOLVED_MAX;
            }
        };
    }

    private KNode resolve(String path, boolean followLast, int depth) throws VfsException {
        if (depth > 40) {
            throw new VfsException(40); // ELOOP
        }
        if (!path.startsWith("/")) {
            throw new VfsException(Errno.ENOENT);
        }
        String[] parts = path.split("/");
        KNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!(node instanceof KDir dir)) {
                throw new VfsException(Errno.ENOTDIR);
            }
            if (part.equals("..")) {
                node = dir.parent() == null ? dir : dir.parent();
                continue;
            }
            KNode next = dir.child(part);
            if (next == null) {
                throw new VfsException(Errno.ENOENT);
            }
            boolean last = isLast(parts, i);
            if (next instanceof KLink link && (!last || followLast)) {
                String base = dir.path();
                next = resolve(base + "/" + link.target(), true, depth + 1);
            }
            node = next;
        }
        return node;
    }

    private static boolean isLast(String[] parts, int i) {
        for (int j = i + 1; j < parts.length; j++) {
            if (!parts[j].isEmpty() && !parts[j].equals(".")) {
                return false;
            }
        }
        return true;
    }
}
