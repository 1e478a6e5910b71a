package io.netmodel.core;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The model's single owner. All model state is touched only while holding this lock: the
 * event loop holds it while it runs events, a FUSE callback or shell command holds it for
 * one read or write. There are no other locks in the model, so there is no lock order to get
 * wrong and no torn read: each holder sees one consistent instant. (Like the big RTNL lock,
 * deliberately coarse.) A hand-off to a dedicated thread per FUSE call would cost more than
 * the whole C libfuse floor of a small read, hence a lock rather than a queue.
 */
public final class ModelLock {

    /** A unit of work under the lock. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final ReentrantLock lock = new ReentrantLock();

    public <T, E extends Exception> T call(Work<T, E> work) throws E {
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }
}
