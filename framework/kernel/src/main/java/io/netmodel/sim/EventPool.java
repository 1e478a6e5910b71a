package io.netmodel.sim;

/**
 * Events that carry two {@code long}s to one handler, recycled once they have fired: a component
 * that has many of the same event in flight (frames on a wire, replies a thread will send)
 * schedules {@code pool.event(a, b)} instead of a capturing lambda, and nothing is allocated per
 * event in steady state. The pool grows to the most events in flight at once.
 *
 * <p>An event taken from the pool must be scheduled exactly once; it returns to the pool as it
 * fires, before the handler runs (so the handler may take it again). Not thread-safe: owned, like
 * the {@link Simulator}, by one thread.
 */
public final class EventPool {
    /** What the events of a pool do when they fire, with the two values they were made with. */
    @FunctionalInterface
    public interface Handler {
        void fire(long a, long b);
    }

    private final Handler handler;
    private Pooled free;

    public EventPool(Handler handler) {
        this.handler = java.util.Objects.requireNonNull(handler, "handler");
    }

    /** An event that calls the handler with {@code a} and {@code b}; schedule it once. */
    public Event event(long a, long b) {
        Pooled e = free;
        if (e == null) {
            e = new Pooled();
        } else {
            free = e.next;
            e.next = null;
        }
        e.a = a;
        e.b = b;
        return e;
    }

    private final class Pooled implements Event {
        long a;
        long b;
        Pooled next;

        @Override
        public void fire() {
            long a = this.a;
            long b = this.b;
            next = free;
            free = this;
            handler.fire(a, b);
        }
    }
}
