package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;

/**
 * A UDP socket's receive memory: {@code sk_rcvbuf}, {@code sk_rmem_alloc} and the two queues
 * ({@code sk_receive_queue}, which the softirq fills, and {@code udp_sk(sk)->reader_queue},
 * which {@code recvmsg} empties), as {@code net/ipv4/udp.c} keeps them.
 *
 * <p>Queueing ({@link #enqueue}) is {@code __udp_enqueue_schedule_skb}: it drops when the memory
 * already charged says the buffer is full, and otherwise charges the skb's truesize. Which test
 * "full" is changed over the releases:
 * <ul>
 * <li>before 4.10, {@code sock_queue_rcv_skb}: drop when {@code sk_rmem_alloc >= sk_rcvbuf}
 *     (with {@code udp_queue_rcv_skb}'s {@code sk_rcvqueues_full}, {@code > sk_rcvbuf}, before it;
 *     both count RcvbufErrors, recalled);</li>
 * <li>4.10 ({@link Behaviour#UDP_ENQUEUE_SCHEDULE_SKB}): drop when {@code rmem > rcvbuf}, so a
 *     socket at its limit takes one more packet ("always allow at least a packet");</li>
 * <li>6.15 ({@link Behaviour#UDP_RMEM_WRAPAROUND_FIX}): the test is {@code rmem + truesize >
 *     rcvbuf}, then the one-more allowance only for {@code rcvbuf <= INT_MAX >> 1};</li>
 * <li>6.18 ({@link Behaviour#UDP_RCVBUF_EMPTY_QUEUE_ONLY}): the allowance only for an empty queue
 *     ({@code rmem == 0}).</li>
 * </ul>
 * Reading ({@link #dequeue}) is {@code __skb_recv_udp}: an empty {@code reader_queue} takes all of
 * {@code sk_receive_queue} at once, and each skb read gives its memory back through
 * {@code udp_rmem_release(sk, truesize, 1, ...)}: from 4.10 the release is batched in
 * {@code forward_deficit} until it reaches a quarter of {@code sk_rcvbuf}
 * ({@code forward_threshold}) or {@code reader_queue} is empty, and a release also moves
 * {@code sk_receive_queue} onto {@code reader_queue}; before 4.10 every read freed its skb at
 * once ({@code sock_rfree}).
 *
 * <p>Simplified: one producer (the modelled host feeds the socket from one softirq at a time),
 * so the races these tests guard against are absent; {@code skb_condense} above half the buffer
 * changes nothing for the linear skbs modelled; the global {@code udp_mem} limit
 * ({@code __sk_mem_raise_allocated}, -ENOBUFS, MemErrors) is not modelled; {@code SO_RCVBUF} is not
 * modelled: {@code sk_rcvbuf} is {@code net.core.rmem_default} when the socket was created
 * ({@code sock_init_data}), and a later write to it does not change this socket. Before 4.13 the
 * kernel had no separate {@code reader_queue} (and 4.14's 0d4a6608f68c briefly released without
 * the empty-queue test); the model uses the two-queue form from 4.10 on.
 */
final class UdpRcvbuf {
    private static final int INT_MAX = Integer.MAX_VALUE;

    private final boolean batched;
    private final boolean wraparoundFix;
    private final boolean emptyQueueOnly;
    /** {@code sk->sk_rcvbuf}. */
    final int skRcvbuf;
    /** {@code skb->truesize} of every packet of the stream. */
    final int truesize;
    /** {@code sk->sk_rmem_alloc}. */
    long rmemAlloc;
    /** {@code udp_sk(sk)->forward_deficit}: memory read but not yet given back. */
    long forwardDeficit;
    /** Packets in {@code sk->sk_receive_queue} and in {@code udp_sk(sk)->reader_queue}. */
    long receiveQueue;
    long readerQueue;
    /** {@code sk->sk_drops}. */
    long drops;

    UdpRcvbuf(KernelProfile profile, int skRcvbuf, int truesize) {
        this.batched = profile.has(Behaviour.UDP_ENQUEUE_SCHEDULE_SKB);
        this.wraparoundFix = profile.has(Behaviour.UDP_RMEM_WRAPAROUND_FIX);
        this.emptyQueueOnly = profile.has(Behaviour.UDP_RCVBUF_EMPTY_QUEUE_ONLY);
        this.skRcvbuf = skRcvbuf;
        this.truesize = truesize;
    }

    /** Packets queued on the socket and not yet read. */
    long queued() {
        return receiveQueue + readerQueue;
    }

    /**
     * {@code __udp_enqueue_schedule_skb} (or {@code sock_queue_rcv_skb} before 4.10): charges and
     * queues one skb, or counts it in {@code sk_drops} and returns false (-ENOMEM).
     */
    boolean enqueue() {
        if (!hasSpace(rmemAlloc, truesize)) {
            drops++;
            return false;
        }
        rmemAlloc += truesize;
        receiveQueue++;
        return true;
    }

    private boolean hasSpace(long rmem, int size) {
        if (!batched) {
            return rmem < skRcvbuf;
        }
        if (!wraparoundFix) {
            return rmem <= skRcvbuf;
        }
        if (rmem + size <= skRcvbuf) {
            return true;
        }
        if (skRcvbuf > INT_MAX >> 1) {
            return false;
        }
        return emptyQueueOnly ? rmem == 0 : rmem <= skRcvbuf;
    }

    /** {@code __skb_recv_udp} takes one skb (the caller checked {@link #queued} > 0), then its release. */
    void dequeue() {
        if (readerQueue == 0) {
            readerQueue = receiveQueue; // skb_queue_splice_tail_init(sk_queue, queue)
            receiveQueue = 0;
        }
        readerQueue--;
        release(truesize);
    }

    /** {@code udp_rmem_release(sk, size, 1, false)}; before 4.10, {@code sock_rfree}. */
    private void release(int size) {
        if (!batched) {
            rmemAlloc -= size;
            return;
        }
        forwardDeficit += size;
        if (forwardDeficit < skRcvbuf >> 2 && readerQueue != 0) {
            return;
        }
        rmemAlloc -= forwardDeficit;
        forwardDeficit = 0;
        readerQueue += receiveQueue; // skb_queue_splice_tail_init(sk_queue, &up->reader_queue)
        receiveQueue = 0;
    }
}
