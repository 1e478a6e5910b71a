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
            return new NodeStat(n.kind(), n.mode(), n.size(), 0, 0, n.mtimeNanos());
        });
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
    public OpenFile open(String path, boolean write, Caller caller) throws VfsException {
        return lock.call(() -> {
            KNode n = tree.lookupFollow(path);
            if (n instanceof KDir) {
                throw new VfsException(Errno.EISDIR);
            }
            KAttr attr = (KAttr) n;
            if (attr.flavor() == KAttr.Flavor.PROC) {
                // A /proc seq file: plain generic_permission. Root passes DAC (CAP_DAC_OVERRIDE),
                // whatever the mode; a write to a file without proc_write then fails in pde_write
                // (fs/proc/inode.c) with EIO, not at open.
                if (caller.uid() != 0 && ((attr.mode() & 7) & (write ? 2 : 4)) == 0) {
                    throw new VfsException(Errno.EACCES);
                }
                return new KOpenFile(attr, caller, lock);
            }
            // kernfs_fop_open / proc_sys_permission: no write bits or no store -> EACCES, even for root.
            int bits = caller.uid() == 0 ? (attr.mode() >> 6) & 7 : attr.mode() & 7;
            if (write && (!attr.writable() || (bits & 2) == 0)) {
                throw new VfsException(Errno.EACCES);
            }
            if (!write && (bits & 4) == 0) {
                throw new VfsException(Errno.EACCES);
            }
            return new KOpenFile(attr, caller, lock);
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
