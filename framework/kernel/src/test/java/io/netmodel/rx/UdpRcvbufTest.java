package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code __udp_enqueue_schedule_skb}'s "full" test per release, and {@code udp_rmem_release}'s
 * batching, on a buffer of exactly four 2304-byte skbs (9216 bytes): how many packets an
 * unread socket takes, and whether reading one makes room for the next.
 */
class UdpRcvbufTest {
    private static final int TRUESIZE = SkbTruesize.of(64);

    private static UdpRcvbuf buffer(String release, int rcvbuf) {
        return new UdpRcvbuf(new Profile(KernelVersion.parse(release)), rcvbuf, TRUESIZE);
    }

    private static int fill(UdpRcvbuf b, int offered) {
        int queued = 0;
        for (int i = 0; i < offered; i++) {
            if (b.enqueue()) {
                queued++;
            }
        }
        return queued;
    }

    @ParameterizedTest(name = "{0}: {1} queued")
    @CsvSource({
        "4.9, 4",   // sock_queue_rcv_skb: rmem >= rcvbuf drops
        "4.10, 5",  // rmem > rcvbuf drops: a full buffer takes one more
        "6.14, 5",
        "6.15, 5",  // rmem + truesize > rcvbuf, then the one-more allowance (rcvbuf <= INT_MAX >> 1)
        "6.17, 5",
        "6.18, 4",  // the allowance only for an empty queue
        "6.19, 4",
    })
    void an_unread_socket_takes_what_its_release_allows(String release, int expected) {
        UdpRcvbuf b = buffer(release, 4 * TRUESIZE);
        assertEquals(2304, TRUESIZE, "ixgbe's half page plus the sk_buff");
        assertEquals(expected, fill(b, 10));
        assertEquals(10 - expected, b.drops, "sk_drops");
        assertEquals((long) expected * TRUESIZE, b.rmemAlloc);
        assertEquals(expected, b.queued());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4.10", "6.19"})
    void an_empty_queue_takes_a_packet_bigger_than_the_buffer(String release) {
        UdpRcvbuf b = buffer(release, TRUESIZE / 2);
        assertEquals(1, fill(b, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6.15", "6.19"})
    void above_int_max_half_only_what_fits_is_taken(String release) {
        UdpRcvbuf b = new UdpRcvbuf(new Profile(KernelVersion.parse(release)), Integer.MAX_VALUE, TRUESIZE);
        b.rmemAlloc = Integer.MAX_VALUE - TRUESIZE + 1; // as if the queue held almost INT_MAX bytes
        b.receiveQueue = 1;
        assertEquals(0, fill(b, 1), "rmem + truesize > rcvbuf, and rcvbuf > INT_MAX >> 1: no allowance");
    }

    @ParameterizedTest(name = "{0}: reading one of a full queue frees {1} bytes")
    @CsvSource({
        "4.9, 2304",  // sock_rfree on every read
        "6.19, 0",    // batched: 2304 < 18432 / 4 and the reader's queue is not empty
    })
    void reading_gives_memory_back_per_packet_before_4_10_and_in_batches_after(String release, long freed) {
        UdpRcvbuf b = buffer(release, 8 * TRUESIZE);
        assertEquals(8, fill(b, 8));
        long before = b.rmemAlloc;
        b.dequeue();
        assertEquals(freed, before - b.rmemAlloc);
        assertEquals(freed == 0 ? 0 : 1, fill(b, 1), "room for the next packet only once memory is back");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4.10", "6.19"})
    void the_deficit_is_released_when_it_reaches_a_quarter_of_the_buffer(String release) {
        UdpRcvbuf b = buffer(release, 16 * TRUESIZE); // forward_threshold: 4 skbs
        fill(b, 10);
        for (int i = 1; i <= 3; i++) {
            b.dequeue();
            assertEquals(10L * TRUESIZE, b.rmemAlloc, "read " + i + ": still charged");
        }
        b.dequeue();
        assertEquals(6L * TRUESIZE, b.rmemAlloc, "the fourth read reaches rcvbuf >> 2: four released");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4.10", "6.19"})
    void the_deficit_is_released_when_the_readers_queue_empties(String release) {
        UdpRcvbuf b = buffer(release, 40 * TRUESIZE); // forward_threshold: 10 skbs
        fill(b, 6);
        b.dequeue(); // reader_queue takes all six
        fill(b, 2); // these wait in sk_receive_queue
        for (int i = 2; i <= 5; i++) {
            b.dequeue();
        }
        assertEquals(8L * TRUESIZE, b.rmemAlloc, "five read, none released");
        b.dequeue();
        assertEquals(2L * TRUESIZE, b.rmemAlloc, "reader_queue emptied: the six read are released");
        assertEquals(2, b.readerQueue, "and sk_receive_queue moved onto reader_queue");
        b.dequeue();
        b.dequeue();
        assertEquals(0, b.rmemAlloc);
        assertEquals(0, b.queued());
    }
}
