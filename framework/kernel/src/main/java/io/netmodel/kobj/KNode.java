package io.netmodel.kobj;

import io.netmodel.api.vfs.NodeKind;

/**
 * A node of the attribute tree: a directory, an attribute file or a symlink, like a kernfs
 * node. Owned by the model; only touched under the model lock.
 */
public abstract class KNode {
    private final String name;
    private int mode;
    private int uid;
    private int gid;
    private long atimeNanos;
    private long mtimeNanos;
    private long ctimeNanos;
    KDir parent;

    KNode(String name, int mode, long mtimeNanos) {
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("bad node name '" + name + "'");
        }
        this.name = name;
        this.mode = mode;
        this.atimeNanos = mtimeNanos;
        this.mtimeNanos = mtimeNanos;
        this.ctimeNanos = mtimeNanos;
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

    public long atimeNanos() {
        return atimeNanos;
    }

    public long ctimeNanos() {
        return ctimeNanos;
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    /** For {@link #setattr}: leave that time alone. */
    static final long KEEP = Long.MIN_VALUE;

    /**
     * A setattr {@link KSetattr} allowed: mode (or -1), owner (or -1 each), times (or
     * {@link #KEEP} each); the change time becomes {@code now}.
     */
    void setattr(int newMode, int newUid, int newGid, long atime, long mtime, long now) {
        if (newMode >= 0) {
            mode = newMode;
        }
        if (newUid >= 0) {
            uid = newUid;
        }
        if (newGid >= 0) {
            gid = newGid;
        }
        if (atime != KEEP) {
            atimeNanos = atime;
        }
        if (mtime != KEEP) {
            mtimeNanos = mtime;
        }
        ctimeNanos = now;
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
