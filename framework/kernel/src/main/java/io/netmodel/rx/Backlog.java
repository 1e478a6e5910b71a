package io.netmodel.rx;

import io.netmodel.net.SoftnetData;
import io.netmodel.sim.LongQueue;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One CPU's RPS backlog: {@code softnet_data}'s {@code input_pkt_queue} and {@code process_queue}
 * and the backlog pseudo-NAPI ({@code sd->backlog}) that {@code process_backlog} polls in this
 * CPU's NET_RX softirq (net/core/dev.c).
 * <ul>
 * <li>{@code enqueue_to_backlog} queues a frame on {@code input_pkt_queue}; when that was empty
 *     and the backlog NAPI not scheduled ({@code __test_and_set_bit(NAPI_STATE_SCHED)}) the
 *     enqueuing CPU must schedule it: an IPI ({@link Rps}).</li>
 * <li>The IPI ({@code rps_trigger_softirq}) counts {@code received_rps} and raises NET_RX;
 *     {@code net_rx_action} polls the backlog with the quota {@code dev_rx_weight}
 *     ({@code dev_weight * dev_weight_rx_bias} from 4.10, {@code dev_weight} before):
 *     {@code process_backlog} splices {@code input_pkt_queue} into {@code process_queue} and
 *     runs each frame through {@code __netif_receive_skb} (the protocol's cost, {@code processed}
 *     on this CPU) until the quota is used or both queues are empty, then completes.</li>
 * <li>It takes its turn on this CPU's {@link PollList} with any device NAPI polled there, sharing
 *     the run's budget; a poll that used its whole quota stays scheduled ({@code time_squeeze},
 *     restarts, ksoftirqd), as a device NAPI does.</li>
 * </ul>
 * As in {@link NapiRuntime}, a poll pays for the frames waiting when it starts and for those that
 * land while it runs, and delivers them to the socket at its end. Unlike Linux: the splice
 * happens when the poll starts.
 */
final class Backlog implements PollList.Napi {
    private final RxCosts costs;
    private final SoftnetData sd;
    private final PollList pollList;
    private final IntSupplier quota;
    private final LongSupplier stackNs;
    private final Supplier<NapiRuntime.Consumer> consumer;
    private final Runnable ipiCounter;
    /** {@code process_queue} (the first {@link #processLen} frames), then {@code input_pkt_queue}. */
    private final LongQueue queue = new LongQueue();
    private int processLen;
    /** {@code NAPI_STATE_SCHED} of {@code sd->backlog}. */
    private boolean sched;
    /** Frames the poll in flight has been charged for, and its quota. */
    private int charged;
    private int pollQuota;
    /** Polls of this backlog (the model's counter). */
    long polls;

    Backlog(RxCosts costs, SoftnetData sd, PollList pollList, IntSupplier quota,
            LongSupplier stackNs, Supplier<NapiRuntime.Consumer> consumer, Runnable ipiCounter) {
        this.costs = costs;
        this.sd = sd;
        this.pollList = pollList;
        this.quota = quota;
        this.stackNs = stackNs;
        this.consumer = consumer;
        this.ipiCounter = ipiCounter;
    }

    /** {@code skb_queue_len(&sd->input_pkt_queue)}: what {@code enqueue_to_backlog} compares with {@code netdev_max_backlog}. */
    int inputLen() {
        return queue.size() - processLen;
    }

    /**
     * {@code enqueue_to_backlog} after its checks passed: queues the frame; true when the backlog
     * NAPI was idle and the enqueuing CPU must now schedule it ({@code napi_schedule_rps}).
     */
    boolean enqueue(long sentAtNs) {
        boolean wasEmpty = inputLen() == 0;
        queue.add(sentAtNs);
        sync();
        if (!wasEmpty || sched) {
            return false;
        }
        sched = true;
        return true;
    }

    /**
     * The RPS IPI arrives ({@code rps_trigger_softirq}): {@code received_rps}, the backlog NAPI
     * on the poll list, NET_RX raised and run on the interrupt's exit. The function-call
     * interrupt's entry and exit cost what a device interrupt's do ({@code irq}).
     */
    void ipi() {
        sd.receivedRps++;
        ipiCounter.run();
        pollList.schedule(this, costs.irq());
    }

    /** {@code process_backlog}'s splice and the cost of what it will take now. */
    @Override
    public long beginSoftirqPoll(int cpu) {
        processLen = queue.size();
        sync();
        pollQuota = Math.max(1, quota.getAsInt());
        charged = Math.min(pollQuota, queue.size());
        return charged * stackNs.getAsLong();
    }

    /** Frames that landed while it ran: the loop takes them before it completes. */
    @Override
    public long pollExtension() {
        int due = Math.min(pollQuota, queue.size());
        if (due <= charged) {
            return 0;
        }
        long extra = (due - charged) * stackNs.getAsLong();
        charged = due;
        return extra;
    }

    @Override
    public int finishSoftirqPoll(int cpu) {
        polls++;
        int work = 0;
        NapiRuntime.Consumer to = consumer.get();
        while (work < charged && !queue.isEmpty()) {
            to.deliver(queue.poll(), pollList.now(), sd.cpu);
            work++;
        }
        processLen = Math.max(0, processLen - work);
        sync();
        sd.processed += work;
        sd.inputQueueHead += work; // rps_input_queue_head_incr, one per dequeued skb
        return work;
    }

    /** {@code process_backlog} returns the quota before it looks at the input queue again. */
    @Override
    public int softirqWeight() {
        return pollQuota;
    }

    @Override
    public void complete(int work, int cpu) {
        sched = false; // napi->state = 0: both queues were empty
    }

    @Override
    public void runEnded(int cpu, boolean squeezed, int work) {
    }

    /**
     * {@code flush_backlog}: the device goes away, its frames are freed from this backlog
     * ({@code dev_kfree_skb_irq}; not counted in {@code dropped}). Returns how many there were.
     * A poll in flight ends with nothing to deliver.
     */
    int flush() {
        int n = queue.size();
        queue.clear();
        processLen = 0;
        sd.inputQueueHead += n; // flush_backlog: rps_input_queue_head_incr for each
        sync();
        return n;
    }

    private void sync() {
        sd.processQueueLen = processLen;
        sd.inputPktQueueLen = inputLen();
    }
}
