package io.netmodel.rx;

import io.netmodel.net.SoftnetData;
import io.netmodel.sim.LongQueue;
import io.netmodel.sim.Simulator;
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
 * <li>A poll that used its whole quota stays scheduled: what follows is {@link NetRxAction}'s
 *     call ({@code time_squeeze}, restarts, ksoftirqd), as for a device NAPI.</li>
 * </ul>
 * As in {@link NapiRuntime}, a poll pays for the frames waiting when it starts and for those that
 * land while it runs, and delivers them to the socket at its end. Unlike Linux: this backlog has
 * its own {@code net_rx_action} state, not shared with a device NAPI polled on the same CPU (in
 * the model the device's NAPI never steers to its own CPU's backlog); the splice happens when the
 * poll is scheduled.
 */
final class Backlog {
    private final Simulator sim;
    private final RxCosts costs;
    private final Cpu cpu;
    private final SoftnetData sd;
    private final NetRxAction netRx;
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
    private final io.netmodel.sim.Event pollEnd = this::pollDone;
    /** The next poll begins a new {@code net_rx_action} run; ksoftirqd's resumption after another task's slice. */
    private boolean nextPollNewRun;
    private final io.netmodel.sim.Event ksoftirqdResume = this::ksoftirqdResumes;
    /** Polls of this backlog (the model's counter). */
    long polls;

    Backlog(Simulator sim, RxCosts costs, Cpu cpu, SoftnetData sd, NetRxAction netRx, IntSupplier quota,
            LongSupplier stackNs, Supplier<NapiRuntime.Consumer> consumer, Runnable ipiCounter) {
        this.sim = sim;
        this.costs = costs;
        this.cpu = cpu;
        this.sd = sd;
        this.netRx = netRx;
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
        netRx.softirqStart(sim.now());
        long pollNs = startPoll();
        sim.scheduleAt(cpu.interrupt(costs.irq(), pollNs), pollEnd);
    }

    /** {@code process_backlog}'s splice and the cost of what it will take now. */
    private long startPoll() {
        processLen = queue.size();
        sync();
        pollQuota = Math.max(1, quota.getAsInt());
        charged = Math.min(pollQuota, queue.size());
        return charged * stackNs.getAsLong();
    }

    private void pollDone() {
        int due = Math.min(pollQuota, queue.size());
        if (due > charged) { // landed while it ran: the loop takes them before it completes
            long extra = (due - charged) * stackNs.getAsLong();
            charged = due;
            sim.scheduleAt(cpu.softirqFrom(sim.now(), extra, false), pollEnd);
            return;
        }
        polls++;
        int work = 0;
        long now = sim.now();
        NapiRuntime.Consumer to = consumer.get();
        while (work < charged && !queue.isEmpty()) {
            to.deliver(queue.poll(), now);
            work++;
        }
        processLen = Math.max(0, processLen - work);
        sync();
        sd.processed += work;
        boolean repoll = work == pollQuota; // process_backlog returns the quota before it looks at the input queue
        NetRxAction.Next next = netRx.pollDone(now, work, repoll, sd);
        if (next == NetRxAction.Next.DONE) {
            sched = false; // napi->state = 0: both queues were empty
            return;
        }
        long start = now;
        if (next == NetRxAction.Next.WAKE_KSOFTIRQD) {
            start += costs.wakeup();
            netRx.softirqStart(start);
            cpu.ksoftirqdWoken(start);
        }
        nextPollNewRun = netRx.runEnded();
        if (netRx.inKsoftirqd()) {
            long turn = cpu.ksoftirqdTurn(start);
            if (turn > start) { // another task's slice first (Cpu#ksoftirqdTurn)
                sim.scheduleAt(turn, ksoftirqdResume);
                return;
            }
        }
        nextPoll(start);
    }

    private void ksoftirqdResumes() {
        nextPoll(sim.now());
    }

    /** Books the next backlog poll from {@code start}. */
    private void nextPoll(long start) {
        long pollNs = startPoll();
        sim.scheduleAt(cpu.softirqFrom(start, pollNs, nextPollNewRun), pollEnd);
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
        sync();
        return n;
    }

    private void sync() {
        sd.processQueueLen = processLen;
        sd.inputPktQueueLen = inputLen();
    }
}
