package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.net.NetStats;
import io.netmodel.net.SoftnetData;

/**
 * Receive packet steering for eth0's RX queues (net/core/dev.c, since 2.6.35): where the stack
 * part of each frame a socket workload receives runs.
 * <ul>
 * <li>{@code get_rps_cpu}: with a non-empty {@code queues/rx-N/rps_cpus} of the receiving
 *     queue, the CPU is {@code map->cpus[reciprocal_scale(hash, map->len)]}
 *     ({@link io.netmodel.net.RxQueue#rpsMapCpu}). The benchmarks have one flow each, whose hash
 *     is one fixed value, {@link #FLOW_HASH}; live traffic's flows each have theirs. Before the
 *     map, receive flow steering ({@link Rfs}: {@code rps_sock_flow_entries} and
 *     {@code rps_flow_cnt}) sends a connected socket's flow to the CPU the socket was last used
 *     on.</li>
 * <li>A target that is the polling CPU delivers there as without RPS (the kernel queues on the
 *     local backlog and processes it in the same softirq; the model skips that queue). Any
 *     other target: {@code enqueue_to_backlog} ({@link #enqueue}).</li>
 * <li>{@code enqueue_to_backlog}: the frame is dropped and counted in the target's
 *     {@code softnet_data.dropped} (and eth0's {@code rx_dropped}) when the target's
 *     {@code input_pkt_queue} holds more than {@code netdev_max_backlog} or the flow limit of the
 *     enqueuing CPU says so ({@link FlowLimit}, {@code flow_limit_count} on that CPU); else
 *     queued, and the backlog NAPI, if idle, is put on the enqueuing CPU's
 *     {@code rps_ipi_list}.</li>
 * <li>{@code net_rps_send_ipi}: at the end of the polling CPU's {@code net_rx_action} (or right
 *     after the poll for a threaded, busy or continuous poller, whose {@code local_bh_enable}
 *     runs NET_RX there), each listed CPU gets its IPI ({@link Backlog#ipi}: the {@code CAL} row
 *     of {@code /proc/interrupts}).</li>
 * </ul>
 * The polling CPU pays the driver part of a steered frame ({@code poll_per_packet}); the
 * protocol part ({@link NapiRuntime#perPacketStackNs}) is paid by the target's backlog poll.
 * Not charged: {@code get_rps_cpu}/{@code enqueue_to_backlog} themselves and the IPI's send
 * (an ICR write; in a VM an exit) on the polling CPU. AF_XDP is never steered: XDP redirects to
 * the XSK in the driver's poll, before {@code netif_receive_skb}; only socket workloads attach
 * an Rps to their NAPI ({@link NapiRuntime#setRps}).
 */
final class Rps {
    /**
     * The flow's hash ({@code skb_get_hash}): an arbitrary fixed value, the golden ratio's bits
     * ({@code 0x9e3779b9}) with the low nine cleared. On a real host it is the NIC's RSS hash or
     * the flow dissector's jhash with a seed drawn at boot, so where a given flow lands differs
     * from boot to boot; here it is the same every run. RPS reads the high bits: of a map of n
     * CPUs, the one at index {@code floor(0.618 * n)} (mask 2: CPU 1, 6: CPU 2, f: CPU 2). RSS
     * reads the low bits: entry 0 of an indirection table of up to 512 entries, so under a default
     * table (entry i is queue i mod n) the flow is on RX queue 0, where the benchmarks run their
     * one flow, and live traffic's first flow is too.
     */
    static final int FLOW_HASH = 0x9e377800;

    private final SimHost host;
    private final Backlog[] backlogs;
    private final FlowLimit[] flowLimits;
    /** {@code rps_ipi_list} of each polling CPU: targets whose backlog NAPI awaits its IPI. */
    private final int[][] ipiList;
    private final int[] ipiCount;
    private final boolean rxBias;
    /** Receive flow steering, consulted before {@code rps_cpus}. */
    private final Rfs rfs;

    Rps(SimHost host) {
        this.host = host;
        this.rfs = new Rfs(host.kernel.sysctls().rpsSockFlowEntries, host.eth0::rxQueue, host.kernel::softnet,
            host.cpus.length);
        this.backlogs = new Backlog[host.cpus.length];
        this.flowLimits = new FlowLimit[host.cpus.length];
        this.ipiList = new int[host.cpus.length][host.cpus.length];
        this.ipiCount = new int[host.cpus.length];
        this.rxBias = host.kernel.profile().has(Behaviour.DEV_WEIGHT_BIAS);
    }

    /**
     * Where {@code get_rps_cpu} would send a frame of hash {@code hash} received on RX queue
     * {@code queue} and polled on {@code cpu}, as things are now: another CPU, or -1 for this one
     * (no steering, or steering to itself). Changes nothing: for pricing a poll's frames.
     */
    int target(int cpu, int queue, int hash) {
        int t = pick(queue, hash, false);
        return t == cpu ? -1 : t;
    }

