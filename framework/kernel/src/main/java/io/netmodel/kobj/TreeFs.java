package io.netmodel.kobj;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.DirEntry;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.core.ModelLock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link VirtualFs} over a {@link KTree}: every call holds the model lock, so it sees one instant. */
public final class TreeFs implements VirtualFs {
    private final KTree tree;
    private final ModelLock lock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Serves {@code tree}; tells {@linkplain #addChangeListener listeners} of every change made under {@code lock}. */
    public TreeFs(KTree tree, ModelLock lock) {
        this.tree = tree;
        this.lock = lock;
        lock.watch(tree::generation, this::changed);
    }

    @Override
    public NodeStat stat(String path) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookup(path);
            return new NodeStat(n.kind(), n.mode(), n.size(), n.uid(), n.gid(), n.mtimeNanos(), n.atimeNanos(),
                n.ctimeNanos(), nlink(n));
        });
    }

    /**
     * {@code st_nlink}: 1 for a file or symlink. A sysfs directory has 2 and one per subdirectory
     * ({@code kernfs_refresh_inode}: {@code set_nlink(inode, kn->dir.subdirs + 2)}), a /proc one
     * likewise ({@code proc_register} counts each subdirectory in its parent); a /proc/sys
     * directory has 1 ({@code proc_sys_make_inode} leaves it at {@code new_inode}'s).
     */
    static int nlink(KNode n) {
        if (!(n instanceof KDir dir)) {
            return 1;
        }
        if (Permission.fsOf(n) == KAttr.Flavor.PROC_SYS) {
            return 1;
        }
        int subdirs = 0;
        for (KNode c : dir.children()) {
            if (c instanceof KDir) {
                subdirs++;
            }
        }
        return 2 + subdirs;
    }

    @Override
    public List<String> list(String path) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookupFollow(path);
            if (!(n instanceof KDir dir)) {
                throw new VfsException(Errno.ENOTDIR);
            }
            return dir.names();
        });
    }

    @Override
    public List<DirEntry> readdir(String path) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookupFollow(path);
            if (!(n instanceof KDir dir)) {
                throw new VfsException(Errno.ENOTDIR);
            }
            List<KNode> children = dir.children();
            List<DirEntry> out = new java.util.ArrayList<>(children.size());
            for (KNode c : children) {
                out.add(new DirEntry(c.name(), c.kind()));
            }
            return out;
        });
    }

    @Override
    public String readlink(String path) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookup(path);
            if (!(n instanceof KLink link)) {
                throw new VfsException(Errno.EINVAL);
            }
            return link.target();
        });
    }

    @Override
    public void access(String path, int mask, Caller caller) throws VfsException {
        lock.call(() -> {
            KNode n = tree.lookupFollow(path);
            if (mask != 0 && !Permission.access(n, mask & 7, caller)) {
                throw new VfsException(Errno.EACCES);
            }
            return null;
        });
    }

    @Override
    public OpenFile open(String path, boolean write, Caller caller) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookupFollow(path);
            if (n instanceof KDir) {
                throw new VfsException(Errno.EISDIR);
            }
            KAttr attr = (KAttr) n;
            switch (attr.flavor()) {
                case PROC -> {
                    // A /proc seq file: plain generic_permission. Root passes DAC (CAP_DAC_OVERRIDE),
                    // whatever the mode; a write to a file without proc_write then fails in pde_write
                    // (fs/proc/inode.c) with EIO, not at open.
                    if (!Permission.allows(attr, caller, write ? 2 : 4)) {
                        throw new VfsException(Errno.EACCES);
                    }
                }
                case PROC_SYS -> {
                    // proc_sys_permission -> sysctl_perm -> test_perm: the table's mode, root gets the
                    // owner's bits (no DAC override), a member of group 0 the group's, others the rest.
                    int mode = attr.mode();
                    int bits = caller.uid() == 0 ? (mode >> 6) & 7 : caller.gid() == 0 ? (mode >> 3) & 7 : mode & 7;
                    if (write ? !attr.writable() || (bits & 2) == 0 : (bits & 4) == 0) {
                        throw new VfsException(Errno.EACCES);
                    }
                }
                case SYSFS -> {
                    // kernfs_iop_permission (generic_permission: root passes DAC), then kernfs_fop_open:
                    // writing needs some write bit (S_IWUGO) and a store, reading some read bit.
                    if (write ? !attr.writable() || !Permission.allows(attr, caller, 2)
                              : (attr.mode() & 0444) == 0 || !Permission.allows(attr, caller, 4)) {
                        throw new VfsException(Errno.EACCES);
                    }
                }
            }
            return new KOpenFile(attr, caller, lock, tree.root());
        });
    }

    @Override
    public void chmod(String path, int mode, Caller caller) throws VfsException {
        lock.call(() -> {
            KSetattr.chmod(tree.lookup(path), mode, caller, tree.nowNanos());
            return null;
        });
    }

    @Override
    public void chown(String path, int uid, int gid, Caller caller) throws VfsException {
        lock.call(() -> {
            KSetattr.chown(tree.lookup(path), uid, gid, caller, tree.nowNanos());
            return null;
        });
    }

    @Override
    public void utimens(String path, long atimeNanos, long mtimeNanos, Caller caller) throws VfsException {
        lock.call(() -> {
            KSetattr.utimens(tree.lookup(path), atimeNanos, mtimeNanos, caller, tree.nowNanos());
            return null;
        });
    }

    @Override
    public long generation() {
        return tree.generation();
    }

    @Override
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // A listener's failure must not fail the rmmod or event that changed the tree.
            }
        }
    }
}
