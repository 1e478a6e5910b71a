package io.netmodel.sim;

import java.util.NoSuchElementException;

/**
 * A FIFO of {@code long}s (times in ns) on a ring buffer that doubles when full: nothing is
 * allocated per element, nothing boxed. For model state that queues times without an event per
 * entry (e.g. TX completions a busy-polling loop cleans in passing). Not thread-safe.
 */
public final class LongQueue {
    private long[] ring = new long[16];
    private int head;
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public void add(long v) {
        if (size == ring.length) {
            long[] bigger = new long[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) & (ring.length - 1)];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = v;
        size++;
    }

    /** The first value, left in the queue. */
    public long peek() {
        if (size == 0) {
            throw new NoSuchElementException("empty");
        }
        return ring[head];
    }

    /** The value {@code i} places from the front ({@code 0 <= i < size()}), left in the queue. */
    public long get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return ring[(head + i) & (ring.length - 1)];
    }

    /** Takes the first value off the queue. */
    public long poll() {
        long v = peek();
        head = (head + 1) & (ring.length - 1);
        size--;
        return v;
    }

    /** Empties the queue (keeps its array). */
    public void clear() {
        head = 0;
        size = 0;
    }
}
