package io.netmodel.shell;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@link VirtualFs} that becomes the model's once the framework has booted, so the FUSE
 * mount (a quarter second of libfuse and kernel work) can proceed in parallel with the boot.
 * Calls before then wait; nobody is told the mount is ready until both are done. If the boot
 * fails, calls fail with EIO while the mount is taken down.
 */
final class DeferredFs implements VirtualFs {
    private final CompletableFuture<VirtualFs> target = new CompletableFuture<>();

    void complete(VirtualFs fs) {
        target.complete(fs);
    }

    void fail(Throwable why) {
        target.completeExceptionally(why);
    }

    private VirtualFs fs() throws VfsException {
        try {
            return target.get();
        } catch (ExecutionException e) {
            throw new VfsException(Errno.EIO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VfsException(Errno.EIO);
        }
    }

    @Override
    public NodeStat stat(String path) throws VfsException {
        return fs().stat(path);
    }

    @Override
    public List<String> list(String path) throws VfsException {
        return fs().list(path);
    }

    @Override
    public List<io.netmodel.api.vfs.DirEntry> readdir(String path) throws VfsException {
        return fs().readdir(path);
    }

    @Override
    public String readlink(String path) throws VfsException {
        return fs().readlink(path);
    }

    @Override
    public List<String> listxattr(String path) throws VfsException {
        return fs().listxattr(path);
    }

    @Override
    public OpenFile open(String path, boolean write, Caller caller) throws VfsException {
        return fs().open(path, write, caller);
    }

    @Override
    public void access(String path, int mask, Caller caller) throws VfsException {
        fs().access(path, mask, caller);
    }

    @Override
    public void chmod(String path, int mode, Caller caller) throws VfsException {
        fs().chmod(path, mode, caller);
    }

    @Override
    public void chown(String path, int uid, int gid, Caller caller) throws VfsException {
        fs().chown(path, uid, gid, caller);
    }

    @Override
    public void utimens(String path, long atimeNanos, long mtimeNanos, Caller caller) throws VfsException {
        fs().utimens(path, atimeNanos, mtimeNanos, caller);
    }

    /** Registers with the model once it is there (at once if it already is). */
    @Override
    public void addChangeListener(Runnable listener) {
        target.thenAccept(fs -> fs.addChangeListener(listener));
    }

    @Override
    public long generation() {
        try {
            return fs().generation();
        } catch (VfsException e) {
            return 0;
        }
    }
}