    /**
     * {@code get_rps_cpu} as {@code netif_receive_skb} runs it for a frame polled on {@code cpu}:
     * RFS may move the flow ({@link Rfs}). Returns the other CPU whose backlog the frame goes to
     * ({@link #enqueue} next), or -1 to go up the stack here. A frame steered to this very CPU is
     * queued on its backlog and processed in the same softirq: the model delivers it at once and
     * only moves the backlog's head and tail past it, which RFS reads.
     */
    int steer(int cpu, int queue, int hash) {
        int t = pick(queue, hash, true);
        if (t < 0) {
            return -1; // no map and no flow (or an offline CPU): __netif_receive_skb, nothing queued
        }
        if (t != cpu) {
            return t;
        }
        SoftnetData sd = host.kernel.softnet(cpu);
        sd.inputQueueHead++;
        rfs.queued(++sd.inputQueueTail);
        return -1;
    }

    /**
     * {@code get_rps_cpu}'s choice: RFS's CPU for the flow ({@code commit}: with
     * {@code set_rps_cpu}), else the map's, else -1; a CPU that is offline is no choice
     * ({@code cpu_online(tcpu)}).
     */
    private int pick(int queue, int hash, boolean commit) {
        int t = rfs.target(queue, hash, commit);
        if (online(t)) {
            return t;
        }
        int m = host.eth0.rxQueue(queue).rpsMapCpu(hash);
        return online(m) ? m : -1;
    }

    private boolean online(int cpu) {
        return cpu >= 0 && cpu < host.cpus.length && host.kernel.hotplug().online(cpu);
    }

    /** {@code sock_rps_record_flow}: a connected socket receiving flow {@code hash} was used on {@code cpu}. */
    void recordFlow(int hash, int cpu) {
        rfs.record(hash, cpu);
    }

    /** Whether RFS steers RX queue {@code queue}: {@code rps_sock_flow_entries} and its {@code rps_flow_cnt} are set. */
    boolean rfsOn(int queue) {
        return rfs.on(queue);
    }

    /** How many times a socket recorded its flow for RFS ({@code sock_rps_record_flow} with the table set). */
    long rfsRecords() {
        return rfs.records();
    }

    /**
     * {@code enqueue_to_backlog(skb, target)} from {@code cpu} for the frame of the request sent
     * at {@code sentAtNs}, of flow hash {@code hash}.
     */
    void enqueue(long sentAtNs, int cpu, int target, int hash) {
        Backlog b = backlog(target);
        int qlen = b.inputLen();
        if (qlen <= host.kernel.sysctls().netdevMaxBacklog.get() && !flowLimit(cpu, qlen, hash)) {
            boolean schedule = b.enqueue(sentAtNs);
            rfs.queued(++host.kernel.softnet(target).inputQueueTail); // rps_input_queue_tail_save
            if (schedule) {
                ipiList[cpu][ipiCount[cpu]++] = target; // napi_schedule_rps: sd->rps_ipi_next = mysd->rps_ipi_list
            }
            return;
        }
        host.kernel.softnet(target).dropped++;
        host.eth0.stats().add(NetStats.RX_DROPPED, 1); // dev_core_stats_rx_dropped_inc (atomic rx_dropped before)
    }

    /** {@code skb_flow_limit(skb, qlen)} on the enqueuing CPU. */
    private boolean flowLimit(int cpu, int qlen, int hash) {
        if (qlen < (host.kernel.sysctls().netdevMaxBacklog.get() >> 1)) {
            return false;
        }
        if (!host.kernel.sysctlsMore().flowLimitCpus().get(cpu)) {
            flowLimits[cpu] = null; // the bitmap dropped this CPU: its table is freed
            return false;
        }
        if (flowLimits[cpu] == null) {
            flowLimits[cpu] = new FlowLimit(host.kernel.sysctls().flowLimitTableLen.get());
        }
        if (flowLimits[cpu].limit(hash)) {
            host.kernel.softnet(cpu).flowLimitCount++;
            return true;
        }
        return false;
    }

    /** {@code net_rps_send_ipi} on {@code cpu}: each CPU on its list gets its IPI now. */
    void sendIpis(int cpu) {
        int[] list = ipiList[cpu];
        int n = ipiCount[cpu];
        ipiCount[cpu] = 0;
        for (int i = 0; i < n; i++) {
            backlog(list[i]).ipi();
        }
    }

    /**
     * eth0 goes away under live traffic ({@link NapiRuntime#retire}): {@code flush_backlog} on
     * every CPU and no IPI left to send. Returns the frames dropped. The kernel flushes at
     * unregister ({@code unregister_netdevice_many}); after a mere down or a queue rebuild the
     * frames would still be processed, which the model, letting go of eth0 then, does not do.
     */
    int flush() {
        java.util.Arrays.fill(ipiCount, 0);
        int n = 0;
        for (Backlog b : backlogs) {
            if (b != null) {
                n += b.flush();
            }
        }
        return n;
    }

    /** CPU {@code cpu}'s backlog, made at its first use. */
    Backlog backlog(int cpu) {
        if (backlogs[cpu] == null) {
            var sysctls = host.kernel.sysctls();
            backlogs[cpu] = new Backlog(host.costs, host.kernel.softnet(cpu), host.pollList(cpu),
                () -> rxBias ? sysctls.devWeight.get() * sysctls.devWeightRxBias.get() : sysctls.devWeight.get(),
                () -> host.napi.perPacketStackNs, host.napi::consumer,
                () -> host.kernel.irqs().countArch("CAL", cpu));
        }
        return backlogs[cpu];
    }

    /** The backlog of {@code cpu} if RPS ever queued there, else null. */
    Backlog backlogIfAny(int cpu) {
        return backlogs[cpu];
    }
}
