package io.netmodel.fsmount;

import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * Tells the kernel to forget what it cached of the mount whenever files appear or vanish, so
 * the mount can let the kernel keep lookups, misses and attributes for a day
 * ({@code entry_timeout}, {@code negative_timeout}, {@code attr_timeout}) and still show a
 * removed device gone, and a new one there, the moment the {@code rmmod} or {@code modprobe}
 * returns.
 *
 * <p>From Linux 6.16 (FUSE 7.44) one {@code FUSE_NOTIFY_INC_EPOCH} does it: the connection's
 * epoch goes up, and every dentry made before (each remembers the epoch read before its
 * LOOKUP was sent, so a lookup that raced with the change counts as before) fails
 * {@code fuse_dentry_revalidate} and is looked up again, with fresh attributes. libfuse2 does
 * not know the message, so it is written to the channel's {@code /dev/fuse} descriptor as it is:
 * a 16-byte {@code fuse_out_header} with {@code unique} 0 and the code in {@code error}.
 *
 * <p>An older kernel answers that with EINVAL; from then on, for each top-level name of the
 * tree ({@code sys}, {@code proc}), {@code FUSE_NOTIFY_INVAL_ENTRY} with the root as parent
 * ({@code fuse_lowlevel_notify_inval_entry}, libfuse 2.8; the root's node id is
 * {@code FUSE_ROOT_ID}, the only one libfuse's high-level layer lets us know). The kernel
 * ({@code fuse_reverse_inval_entry}) unhashes that dentry with {@code d_invalidate}, pruning the
 * unused dentries under it, negative ones included. That leaves one race the epoch closes: a
 * LOOKUP answered before the change whose reply lands after the notification.
 *
 * <p>The notification is sent with the model lock released (the kernel takes the root's
 * inode lock for an entry invalidation, which a LOOKUP we are about to answer may hold). From
 * a libfuse worker (a write whose store changed the tree) it is handed to a thread of its own,
 * so the worker never waits on the kernel while the kernel waits on the worker's reply.
 */
final class EntryInvalidator {
    /** {@code FUSE_ROOT_ID}. */
    private static final long FUSE_ROOT_ID = 1;
    /** {@code FUSE_NOTIFY_INC_EPOCH} (include/uapi/linux/fuse.h, 7.44). */
    static final int FUSE_NOTIFY_INC_EPOCH = 8;
    /** {@code sizeof(struct fuse_out_header)}. */
    private static final int OUT_HEADER = 16;
    /** {@code $NETMODEL_FUSE_INVALIDATE}: {@code entry} forces the pre-6.16 way (tests of it). */
    static final String ENV_MODE = "NETMODEL_FUSE_INVALIDATE";

    /** The part of libfuse2 jnr-fuse does not bind. */
    public interface LibFuseNotify {
        Pointer fuse_get_session(Pointer fuse);

        Pointer fuse_session_next_chan(Pointer se, Pointer ch);

        int fuse_chan_fd(Pointer ch);

        int fuse_lowlevel_notify_inval_entry(Pointer ch, @u_int64_t long parent, String name, @size_t long namelen);
    }

    /** {@code write(2)}. */
    public interface LibC {
        @ssize_t
        long write(int fd, Pointer buf, @size_t long count);
    }

    private static final ThreadLocal<Boolean> ON_FUSE_WORKER = ThreadLocal.withInitial(() -> false);

    private final VirtualFs fs;
    /** The native bindings, made at the first change (off the mount's start-up path). */
    private LibFuseNotify lib;
    private LibC libc;
    private Pointer incEpoch;
    /** Guards {@link #fuse}, {@link #chan} and {@link #fd}: notifications hold it shared, libfuse's destroy exclusive. */
    private final ReentrantReadWriteLock life = new ReentrantReadWriteLock();
    private final Set<String> topNames = ConcurrentHashMap.newKeySet();
    private final LongAdder sent;
    private final ExecutorService fromWorkers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuse-inval");
        t.setDaemon(true);
        return t;
    });
    /** libfuse's {@code struct fuse *} from {@code init}; null before it and after {@code destroy}. */
    private Pointer fuse;
    private Pointer chan;
    private int fd = -1;
    /** Whether the kernel took an epoch bump; false once it refused one (or when told so). */
    private volatile boolean epoch;

    /** {@code sent} counts the notifications. */
    EntryInvalidator(VirtualFs fs, LongAdder sent) {
        this.fs = fs;
        this.sent = sent;
        this.epoch = !"entry".equals(System.getenv(ENV_MODE));
    }

    /** Called from libfuse's {@code init} with the context's {@code struct fuse *}; nothing native yet. */
    void attach(Pointer fuse) {
        life.writeLock().lock();
        try {
            this.fuse = fuse;
        } finally {
            life.writeLock().unlock();
        }
    }

    /** Called from libfuse's {@code destroy}, before it frees the channel. */
    void detach() {
        life.writeLock().lock();
        try {
            fuse = null;
            chan = null;
            fd = -1;
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

    /**
     * Makes the bindings and finds the channel and its descriptor the first time (about 25 ms of
     * JNR-FFI code generation that the mount's start need not wait for). Called holding
     * {@link #life} shared, with {@link #fuse} set.
     */
    private synchronized boolean channel() {
        if (chan == null) {
            if (lib == null) {
                lib = LibraryLoader.create(LibFuseNotify.class).failImmediately().load("fuse");
                libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
                Pointer header = Memory.allocateDirect(jnr.ffi.Runtime.getSystemRuntime(), OUT_HEADER);
                header.putInt(0, OUT_HEADER);              // len
                header.putInt(4, FUSE_NOTIFY_INC_EPOCH);   // error: the notification code
                header.putLong(8, 0);                      // unique 0: a notification
                incEpoch = header;
            }
            chan = lib.fuse_session_next_chan(lib.fuse_get_session(fuse), null);
            fd = chan == null ? -1 : lib.fuse_chan_fd(chan);
        }
        return chan != null;
    }

    /** {@code epoch} or {@code entry}: how the kernel is being told (after the first change, what worked). */
    String mode() {
        return epoch ? "epoch" : "entry";
    }

    private void invalidate() {
        life.readLock().lock();
        try {
            if (fuse == null || !channel()) {
                return;
            }
            if (epoch) {
                if (libc.write(fd, incEpoch, OUT_HEADER) == OUT_HEADER) {
                    sent.increment();
                    return;
                }
                epoch = false; // EINVAL: a kernel before 6.16
            }
            try {
                topNames.addAll(fs.list("/"));
            } catch (VfsException e) {
                // the names seen before still do
            }
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
