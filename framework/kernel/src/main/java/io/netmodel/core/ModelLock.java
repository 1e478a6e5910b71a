package io.netmodel.core;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The model's single owner. All model state is touched only while holding this lock: the
 * event loop holds it while it runs events, a FUSE callback or shell command holds it for
 * one read or write. There are no other locks in the model, so there is no lock order to get
 * wrong and no torn read: each holder sees one consistent instant. (Like the big RTNL lock,
 * deliberately coarse.) A hand-off to a dedicated thread per FUSE call would cost more than
 * the whole C libfuse floor of a small read, hence a lock rather than a queue.
 *
 * <p>One {@linkplain #watch watcher} may ask to hear when a holder changed something it
 * versions (the file tree's generation): it runs on the holder's thread right after the
 * outermost release, before {@link #call} returns, so whoever made the change (an
 * {@code rmmod}, an event) returns only once the watcher is done, and the watcher itself runs
 * without the lock (it may wait on a FUSE request that needs it).
 */
public final class ModelLock {

    /** A unit of work under the lock. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile LongSupplier version;
    private volatile Runnable onChange;

    public <T, E extends Exception> T call(Work<T, E> work) throws E {
        lock.lock();
        LongSupplier v = lock.getHoldCount() == 1 ? version : null;
        long before = v == null ? 0 : v.getAsLong();
        try {
            return work.run();
        } finally {
            lock.unlock();
            if (v != null && v.getAsLong() != before) {
                onChange.run();
            }
        }
    }

    /**
     * Runs {@code onChange} after every outermost {@link #call} during which {@code version}
     * moved. {@code onChange} must not throw. One watcher; a second call replaces the first.
     */
    public void watch(LongSupplier version, Runnable onChange) {
        this.onChange = onChange;
        this.version = version;
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
