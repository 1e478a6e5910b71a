package io.netmodel.kobj;

import io.netmodel.api.vfs.NodeKind;

/** A symlink, e.g. {@code /sys/class/net/eth0 -> ../../devices/.../net/eth0}. */
public final class KLink extends KNode {
    private final String target;

    KLink(String name, String target, long mtimeNanos) {
        super(name, 0777, mtimeNanos);
        this.target = target;
    }

    @Override
    public NodeKind kind() {
        return NodeKind.SYMLINK;
    }

    @Override
    public long size() {
        return 0;
    }

    /** The link text, relative as sysfs writes it. */
    public String target() {
        return target;
    }

    /**
     * The relative path from the directory holding {@code linkPath} to {@code target}, as
     * {@code kernfs_get_target_path} builds it: go up to the nearest <em>strict</em> ancestor
     * of the target, then down. So a link to an ancestor still names it: {@code eth0/device}
     * pointing at {@code virtio0} reads {@code ../../../virtio0}, never {@code ../../}.
     */
    static String relative(String linkPath, String target) {
        String[] from = linkPath.substring(1).split("/");
        String[] to = target.substring(1).split("/");
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            sb.append("../");
        }
        for (int i = common; i < to.length; i++) {
            sb.append(to[i]);
            if (i < to.length - 1) {
                sb.append('/');
            }
        }
        return sb.toString();
    }
}
