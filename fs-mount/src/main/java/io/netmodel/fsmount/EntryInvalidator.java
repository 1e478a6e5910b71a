package io.netmodel.fsmount;

import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int64_t;

/**
 * Tells the kernel to forget what it cached of the mount whenever files appear or vanish, so
 * the mount can let the kernel keep lookups, misses and attributes for a day
 * ({@code entry_timeout}, {@code negative_timeout}, {@code attr_timeout}) and still show a
 * removed device gone, and a new one there, the moment the {@code rmmod} or {@code modprobe}
 * returns.
 *
 * <p>For each top-level name of the tree ({@code sys}, {@code proc}) it sends
 * {@code FUSE_NOTIFY_INVAL_ENTRY} with the root as parent
 * ({@code fuse_lowlevel_notify_inval_entry}, libfuse 2.8; the root's node id is always
 * {@code FUSE_ROOT_ID}, the only id libfuse's high-level layer lets us know). The kernel
 * ({@code fuse_reverse_inval_entry} in fs/fuse/dir.c) unhashes that dentry with
 * {@code d_invalidate}, which prunes every unused dentry under it, negative ones included; the
 * next path walk looks each component up again and gets fresh attributes with it. A dentry in
 * use (an open file, a cwd) survives but is no longer reachable from the root. A whole-subtree
 * drop is coarse, but files come and go only on module, device and queue changes, which are
 * rare next to reads.
 *
 * <p>The notification is sent with the model lock released (the kernel takes the root's
 * inode lock, which a LOOKUP we are about to answer may hold). From a libfuse worker (a write
 * whose store changed the tree) it is handed to a thread of its own, so the worker never
 * waits on the kernel while the kernel waits on the worker's reply.
 */
final class EntryInvalidator {
    /** {@code FUSE_ROOT_ID}. */
    private static final long FUSE_ROOT_ID = 1;

    /** The part of libfuse2 jnr-fuse does not bind. */
    public interface LibFuseNotify {
        Pointer fuse_get_session(Pointer fuse);

        Pointer fuse_session_next_chan(Pointer se, Pointer ch);

        int fuse_lowlevel_notify_inval_entry(Pointer ch, @u_int64_t long parent, String name, @size_t long namelen);
    }

    private static final ThreadLocal<Boolean> ON_FUSE_WORKER = ThreadLocal.withInitial(() -> false);

    private final VirtualFs fs;
    private final LibFuseNotify lib;
    /** Guards {@link #chan}: notifications hold it shared; libfuse's destroy takes it exclusive. */
    private final ReentrantReadWriteLock life = new ReentrantReadWriteLock();
    private final Set<String> topNames = ConcurrentHashMap.newKeySet();
    private final LongAdder sent;
    private final ExecutorService fromWorkers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuse-inval");
        t.setDaemon(true);
        return t;
    });
    private Pointer chan;

    /** {@code sent} counts the notifications (one per top-level name per change). */
    EntryInvalidator(VirtualFs fs, LongAdder sent) {
        this.fs = fs;
        this.sent = sent;
        this.lib = LibraryLoader.create(LibFuseNotify.class).failImmediately().load("fuse");
    }

    /** Called from libfuse's {@code init} with the context's {@code struct fuse *}. */
    void attach(Pointer fuse) {
        life.writeLock().lock();
        try {
            chan = lib.fuse_session_next_chan(lib.fuse_get_session(fuse), null);
        } finally {
            life.writeLock().unlock();
        }
    }

    /** Called from libfuse's {@code destroy}, before it frees the channel. */
    void detach() {
        life.writeLock().lock();
        try {
            chan = null;
        } finally {
            life.writeLock().unlock();
        }
        fromWorkers.shutdown();
    }

    /** Marks the current thread as a libfuse worker for the duration of a callback that may change the tree. */
    static void onWorker(boolean on) {
        ON_FUSE_WORKER.set(on);
    }

    /** The tree changed: drop the kernel's cache, now (or soon, from a libfuse worker). */
    void treeChanged() {
        if (ON_FUSE_WORKER.get()) {
            try {
                fromWorkers.execute(this::invalidate);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Unmounting: there is no cache left to drop.
            }
        } else {
            invalidate();
        }
    }

    private void invalidate() {
        List<String> names;
        try {
            names = fs.list("/");
        } catch (VfsException e) {
            return;
        }
        life.readLock().lock();
        try {
            if (chan == null) {
                return;
            }
            topNames.addAll(names);
            for (String name : topNames) {
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                // -ENOENT: the kernel had nothing cached under that name; nothing to do.
                lib.fuse_lowlevel_notify_inval_entry(chan, FUSE_ROOT_ID, name, bytes.length);
                sent.increment();
            }
        } finally {
            life.readLock().unlock();
        }
    }
}
