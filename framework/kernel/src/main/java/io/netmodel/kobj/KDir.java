package io.netmodel.kobj;

import io.netmodel.api.vfs.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A directory (mode 0755 in sysfs, 0555 in /proc). Children keep creation order. */
public final class KDir extends KNode {
    private final Map<String, KNode> children = new LinkedHashMap<>();
    private final KTree tree;

    KDir(KTree tree, String name, int mode, long mtimeNanos) {
        super(name, mode, mtimeNanos);
        this.tree = tree;
    }

    /** The root directory of a tree. */
    static KDir root(KTree tree) {
        return new KDir(tree, "root", 0555, tree.nowNanos());
    }

    @Override
    public NodeKind kind() {
        return NodeKind.DIRECTORY;
    }

    @Override
    public long size() {
        return 0;
    }

    public KNode child(String name) {
        return children.get(name);
    }

    public List<String> names() {
        return new ArrayList<>(children.keySet());
    }

    public List<KNode> children() {
        return new ArrayList<>(children.values());
    }

    /** The subdirectory {@code name}, created with {@code mode} if missing. */
    public KDir dir(String name, int mode) {
        KNode existing = children.get(name);
        if (existing instanceof KDir d) {
            return d;
        }
        if (existing != null) {
            throw new IllegalStateException(path() + "/" + name + " exists and is not a directory");
        }
        return add(new KDir(tree, name, mode, tree.nowNanos()));
    }

    /** A sysfs-style directory (0755). */
    public KDir dir(String name) {
        return dir(name, 0755);
    }

    /** Adds a node; a name may exist only once, as in kernfs ({@code -EEXIST}). */
    public <N extends KNode> N add(N node) {
        if (children.containsKey(node.name())) {
            throw new IllegalStateException(path() + "/" + node.name() + " already exists");
        }
        node.parent = this;
        children.put(node.name(), node);
        tree.changed();
        return node;
    }

    /** Adds a symlink to the absolute tree path {@code target}, stored relative like sysfs. */
    public KLink link(String name, String target) {
        return add(new KLink(name, KLink.relative(path() + "/" + name, target), tree.nowNanos()));
    }

    /** Adds an attribute file. */
    public KAttr attr(String name, int mode, KAttr.Flavor flavor, KAttr.Show show, KAttr.Store store) {
        return add(new KAttr(name, mode, flavor, show, store, tree.nowNanos()));
    }

    /** Removes a child and everything under it (kernfs_remove). Missing names are ignored. */
    public void remove(String name) {
        KNode node = children.remove(name);
        if (node != null) {
            node.parent = null;
            tree.changed();
        }
    }
}
