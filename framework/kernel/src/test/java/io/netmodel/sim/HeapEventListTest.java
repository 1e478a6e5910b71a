package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 4-ary heap against java.util.PriorityQueue ordered by (time, seq). */
class HeapEventListTest {

    /** What the reference queue holds: the key and the payload the heap was given. */
    private record Entry(long time, long seq, Object payload) {
    }

    private static final Comparator<Entry> BY_KEY =
            Comparator.comparingLong(Entry::time).thenComparingLong(Entry::seq);

    @ParameterizedTest(name = "times in [0, {0}) ns")
    @ValueSource(longs = {8, 1000, Long.MAX_VALUE})
    void should_poll_in_the_same_order_as_a_reference_queue_over_100k_random_operations(long timeRange) {
        SplittableRandom random = new SplittableRandom(timeRange);
        HeapEventList heap = new HeapEventList(4);
        PriorityQueue<Entry> reference = new PriorityQueue<>(BY_KEY);
        ArrayDeque<Long> reserved = new ArrayDeque<>();
        for (int op = 0; op < 100_000; op++) {
            int dice = random.nextInt(100);
            long t = timeRange == Long.MAX_VALUE ? random.nextLong(Long.MAX_VALUE) : random.nextLong(timeRange);
            Object payload = new Object();
            if (dice < 50) {
                reference.add(new Entry(t, heap.add(t, payload), payload));
            } else if (dice < 53) {
                reserved.add(heap.reserveSeq());
            } else if (dice < 56 && !reserved.isEmpty()) {
                long s = reserved.poll();
                heap.addWithSeq(t, s, payload);
                reference.add(new Entry(t, s, payload));
            } else if (!reference.isEmpty()) {
                Entry expected = reference.poll();
                assertEquals(expected.time(), heap.peekTime(), "time at op " + op);
                assertEquals(expected.seq(), heap.peekSeq(), "seq at op " + op);
                assertSame(expected.payload(), heap.poll(), "payload at op " + op);
            }
            assertEquals(reference.size(), heap.size(), "size at op " + op);
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.poll().seq(), heap.peekSeq());
            heap.poll();
        }
        assertTrue(heap.isEmpty());
    }

    @Test
    void should_leave_equal_times_in_insertion_order() {
        HeapEventList heap = new HeapEventList();
        for (int i = 0; i < 50; i++) {
            heap.add(100 - i % 2, i); // two interleaved FIFO runs, at 99 and at 100
        }
        for (int expected = 1; expected < 50; expected += 2) {
            assertEquals(99, heap.peekTime());
            assertEquals(expected, heap.poll());
        }
        for (int expected = 0; expected < 50; expected += 2) {
            assertEquals(100, heap.peekTime());
            assertEquals(expected, heap.poll());
        }
    }

    @Test
    void should_grow_beyond_the_initial_capacity_and_keep_order() {
        HeapEventList heap = new HeapEventList(1);
        SplittableRandom random = new SplittableRandom(7);
        PriorityQueue<Entry> reference = new PriorityQueue<>(BY_KEY);
        for (int i = 0; i < 10_000; i++) {
            long t = random.nextLong(1_000);
            reference.add(new Entry(t, heap.add(t, i), i));
        }
        assertEquals(10_000, heap.size());
        assertTrue(heap.capacity() >= 10_000, "capacity " + heap.capacity());
        while (!reference.isEmpty()) {
            assertEquals(reference.poll().payload(), heap.poll());
        }
    }

    @Test
    void should_fill_the_hole_left_by_poll_with_the_next_add() {
        HeapEventList heap = new HeapEventList();
        heap.add(10, "a");
        heap.add(30, "c");
        assertEquals("a", heap.poll());
        assertEquals(1, heap.size());
        heap.add(20, "b");
        assertEquals(2, heap.size());
        assertEquals("b", heap.poll());
        assertEquals("c", heap.poll());
        assertTrue(heap.isEmpty());
    }

    @Test
    void should_refuse_to_poll_or_peek_when_empty() {
        HeapEventList heap = new HeapEventList();
        assertThrows(NoSuchElementException.class, heap::poll);
        heap.add(1, "x");
        heap.poll();
        assertThrows(NoSuchElementException.class, heap::peekTime);
        assertThrows(NoSuchElementException.class, heap::poll);
    }

    @Test
    void should_keep_the_order_while_switching_between_sorted_run_and_heap() {
        HeapEventList list = new HeapEventList(4);
        SplittableRandom random = new SplittableRandom(11);
        PriorityQueue<Entry> reference = new PriorityQueue<>(BY_KEY);
        int switches = 0;
        boolean wasSorted = list.isSortedRun();
        for (int cycle = 0; cycle < 2_000; cycle++) {
            // fill to a random size on either side of SORTED_MAX, then drain to either side of SORTED_MIN
            int fillTo = random.nextInt(HeapEventList.SORTED_MAX * 3);
            while (reference.size() < fillTo) {
                long t = cycle * 100L + random.nextLong(300); // later and earlier than what is pending
                Object p = new Object();
                reference.add(new Entry(t, list.add(t, p), p));
            }
            int drainTo = random.nextInt(HeapEventList.SORTED_MIN * 2);
            while (reference.size() > drainTo) {
                Entry expected = reference.poll();
                assertEquals(expected.time(), list.peekTime(), "cycle " + cycle);
                assertSame(expected.payload(), list.poll(), "cycle " + cycle);
            }
            assertEquals(reference.size(), list.size());
            if (list.isSortedRun() != wasSorted) {
                switches++;
                wasSorted = list.isSortedRun();
            }
        }
        assertTrue(switches > 100, "form switches: " + switches);
    }
}
