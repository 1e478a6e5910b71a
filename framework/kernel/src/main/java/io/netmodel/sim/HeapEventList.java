package io.netmodel.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The pending-event list: a 4-ary min-heap keyed by {@code (time, seq)} on primitive arrays.
 *
 * <p><b>Order.</b> Entries leave in increasing time (ns, {@code >= 0}); entries with the same
 * time leave in increasing {@code seq}, and {@link #add} gives each entry the next value of a
 * per-list counter, so equal-time entries leave in the order they were added (FIFO). As in
 * ns-3's {@code EventKey}, {@code (time, seq)} is a strict total order: {@code seq} values are
 * never reused, so no two entries compare equal and the order never depends on the heap's
 * shape.
 *
 * <p><b>Layout.</b> Three parallel arrays: {@code time[]}, {@code seq[]} and {@code payload[]};
 * slot 0 is the root, the children of slot {@code i} are {@code 4i+1 .. 4i+4}. The arrays are
 * {@value #PAD} slots longer than the capacity and every slot at or past {@code size} holds the
 * key {@code (Long.MAX_VALUE, Long.MAX_VALUE)}, which sorts after every real entry (a real
 * {@code seq} never reaches it), so every child group can be read as four entries. Sift-down
 * picks the least of the four children with arithmetic masks, not branches: which child is
 * least is a coin toss, and a mispredicted branch per comparison would cost more than the
 * comparisons (measured: 1.8x faster on the hold model). The arrays double when full and never
 * shrink; nothing is allocated per {@link #add}/{@link #poll} in steady state (no boxing, no
 * node objects: the payload is the caller's own object).
 *
 * <p><b>Deferred removal.</b> {@link #poll} hands out the first entry but leaves its slot as a
 * hole at the root; if the next operation is an {@link #add} (an event that schedules its
 * successor, a re-armed timer) the new entry fills the hole with one sift-down, instead of
 * one sift-down to remove plus one sift-up to insert. Any other operation first closes the
 * hole as an ordinary removal would. Observable behaviour is that of an eager heap.
 *
 * <p><b>Few entries: a sorted run.</b> A benchmark keeps only a handful of events pending (xsk_rr:
 * 3 to 7), where a heap's sift is all mispredicted branches. Up to {@value #SORTED_MAX} entries
 * the list is kept as a sorted run {@code [head, head + size)} instead: {@link #poll} is
 * {@code head++}, {@link #add} an insertion from the tail (new events are mostly the latest).
 * A sorted run starting at slot 0 is already a valid heap, so growing past
 * {@value #SORTED_MAX} only moves the run to slot 0; shrinking to {@value #SORTED_MIN} sorts the
 * heap's few entries back into a run. Measured on xsk_rr at 125K: 1.3-1.5x the whole
 * simulation's speed. The order of entries is the same in both forms, so which form is in use
 * never changes a run.
 *
 * <table>
 *   <caption>Cost (n = entries)</caption>
 *   <tr><th>operation</th><th>time</th></tr>
 *   <tr><td>add</td><td>O(log4 n) worst, O(1) expected for random future times</td></tr>
 *   <tr><td>poll</td><td>O(log4 n), 3 branch-free comparisons per level</td></tr>
 *   <tr><td>poll then add</td><td>one sift-down</td></tr>
 *   <tr><td>add, poll with n &lt;= {@value #SORTED_MAX}</td><td>O(entries after the new one); O(1)</td></tr>
 *   <tr><td>remove an arbitrary entry</td><td>not offered: see {@link Timer}</td></tr>
 * </table>
 *
 * <p>Unlike ns-3's {@code Scheduler}, there is no {@code Remove}: cancellation is lazy (a
 * {@link Timer} recognises its own stale entries when they come up). Not thread-safe; owned by
 * one {@link Simulator}.
 */
final class HeapEventList {
    static final int DEFAULT_CAPACITY = 1024;
    /** Slots past the capacity, so that the last child group can always be read whole. */
    private static final int PAD = 4;
    private static final long AFTER_ALL = Long.MAX_VALUE;
    /** Above this many entries the list is a heap. */
    static final int SORTED_MAX = 16;
    /** At this many entries a heap becomes a sorted run again (hysteresis: no flapping at the edge). */
    static final int SORTED_MIN = 6;

    private long[] time;
    private long[] seq;
    private Object[] payload;
    private int size;
    /** Sorted-run form: entries are {@code [head, head + size)} in order; else a heap rooted at 0. */
    private boolean sorted = true;
    private int head;
    /** Heap form: slot 0 was handed out by {@link #poll} and is a hole (see the class comment). */
    private boolean rootTaken;
    private long nextSeq;

    HeapEventList() {
        this(DEFAULT_CAPACITY);
    }

    HeapEventList(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initial capacity must be >= 1: " + initialCapacity);
        }
        time = new long[initialCapacity + PAD];
        seq = new long[initialCapacity + PAD];
        payload = new Object[initialCapacity + PAD];
        Arrays.fill(time, AFTER_ALL);
        Arrays.fill(seq, AFTER_ALL);
    }

    /** Entries in the list. */
    int size() {
        return rootTaken ? size - 1 : size;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Slots allocated (grows by doubling; for tests). */
    int capacity() {
        return time.length - PAD;
    }

    /** Whether the list is in its sorted-run form (for tests). */
    boolean isSortedRun() {
        return sorted;
    }

    /**
     * Adds {@code p} at {@code t} (ns, {@code >= 0}) with a fresh sequence number, which it
     * returns. The new entry sorts after every entry already added with the same time.
     */
    long add(long t, Object p) {
        assert t >= 0 : t;
        long s = nextSeq++;
        insert(t, s, p);
        return s;
    }

    /**
     * Takes the next sequence number without adding an entry, so that an entry added later with
     * {@link #addWithSeq} keeps the FIFO position of "now" among equal-time entries.
     */
    long reserveSeq() {
        return nextSeq++;
    }

    /**
     * Adds {@code p} at {@code (t, s)} where {@code s} came from {@link #reserveSeq} and has not
     * been used by another entry. The caller guarantees that {@code (t, s)} is after the key of
     * every entry already polled (the list does not check it).
     */
    void addWithSeq(long t, long s, Object p) {
        assert t >= 0 && s < nextSeq : t + " " + s;
        insert(t, s, p);
    }

    private void insert(long t, long s, Object p) {
        if (sorted) {
            if (size < SORTED_MAX) {
                insertSorted(t, s, p);
                return;
            }
            toHeap();
        }
        if (rootTaken) {
            rootTaken = false;
            siftDown(0, size, t, s, p);
            return;
        }
        if (size == capacity()) {
            grow();
        }
        long[] time = this.time;
        long[] seq = this.seq;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = time[parent];
            if (pt < t || (pt == t && seq[parent] < s)) {
                break;
            }
            moveSlot(parent, i);
            i = parent;
        }
        setSlot(i, t, s, p);
    }

    /** Sorted run: in before the first later entry, shifting the later ones (few: new events come last). */
    private void insertSorted(long t, long s, Object p) {
        if (head > 0 && size > 0 && before(t, s, time[head], seq[head])) {
            head--; // earlier than everything: in front, nothing moves
            setSlot(head, t, s, p);
            size++;
            return;
        }
        if (head + size == capacity()) {
            compact();
            if (size == capacity()) {
                grow();
            }
        }
        long[] time = this.time; // after grow(), which replaces the arrays
        long[] seq = this.seq;
        Object[] payload = this.payload;
        int i = head + size;
        while (i > head) {
            long pt = time[i - 1];
            if (pt < t || (pt == t && seq[i - 1] < s)) {
                break;
            }
            time[i] = pt;
            seq[i] = seq[i - 1];
            payload[i] = payload[i - 1];
            i--;
        }
        setSlot(i, t, s, p);
        size++;
    }

    private static boolean before(long ta, long sa, long tb, long sb) {
        return ta < tb || (ta == tb && sa < sb);
    }

    /** Moves the sorted run to slot 0 and pads what it leaves behind. */
    private void compact() {
        if (head == 0) {
            return;
        }
        System.arraycopy(time, head, time, 0, size);
        System.arraycopy(seq, head, seq, 0, size);
        System.arraycopy(payload, head, payload, 0, size);
        int end = head + size;
        int from = Math.max(size, head);
        Arrays.fill(time, from, end, AFTER_ALL);
        Arrays.fill(seq, from, end, AFTER_ALL);
        Arrays.fill(payload, from, end, null);
        head = 0;
    }

    /** A sorted run at slot 0 is a heap already. */
    private void toHeap() {
        compact();
        sorted = false;
        if (size == capacity()) {
            grow();
        }
    }

    /** The heap's few entries, sorted into a run at slot 0 (insertion sort on the three arrays). */
    private void toSorted() {
        long[] time = this.time;
        long[] seq = this.seq;
        Object[] payload = this.payload;
        for (int j = 1; j < size; j++) {
            long t = time[j];
            long s = seq[j];
            Object p = payload[j];
            int i = j;
            while (i > 0 && before(t, s, time[i - 1], seq[i - 1])) {
                moveSlot(i - 1, i);
                i--;
            }
            setSlot(i, t, s, p);
        }
        sorted = true;
        head = 0;
    }

    /**
     * Time (ns) of the first entry.
     *
     * @throws NoSuchElementException if the list is empty
     */
    long peekTime() {
        closeHole();
        return time[first()];
    }

    /**
     * Sequence number of the first entry (for tests and for {@link Timer}'s stale check).
     *
     * @throws NoSuchElementException if the list is empty
     */
    long peekSeq() {
        closeHole();
        return seq[first()];
    }

    /**
     * Removes the first entry and returns its payload. Its key is readable through
     * {@link #peekTime}/{@link #peekSeq} beforehand.
     *
     * @throws NoSuchElementException if the list is empty
     */
    Object poll() {
        closeHole();
        return takeFirst();
    }

    /**
     * The event loop's fast path: makes the first entry readable through {@link #firstTime},
     * {@link #firstSeq} and {@link #takeFirst}; false if the list is empty. After a true return
     * and until the next call on the list, those three read the first entry without checks.
     */
    boolean settle() {
        closeHoleIfAny();
        return size != 0;
    }

    /** Time of the first entry (after {@link #settle} returned true). */
    long firstTime() {
        return time[first()];
    }

    /** Sequence number of the first entry (after {@link #settle} returned true). */
    long firstSeq() {
        return seq[first()];
    }

    /** Removes the first entry (after {@link #settle} returned true) and returns its payload. */
    Object takeFirst() {
        if (sorted) {
            int h = head;
            Object p = payload[h];
            setSlot(h, AFTER_ALL, AFTER_ALL, null);
            size--;
            head = size == 0 ? 0 : h + 1;
            return p;
        }
        rootTaken = true;
        return payload[0];
    }

    private int first() {
        return sorted ? head : 0;
    }

    private void closeHole() {
        closeHoleIfAny();
        if (size == 0) {
            throw new NoSuchElementException("no pending events");
        }
    }

    private void closeHoleIfAny() {
        if (rootTaken) {
            rootTaken = false;
            int n = --size;
            long lastTime = time[n];
            long lastSeq = seq[n];
            Object lastPayload = payload[n];
            setSlot(n, AFTER_ALL, AFTER_ALL, null); // padding again; the fired event is unreachable
            if (n > 0) {
                siftDown(0, n, lastTime, lastSeq, lastPayload);
            }
            if (n <= SORTED_MIN) {
                toSorted();
            }
        }
    }

    /** Places {@code (t, s, p)} starting from the hole at slot {@code i} of a heap of {@code n}. */
    private void siftDown(int i, int n, long t, long s, Object p) {
        long[] time = this.time;
        long[] seq = this.seq;
        Object[] payload = this.payload;
        int c;
        while ((c = (i << 2) + 1) < n) {
            long t0 = time[c];
            long t1 = time[c + 1];
            long t2 = time[c + 2];
            long t3 = time[c + 3];
            long s0 = seq[c];
            long s1 = seq[c + 1];
            long s2 = seq[c + 2];
            long s3 = seq[c + 3];
            // Branch-free tournament: (x ^ ((x ^ y) & mask)) is y where mask is -1, else x.
            long m = lessMask(t1, s1, t0, s0);
            long at = t0 ^ ((t0 ^ t1) & m);
            long as = s0 ^ ((s0 ^ s1) & m);
            int a = c - (int) m;
            m = lessMask(t3, s3, t2, s2);
            long bt = t2 ^ ((t2 ^ t3) & m);
            long bs = s2 ^ ((s2 ^ s3) & m);
            int b = c + 2 - (int) m;
            m = lessMask(bt, bs, at, as);
            long minTime = at ^ ((at ^ bt) & m);
            long minSeq = as ^ ((as ^ bs) & m);
            int min = a ^ ((a ^ b) & (int) m);
            if (t < minTime || (t == minTime && s < minSeq)) {
                break;
            }
            time[i] = minTime;
            seq[i] = minSeq;
            payload[i] = payload[min];
            i = min;
        }
        time[i] = t;
        seq[i] = s;
        payload[i] = p;
    }

    /**
     * -1 if {@code (ta, sa) < (tb, sb)}, else 0, without branching. All four values are
     * {@code >= 0}, so the differences cannot overflow.
     */
    private static long lessMask(long ta, long sa, long tb, long sb) {
        long dt = ta - tb;
        long ds = sa - sb;
        long timesDiffer = (dt | -dt) >> 63; // -1 if dt != 0
        return ((dt & timesDiffer) | (ds & ~timesDiffer)) >> 63;
    }

    private void moveSlot(int from, int to) {
        time[to] = time[from];
        seq[to] = seq[from];
        payload[to] = payload[from];
    }

    private void setSlot(int i, long t, long s, Object p) {
        time[i] = t;
        seq[i] = s;
        payload[i] = p;
    }

    private void grow() {
        int capacity = capacity();
        if (capacity >= Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("event list full: " + capacity + " entries");
        }
        int length = 2 * capacity + PAD;
        int oldLength = time.length;
        time = Arrays.copyOf(time, length);
        seq = Arrays.copyOf(seq, length);
        payload = Arrays.copyOf(payload, length);
        Arrays.fill(time, oldLength, length, AFTER_ALL);
        Arrays.fill(seq, oldLength, length, AFTER_ALL);
    }
}
