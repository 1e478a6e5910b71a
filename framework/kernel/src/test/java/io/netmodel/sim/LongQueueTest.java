package io.netmodel.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongQueueTest {
    @Test
    void keeps_fifo_order_across_wrap_around_and_growth() {
        LongQueue q = new LongQueue();
        ArrayDeque<Long> reference = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int op = 0; op < 100_000; op++) {
            if (random.nextInt(100) < 55) { // drifts upwards: the ring wraps and doubles many times
                long v = random.nextLong();
                q.add(v);
                reference.add(v);
            } else if (!reference.isEmpty()) {
                assertEquals(reference.peek(), q.peek());
                assertEquals(reference.poll(), q.poll());
            }
            assertEquals(reference.size(), q.size());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.poll(), q.poll());
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void refuses_to_peek_or_poll_when_empty() {
        LongQueue q = new LongQueue();
        assertThrows(NoSuchElementException.class, q::peek);
        q.add(1);
        q.poll();
        assertThrows(NoSuchElementException.class, q::poll);
    }
}
