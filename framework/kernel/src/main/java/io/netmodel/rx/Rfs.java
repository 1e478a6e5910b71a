package io.netmodel.rx;

import io.netmodel.net.RxQueue;
import io.netmodel.net.SoftnetData;
import io.netmodel.net.SysctlNetCore.IntSysctl;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Receive flow steering (net/core/dev.c, since 2.6.35): a flow's frames go up the stack on the
 * CPU where its socket was last read or written, rather than where {@code rps_cpus} hashes them.
 * <ul>
 * <li>The global {@code rps_sock_flow_table} ({@code net.core.rps_sock_flow_entries} entries):
 *     {@code sock_rps_record_flow}, at every {@code recvmsg} and {@code sendmsg} on a connected
 *     socket, writes {@code (hash & ~rps_cpu_mask) | cpu} at {@code hash & mask}
 *     ({@link #record}); {@code rps_cpu_mask} is {@code roundup_pow_of_two(nr_cpu_ids) - 1}.</li>
 * <li>Each RX queue's {@code rps_dev_flow_table} ({@code queues/rx-N/rps_flow_cnt} entries): the
 *     CPU each flow is steered to now and its {@code last_qtail}, the position in that CPU's
 *     backlog of the flow's last frame queued there.</li>
 * <li>{@code get_rps_cpu}, with both tables: an entry whose high bits match the frame's hash
 *     names the desired CPU. The queue's flow moves to it when its current CPU is unset, offline,
 *     or has processed the flow's last queued frame ({@code input_queue_head - last_qtail >= 0}),
 *     so that the flow's frames stay in order ({@code set_rps_cpu}); a valid current CPU is
 *     returned. No match (or no tables): {@code rps_cpus} as without RFS ({@link Rps}).</li>
 * </ul>
 * A write to either size makes a new, empty table ({@code RPS_NO_CPU} everywhere), as the two
 * handlers do ({@code rps_sock_flow_sysctl} on any non-zero write, {@code store_rps_dev_flow_table_cnt}
 * on every write). Not modelled: accelerated RFS ({@code ndo_rx_flow_steer}), and before 4.1 an
 * entry held the CPU alone (no hash bits to detect a collision), which changes nothing while, as
 * in the model's workloads, only one connected socket records its flow.
 */
final class Rfs {
    /** {@code RPS_NO_CPU}: an unset flow. */
    static final int RPS_NO_CPU = 0xffff;

    private final IntSysctl sockFlowEntries;
    private final IntFunction<RxQueue> rxQueues;
    private final IntFunction<SoftnetData> softnet;
    private final int nrCpuIds;
    /** {@code rps_cpu_mask}. */
    private final int cpuMask;

    /**
     * {@code rps_sock_flow_table}, or null; made at the write {@link #sockStores} counts. Its
     * entries are kept sparsely (a table may have 2^29 of them; the model's flows use a few).
     */
    private SockFlows sockFlows;
    private int sockStores = -1;
    /** Per RX queue: {@code rps_dev_flow_table} ({@code cpu} and {@code last_qtail} per flow), or null. */
    private DevFlows[] devFlows = new DevFlows[0];
    /** The flow {@link #steer} picked for the frame now being queued, or null ({@code voidflow}). */
    private int[] pending;
    /** {@code rps_record_sock_flow} calls that found the table (the model's counter). */
    private long records;

    /** The global {@code rps_sock_flow_table}: {@code ents[]}, every entry {@code RPS_NO_CPU} until written. */
    private static final class SockFlows {
        final int mask;
        final Map<Integer, Integer> ents = new HashMap<>();

        SockFlows(int size) {
            this.mask = size - 1;
        }

        int get(int index) {
            return ents.getOrDefault(index, RPS_NO_CPU);
        }
    }

    /** One RX queue's {@code rps_dev_flow_table}: per flow index, {@code {cpu, last_qtail}}; unset flows absent. */
    private static final class DevFlows {
        final int stores;
        final long mask;
        final Map<Integer, int[]> flows = new HashMap<>();

        DevFlows(long size, int stores) {
            this.stores = stores;
            this.mask = size - 1;
        }

        int[] flow(int hash) {
            return flows.computeIfAbsent((int) (hash & 0xffffffffL & mask), i -> new int[] {RPS_NO_CPU, 0});
        }
    }

    Rfs(IntSysctl sockFlowEntries, IntFunction<RxQueue> rxQueues, IntFunction<SoftnetData> softnet, int nrCpuIds) {
        this.sockFlowEntries = sockFlowEntries;
        this.rxQueues = rxQueues;
        this.softnet = softnet;
        this.nrCpuIds = nrCpuIds;
        this.cpuMask = (nrCpuIds <= 1 ? 1 : Integer.highestOneBit(nrCpuIds - 1) << 1) - 1;
    }

    /** {@code rps_record_sock_flow}: the socket of flow {@code hash} was used on {@code cpu}. */
    void record(int hash, int cpu) {
        SockFlows table = sockTable();
        if (table != null && hash != 0) { // sock_rps_record_flow_hash: "if (!hash) return"
            table.ents.put(hash & table.mask, (hash & ~cpuMask) | cpu);
            records++;
        }
    }

    /** How many times a socket recorded its flow in the table. */
    long records() {
        return records;
    }

    /** Whether RX queue {@code queue} steers by flow: both tables exist. */
    boolean on(int queue) {
        return sockTable() != null && devTable(queue) != null;
    }

    /**
     * RFS's part of {@code get_rps_cpu} for a frame of {@code hash} on RX queue {@code queue}: the
     * CPU it goes to, or -1 when RFS has no say (no tables, no matching entry, an invalid CPU) and
     * {@code rps_cpus} decides. With {@code commit}, a move to the desired CPU is made
     * ({@code set_rps_cpu}) and the flow is kept for {@link #queued}; without, nothing changes
     * (a poll pricing its frames before it takes them).
     */
    int target(int queue, int hash, boolean commit) {
        if (commit) {
            pending = null;
        }
        SockFlows socks = sockTable();
        DevFlows flows = socks == null ? null : devTable(queue);
        if (flows == null || hash == 0) {
            return -1;
        }
        int ident = socks.get(hash & socks.mask);
        if (((ident ^ hash) & ~cpuMask) != 0) {
            return -1; // another flow's entry (or none): try_rps
        }
        int next = ident & cpuMask;
        int[] rflow = flows.flow(hash);
        int tcpu = rflow[0];
        if (tcpu != next && (tcpu >= nrCpuIds || softnet.apply(tcpu).inputQueueHead - rflow[1] >= 0)) {
            tcpu = next;
            if (commit) {
                rflow[0] = next; // set_rps_cpu (no accelerated RFS)
                if (next < nrCpuIds) {
                    rflow[1] = softnet.apply(next).inputQueueHead;
                }
            }
        }
        if (tcpu >= nrCpuIds) {
            return -1;
        }
        if (commit) {
            pending = rflow;
        }
        return tcpu;
    }

    /** {@code enqueue_to_backlog(skb, cpu, &rflow->last_qtail)} succeeded: the flow's frame is at {@code qtail}. */
    void queued(int qtail) {
        if (pending != null) {
            pending[1] = qtail;
            pending = null;
        }
    }

    /** The global table as the sysctl has it now: rebuilt, empty, after each write of a size. */
    private SockFlows sockTable() {
        int stores = sockFlowEntries.stores();
        if (stores != sockStores) {
            sockStores = stores;
            int size = sockFlowEntries.get();
            sockFlows = size == 0 ? null : new SockFlows(size);
        }
        return sockFlows;
    }

    /** RX queue {@code queue}'s flow table as {@code rps_flow_cnt} has it now, or null. */
    private DevFlows devTable(int queue) {
        RxQueue q = rxQueues.apply(queue);
        if (queue >= devFlows.length) {
            devFlows = Arrays.copyOf(devFlows, queue + 1);
        }
        DevFlows t = devFlows[queue];
        if (t == null || t.stores != q.rpsFlowTableStores()) {
            long size = q.rpsFlowCnt();
            t = size == 0 ? null : new DevFlows(size, q.rpsFlowTableStores());
            devFlows[queue] = t;
        }
        return t;
    }
}
