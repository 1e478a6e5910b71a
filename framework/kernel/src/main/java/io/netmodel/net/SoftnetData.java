package io.netmodel.net;

import java.util.ArrayList;
import java.util.List;

/**
 * One CPU's {@code struct softnet_data} ({@code include/linux/netdevice.h}): the counters and
 * backlog queue lengths {@code /proc/net/softnet_stat} shows ({@link NetProcfs}). The Kernel
 * owns one per CPU; the receive path updates the fields directly, where the kernel does:
 *
 * <ul>
 *   <li>{@code processed++} in {@code __netif_receive_skb_core} (every packet taken into the stack);</li>
 *   <li>{@code dropped++} in {@code enqueue_to_backlog} when the backlog is over
 *       {@code netdev_max_backlog} or the flow limit says drop;</li>
 *   <li>{@code timeSqueeze++} in {@code net_rx_action} when, after a poll, {@code netdev_budget} is
 *       spent or {@code netdev_budget_usecs} has passed (since 3.19 whether or not work is left;
 *       before, only with a NAPI still on the list);</li>
 *   <li>{@code receivedRps++} in {@code net_rps_action_and_irq_enable} on the CPU an RPS IPI wakes;</li>
 *   <li>{@code flowLimitCount++} in {@code skb_flow_limit} (only while the CPU has a flow-limit table);</li>
 *   <li>{@code inputPktQueueLen} / {@code processQueueLen}: the lengths of {@code input_pkt_queue}
 *       and {@code process_queue} right now.</li>
 * </ul>
 *
 * <p>The counters are {@code unsigned int} in the kernel; Java {@code int} wraps at 2^32 the same
 * way, and the file prints them as unsigned hex. Model-thread only.
 */
public final class SoftnetData {
    /** The CPU this data belongs to (column 13 of softnet_stat from 5.10). */
    public final int cpu;
    /** Packets taken into the stack on this CPU ({@code sd->processed}). */
    public int processed;
    /** Packets dropped at backlog enqueue ({@code sd->dropped}). */
    public int dropped;
    /** {@code net_rx_action} runs cut by budget or time ({@code sd->time_squeeze}). */
    public int timeSqueeze;
    /** RPS/RFS IPIs this CPU received ({@code sd->received_rps}). */
    public int receivedRps;
    /** Packets the flow limit dropped ({@code sd->flow_limit->count}). */
    public int flowLimitCount;
    /** {@code skb_queue_len(&sd->input_pkt_queue)}. */
    public int inputPktQueueLen;
    /** {@code skb_queue_len(&sd->process_queue)}. */
    public int processQueueLen;
    /**
     * {@code sd->input_queue_head} and {@code input_queue_tail}: frames taken off, and put on, this
     * CPU's backlog since boot (u32, wrapping). RFS compares a flow's {@code last_qtail} with the
     * head to know that the flow's frames queued here are all processed.
     */
    public int inputQueueHead;
    public int inputQueueTail;

    public SoftnetData(int cpu) {
        this.cpu = cpu;
    }

    /** One {@code softnet_data} per CPU, indexed by CPU id ({@code DEFINE_PER_CPU_ALIGNED}). */
    public static List<SoftnetData> perCpu(int cpus) {
        List<SoftnetData> list = new ArrayList<>(cpus);
        for (int cpu = 0; cpu < cpus; cpu++) {
            list.add(new SoftnetData(cpu));
        }
        return List.copyOf(list);
    }

    /** {@code softnet_backlog_len}: both backlog queues (column 12 from 5.10). */
    public int backlogLen() {
        return inputPktQueueLen + processQueueLen;
    }
}
