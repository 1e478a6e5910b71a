package io.netmodel.kobj;

import io.netmodel.api.vfs.NodeKind;

/**
 * A node of the attribute tree: a directory, an attribute file or a symlink, like a kernfs
 * node. Owned by the model; only touched under the model lock.
 */
public abstract class KNode {
    private final String name;
    private final int mode;
    private final long mtimeNanos;
    KDir parent;

    KNode(String name, int mode, long mtimeNanos) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad node name '" + name + "'");
        }
        this.name = name;
        this.mode = mode;
        this.mtimeNanos = mtimeNanos;
    }

    public String name() {
        return name;
    }

    /** Permission bits (e.g. 0644). */
    public int mode() {
        return mode;
    }

    public long mtimeNanos() {
        return mtimeNanos;
    }

    public KDir parent() {
        return parent;
    }

    public abstract NodeKind kind();

    /** {@code st_size}. */
    public abstract long size();

    /** The absolute path of this node inside the tree. */
    public String path() {
        if (parent == null) {
            return "";
        }
        return parent.path() + "/" + name;
    }
}
