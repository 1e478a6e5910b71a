package io.netmodel.rx;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.Kernel;
import io.netmodel.irq.IrqAction;
import io.netmodel.irq.IrqDesc;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetStats;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import java.nio.charset.StandardCharsets;

/**
 * One host of a benchmark: a {@link Kernel} with its driver bound, the run-time state of
 * eth0's first RX NAPI, and its CPUs; frames it transmits reach the peer after the wire's
 * latency. Knobs are set the way a script would, by writing the host's own files, so what runs
 * is what the files say.
 */
final class SimHost {
    final String name;
    final Kernel kernel;
    final Simulator sim;
    final RxCosts costs;
    final Cpu[] cpus;
    final NetDeviceImpl eth0;
    final NapiRuntime napi;
    private final Rng wireRng;
    /** The release hands frames to the stack in {@code gro_normal_batch} batches (5.4+). */
    private final boolean groNormalBatched;
    /** What a set-up script reported while configuring this host (a refused ethtool line, say). */
    final java.util.Map<String, String> setupNotes = new java.util.LinkedHashMap<>();
    private IrqDesc inputIrq;
    SimHost peer;
    /** When the last frame this host sent has left the link (frames go out one at a time). */
    private long linkFreeAt;

    SimHost(String name, Kernel kernel, Simulator sim, RxCosts costs) {
        this.name = name;
        this.kernel = kernel;
        this.sim = sim;
        this.costs = costs;
        this.wireRng = sim.rng().fork(name + ".wire");
        this.groNormalBatched = kernel.profile().has(io.netmodel.api.kernel.Behaviour.GRO_NORMAL_BATCH);
        this.cpus = new Cpu[kernel.cpus().count()];
        for (int i = 0; i < cpus.length; i++) {
            cpus[i] = new Cpu(i, kernel.cpus().cpu(i), sim, cpus.length,
                !kernel.profile().has(io.netmodel.api.kernel.Behaviour.SCHED_EEVDF), kernel.hotplug());
        }
        this.eth0 = kernel.netdevs().byName("eth0");
        if (eth0 == null || eth0.napis().isEmpty()) {
            throw new IllegalArgumentException(name + ": no eth0 with a NAPI" + probeFailure(kernel));
        }
        NapiImpl first = eth0.napis().get(0);
        this.inputIrq = findInputIrq();
        this.pollLists = new PollList[cpus.length];
        this.napi = new NapiRuntime(sim, costs, first, i -> cpus[i], kernel::softnet,
            () -> {
                if (inputIrq != null) {
                    inputIrq.fire(inputIrq.effectiveCpu());
                }
            }, () -> inputIrq == null ? 0 : inputIrq.effectiveCpu(), this::pollList);
        this.napi.setLog(kernel::printk);
        this.napi.setNetStatistics(kernel.netStatistics());
        this.napi.setGroNormalBatch(this::groNormalBatch);
        this.rxQueues.add(napi);
        this.rps = new Rps(this);
        traceFrom(0);
    }

    private final PollList[] pollLists;

    /** Why no driver made eth0: the last probe failure (the driver's reason and the errno), if any. */
    private static String probeFailure(Kernel kernel) {
        String failure = kernel.drivers().lastProbeFailure();
        return failure != null ? ": " + failure : " (is a driver loaded for its NIC?)";
    }

    /** CPU {@code cpu}'s poll list and {@code net_rx_action}, made at its first use. */
    PollList pollList(int cpu) {
        if (pollLists[cpu] == null) {
            var sysctls = kernel.sysctls();
            pollLists[cpu] = new PollList(sim, costs, cpus[cpu], kernel.softnet(cpu), kernel.profile(),
                new NetRxAction(kernel.profile(), sysctls.netdevBudget::get, sysctls.netdevBudgetUsecs::get),
                () -> rps.sendIpis(cpu), this::pollList);
        }
        return pollLists[cpu];
    }

    /**
     * The RT sysctls or a fair server changed: tasks of this host waiting for their share (a
     * deferred ksoftirqd, a threaded NAPI's kthread) ask again ({@link PollList#bandwidthChanged}).
     */
    void bandwidthChanged() {
        for (PollList p : pollLists) {
            if (p != null) {
                p.bandwidthChanged();
            }
        }
        for (NapiRuntime q : rxQueues) {
            q.bandwidthChanged();
        }
    }

    /** Receive packet steering on eth0's RX queues; acts once a socket workload attaches it ({@link #steerToSockets}). */
    final Rps rps;

    /** The workload's frames go up the stack to a socket: {@code rps_cpus} applies ({@link Rps}). */
    void steerToSockets() {
        for (NapiRuntime q : rxQueues) {
            q.setRps(rps);
        }
    }

    /** The RX queues the host receives on: the benchmark flow's ({@link #napi}), unless {@link #useAllRxQueues} made one per queue. */
    private final java.util.List<NapiRuntime> rxQueues = new java.util.ArrayList<>();

    /** Whether {@link #useAllRxQueues} ran: the host receives on every queue, not on one flow's. */
    private boolean spread;

    /** {@code net.core.gro_normal_batch} now; 1 before 5.4, where each skb went up the stack by itself. */
    private int groNormalBatch() {
        return groNormalBatched ? kernel.sysctls().groNormalBatch.get() : 1;
    }

    /** The runtime of each RX queue in use, queue 0 first. */
    java.util.List<NapiRuntime> rxQueues() {
        return rxQueues;
    }

    /**
     * Frames of several flows (live traffic): every RX queue in use ({@code real_num_rx_queues})
     * gets its runtime, with the NAPI that serves it and its interrupt ({@link #queueIrq}). Before
     * the first frame only.
     */
    void useAllRxQueues() {
        spread = true;
        int n = Math.max(1, eth0.realNumRxQueues());
        java.util.List<IrqDesc> vectors = queueVectors();
        for (int q = rxQueues.size(); q < n; q++) {
            NapiImpl ni = queueNapi(eth0, q);
            if (ni == null) {
                break; // fewer NAPIs than queues: the rest share none the model can drive
            }
            IrqDesc irq = queueIrq(ni, q, vectors);
            NapiRuntime rt = new NapiRuntime(sim, costs, ni, i -> cpus[i], kernel::softnet,
                () -> {
                    if (irq != null) {
                        irq.fire(irq.effectiveCpu());
                    }
                }, () -> irq == null ? 0 : irq.effectiveCpu(), this::pollList);
            rt.setRxQueue(q);
            rt.setLog(kernel::printk);
            rt.setNetStatistics(kernel.netStatistics());
            rt.setGroNormalBatch(this::groNormalBatch);
            rt.setProbes(probes);
            rxQueues.add(rt);
        }
    }

    /**
     * The RX queue RSS puts a frame of flow hash {@code hash} on: entry {@code hash mod s} of the
     * device's indirection table of s entries (the RETA index is the hash's low log2(s) bits, s a
     * power of two on the modelled NICs), as {@link #loadNicSettings} last read it from the driver
     * (live traffic does at every slice, holding the model lock for it, so an {@code ethtool -X}
     * written meanwhile steers the frames of the next slice). A device without a table
     * ({@code get_rxfh} absent or empty, e.g. virtio-net without {@code VIRTIO_NET_F_RSS}) spreads
     * by its own: the default table of {@link #RSS_INDIR_SIZE} entries over the queues in use.
     */
    NapiRuntime rssQueue(int hash) {
        int n = rxQueues.size();
        int q = rssEntry(rssIndir, hash, n);
        return rxQueues.get(q < n ? q : q % n); // a queue without a runtime (no NAPI) folds back
    }

    /** eth0's indirection table as of the last {@link #loadNicSettings}, or null without one. */
    private int[] rssIndir;

    /** The queue entry {@code hash mod size} of {@code indir} names, or without a table the default spread over {@code n} queues. */
    private static int rssEntry(int[] indir, int hash, int n) {
        return indir == null ? (hash & (RSS_INDIR_SIZE - 1)) % n : indir[Integer.remainderUnsigned(hash, indir.length)];
    }

    /** Entries of the default RSS indirection table of a device without one (igb's and ixgbe's 82599 {@code RETA} size). */
    static final int RSS_INDIR_SIZE = 128;

    /** The NAPI of {@code dev}'s RX queue {@code q}: the one the driver linked ({@code netif_queue_set_napi}), else its {@code q}-th. */
    static NapiImpl queueNapi(NetDeviceImpl dev, int q) {
        NapiImpl linked = dev.rxQueue(q).napi();
        if (linked != null) {
            return linked;
        }
        return q < dev.napis().size() ? dev.napis().get(q) : null;
    }

    /**
     * RX queue {@code q}'s interrupt: the NAPI's ({@code netif_napi_set_irq}), else the device's
     * queue vectors in the order of the queue number in their names, taken in turn when there are
     * more queues than vectors (mlx4_en's rings on {@code cpu % num_comp_vectors}), else (one
     * shared vector or a legacy line) RX queue 0's.
     */
    private IrqDesc queueIrq(NapiImpl ni, int q, java.util.List<IrqDesc> vectors) {
        IrqDesc linked = ni.irq() < 0 ? null : kernel.irqs().get(ni.irq());
        if (linked != null) {
            return linked;
        }
        return vectors.isEmpty() ? inputIrq : vectors.get(q % vectors.size());
    }

    /** The device's queue vectors by the queue number in their names (see {@link #findInputIrq}). */
    private java.util.List<IrqDesc> queueVectors() {
        java.util.TreeMap<Integer, IrqDesc> byIndex = new java.util.TreeMap<>();
        for (int n = 0; n < 4096; n++) {
            IrqDesc d = kernel.irqs().get(n);
            if (d == null) {
                continue;
            }
            for (IrqAction a : d.actions()) {
                java.util.regex.Matcher m = QUEUE_VECTOR.matcher(a.name());
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            byIndex.putIfAbsent(Integer.parseInt(m.group(g)), d);
                        }
                    }
                }
            }
        }
        return new java.util.ArrayList<>(byIndex.values());
    }

    /** Names of RX queue vectors: virtio's input.N, Intel's TxRx-N / -rx-N, idpf's Rx-N, mlx4's completion EQs. */
    private static final java.util.regex.Pattern QUEUE_VECTOR = java.util.regex.Pattern.compile(
        "input\\.(\\d+)$|TxRx-(\\d+)$|-rx-(\\d+)$|^idpf-.*-Rx-(\\d+)$|^mlx4-comp-(\\d+)@|^mlx4-(\\d+)@");

    /**
     * RPS when it was on for the run: the flow's RX queue's {@code rps_cpus} as a knob (with RFS's
     * two table sizes when both are set, and how often the socket recorded its flow, or why RFS
     * did nothing), and per CPU whose
     * backlog RPS used, its IPIs ({@code received_rps}), backlog polls, {@code processed} and
     * backlog drops; on the polling side, {@code flow_limit_count} where it moved. Nothing when
     * {@code rps_cpus} is 0 and no backlog was used, so such runs report as before.
     */
    void describeRps(java.util.Map<String, String> knobs, java.util.Map<String, Long> counters) {
        boolean used = false;
        for (int c = 0; c < cpus.length; c++) {
            used |= rps.backlogIfAny(c) != null;
        }
        int q = napi.rxQueue();
        boolean rfs = rps.rfsOn(q);
        if (!eth0.rxQueue(q).rpsOn() && !used && !rfs) {
            return;
        }
        String queue = "/sys/class/net/eth0/queues/rx-" + q + "/";
        knobs.put(name + ".eth0.queues.rx-" + q + ".rps_cpus", read(queue + "rps_cpus"));
        if (rfs) {
            knobs.put(name + ".net.core.rps_sock_flow_entries", read("/proc/sys/net/core/rps_sock_flow_entries"));
            knobs.put(name + ".eth0.queues.rx-" + q + ".rps_flow_cnt", read(queue + "rps_flow_cnt"));
            long records = rps.rfsRecords();
            if (records == 0) {
                knobs.put(name + ".rfs", "inactive: no socket recorded its flow (sock_rps_record_flow records"
                    + " connected sockets only; this workload's are not)");
            } else {
                counters.put(name + ".rfs.records", records);
            }
        }
        for (int c = 0; c < cpus.length; c++) {
            Backlog b = rps.backlogIfAny(c);
            io.netmodel.net.SoftnetData sd = kernel.softnet(c);
            String p = name + ".softnet.cpu" + c + ".";
            if (b != null) {
                counters.put(p + "received_rps", Integer.toUnsignedLong(sd.receivedRps));
                counters.put(p + "backlog_polls", b.polls);
                counters.put(p + "processed", Integer.toUnsignedLong(sd.processed));
                counters.put(p + "dropped", Integer.toUnsignedLong(sd.dropped));
            }
            if (sd.flowLimitCount != 0) {
                counters.put(p + "flow_limit_count", Integer.toUnsignedLong(sd.flowLimitCount));
            }
        }
    }

    /**
     * The receive path's probes report simulated time plus {@code baseNs}: 0 for a benchmark's
     * own host (booted with the simulation), the kernel's time since boot at the start for live
     * traffic.
     */
    void traceFrom(long baseNs) {
        probes = new RxProbes(kernel.trace(), baseNs);
        for (NapiRuntime q : rxQueues) {
            q.setProbes(probes);
        }
    }

    private RxProbes probes;

    /**
     * Reads the NIC settings the run uses from eth0's driver, once the host is configured:
     * interrupt moderation ({@code ethtool -c}; none when the driver has no {@code get_coalesce})
     * and the RX ring's size ({@code ethtool -g}; unbounded without {@code get_ringparam}).
     */
    void loadNicSettings() {
        kernel.lock().call(() -> {
            resync();
            var coalesce = io.netmodel.net.EthtoolCore.coalesce(eth0);
            for (NapiRuntime rx : rxQueues) {
                IrqModeration m = rx.moderation();
                m.setCoalescing(io.netmodel.net.EthtoolCore.rxUsecs(eth0, 0), io.netmodel.net.EthtoolCore.rxFrames(eth0, 0));
                coalesce.ifPresentOrElse(c -> adaptiveRates(m, c), m::adaptiveOff);
                rx.setRingSize(io.netmodel.net.EthtoolCore.rxRingSize(eth0, 0),
                    () -> eth0.stats().add(NetStats.RX_MISSED_ERRORS, 1));
            }
            nicLoaded = true;
            rssIndir = io.netmodel.net.EthtoolCore.rssIndir(eth0);
            return null;
        });
    }

    /**
     * After a configuration step that may have rebuilt eth0's queues (an {@code ethtool -L}/{@code -G}
     * that deletes and re-adds NAPIs and re-requests IRQs) or rewrote its RSS table
     * ({@code ethtool -X}): follow the NAPI and IRQ of the RX queue the benchmark's one flow lands on
     * ({@link #flowQueue}: queue 0, eth0's first NAPI, unless a configured table says otherwise) as
     * they are now. Before the run only; live traffic ({@link #useAllRxQueues}) keeps queue 0 here.
     */
    void resync() {
        int q = spread ? 0 : flowQueue(eth0);
        NapiImpl first = q == 0 ? (eth0.napis().isEmpty() ? null : eth0.napis().get(0)) : queueNapi(eth0, q);
        if (first == null) {
            throw new IllegalStateException(name + ": eth0 has no NAPI after its queues were rebuilt");
        }
        if (first != napi.napi()) {
            napi.rebind(first);
        }
        napi.setRxQueue(q);
        inputIrq = q == 0 ? findInputIrq() : queueIrq(first, q, queueVectors());
    }

    /**
     * The RX queue RSS puts the benchmarks' one flow on ({@link Rps#FLOW_HASH}: entry 0 of the
     * table): queue 0 under a default table; what {@code ethtool -X} wrote there otherwise (a
     * queue out of use, or without a NAPI, falls back to 0).
     */
    static int flowQueue(NetDeviceImpl dev) {
        int q = rssEntry(io.netmodel.net.EthtoolCore.rssIndir(dev), Rps.FLOW_HASH, Math.max(1, dev.realNumRxQueues()));
        return q < dev.realNumRxQueues() && queueNapi(dev, q) != null ? q : 0;
    }

    /** Whether {@link #loadNicSettings} ran before: the first load is the device's open. */
    private boolean nicLoaded;

    /**
     * {@code adaptive-rx}: for a driver that declared DIM ({@code NetDevice.setRxDim}: idpf) it
     * runs {@code net_dim()} on eth0's NAPI ({@link IrqModeration#dimOn}); off, the static values.
     * Otherwise, with packet-rate thresholds ({@code pkt-rate-low}/{@code -high}: mlx4_en) it
     * turns on rate-based moderation, sampled every {@code sample-interval} seconds or, when the
     * driver reports 0, every quarter second (mlx4_en samples in its statistics work, HZ / 4).
     */
    private void adaptiveRates(IrqModeration m, io.netmodel.api.ethtool.Coalesce c) {
        io.netmodel.api.netdev.RxDim dimDecl = eth0.rxDim();
        if (dimDecl != null) {
            if (c.useAdaptiveRxCoalesce()) {
                m.dimOn(dimDecl, !nicLoaded);
            } else {
                m.dimOff();
            }
            return;
        }
        long low = c.get(io.netmodel.api.ethtool.CoalesceParam.PKT_RATE_LOW);
        long high = c.get(io.netmodel.api.ethtool.CoalesceParam.PKT_RATE_HIGH);
        if (!c.useAdaptiveRxCoalesce() || (low == 0 && high == 0)) {
            m.adaptiveOff();
            return;
        }
        long interval = c.get(io.netmodel.api.ethtool.CoalesceParam.RATE_SAMPLE_INTERVAL);
        m.setAdaptiveRates(low, c.get(io.netmodel.api.ethtool.CoalesceParam.RX_USECS_LOW), high,
            c.get(io.netmodel.api.ethtool.CoalesceParam.RX_USECS_HIGH),
            interval > 0 ? interval * 1_000_000_000L : ADAPTIVE_SAMPLE_NS);
    }

    /**
     * What DIM did on eth0 when it moderated the run: the profile in force at the end (its
     * rx-usecs and frame count, the index and tune state) as a knob, and how often its work wrote
     * a new profile as a counter. Nothing when DIM did not run (adaptive-rx off, or a driver
     * without DIM), so such runs report as before.
     */
    void describeDim(java.util.Map<String, String> knobs, java.util.Map<String, Long> counters) {
        RxDimModeration d = napi.moderation().dim();
        if (d == null || !napi.moderation().dimRunning()) {
            return;
        }
        io.netmodel.api.netdev.RxDim.CqModer m = d.current();
        knobs.put(name + ".eth0.rx_dim", "rx-usecs " + m.usec() + (m.pkts() > 0 ? " rx-frames " + m.pkts() : "")
            + " (profile " + d.dim().profileIx() + ", " + d.dim().tuneState() + ")");
        counters.put(name + ".dim.profile_changes", d.profileChanges);
    }

    /** mlx4_en's {@code STATS_DELAY} (HZ / 4): how often its auto-moderation samples the rate. */
    static final long ADAPTIVE_SAMPLE_NS = 250_000_000L;

    /** The kthread of eth0's NAPI ({@code napi/eth0-N}), there when the NAPI is threaded. */
    io.netmodel.sched.Task napiKthreadTask() {
        io.netmodel.sched.Task thread = napi.napi().thread();
        if (thread == null) {
            throw new IllegalStateException(name + ": threaded busy poll, but eth0's NAPI has no kthread");
        }
        return thread;
    }

    /**
     * The threaded-busy-poll kthread as a loop: it polls eth0's NAPI without sleeping, kernel
     * time, on the CPU its affinity put it on.
     */
    ContinuousPoller napiKthread() {
        return new ContinuousPoller(ContinuousPoller.Loop.NAPI_KTHREAD, sim, sim.rng().fork(name + ".kthread"), napi,
            cpus[napiKthreadTask().cpu()], costs.pollEmpty(), napi.napi().weight(), io.netmodel.cpu.CpuTime.SYSTEM);
    }

    /**
     * The kthread {@code loop} shares its CPU with the application thread {@code appName}
     * ({@link RunQueue}), as its policy and this host's {@link RtBandwidth} decide.
     */
    void shareKthreadCpu(ContinuousPoller loop, String appName, boolean appSpins, long now) {
        io.netmodel.sched.Task thread = napiKthreadTask();
        cpus[thread.cpu()].rq.share(loop, thread.comm(), thread.policy(), thread.rtPriority(), appName, appSpins, now,
            cpus.length, new RtBandwidth(kernel.profile(), kernel.sysctlKernel(), thread.cpu()), costs.wakeup(),
            sim.rng().fork(name + ".sched"));
    }

    /** The IRQ number of the flow's RX queue ({@code /proc/irq/N}), or -1. */
    int inputIrqNumber() {
        return inputIrq == null ? -1 : inputIrq.number();
    }

    /** The CPU the flow's RX queue's IRQ is delivered to ({@code effective_affinity}), or -1 without one. */
    int inputIrqCpu() {
        return inputIrq == null ? -1 : inputIrq.effectiveCpu();
    }

    /**
     * The IRQ of RX queue 0: the one that schedules eth0's first NAPI when the driver said so
     * ({@code netif_napi_set_irq}, {@code napi->irq}); else the MSI-X vector named
     * "...input.0"/"...TxRx-0" (idpf numbers its queue vectors from 1, after the mailbox's 0:
     * {@code idpf-eth0-TxRx-1}, and links them to its NAPIs only from {@code QUEUE_NAPI_MAP};
     * mlx4 names its first completion vector {@code mlx4-0@}, {@code mlx4-comp-0@} or, when the
     * async EQ is 0, {@code mlx4-1@}: IRQs are searched in number order, so the lowest of them
     * wins), else the device's only one.
     */
    private IrqDesc findInputIrq() {
        NapiImpl first = eth0.napis().isEmpty() ? null : eth0.napis().get(0);
        IrqDesc linked = first == null || first.irq() < 0 ? null : kernel.irqs().get(first.irq());
        if (linked != null) {
            return linked;
        }
        IrqDesc only = null;
        String idpf = "idpf-" + eth0.name() + "-";
        for (int n = 0; n < 4096; n++) {
            IrqDesc d = kernel.irqs().get(n);
            if (d == null) {
                continue;
            }
            for (IrqAction a : d.actions()) {
                String an = a.name();
                if (an.endsWith("input.0") || an.endsWith("TxRx-0") || an.endsWith("-rx-0") || an.endsWith("-rx")
                    || an.startsWith("mlx4-0@") || an.startsWith("mlx4-comp-0@") || an.startsWith("mlx4-1@")
                    || an.equals(idpf + "TxRx-1") || an.equals(idpf + "Rx-1")) {
                    return d;
                }
                if (an.equals(eth0.name()) || an.endsWith("-virtqueues")) {
                    only = d;
                }
            }
        }
        return only;
    }

    /** Ethernet's per-frame cost on the wire besides the frame: preamble and SFD 8, FCS 4, inter-frame gap 12. */
    static final int WIRE_OVERHEAD_BYTES = 24;
    /** The shortest frame without FCS (shorter ones are padded). */
    static final int MIN_FRAME_BYTES = 60;

    /**
     * Time to clock a frame of {@code frameBytes} (headers, no FCS) onto a link of {@code mbps}:
     * padding, preamble, FCS and inter-frame gap included; 0 when the speed is unknown (virtio_net
     * has no link of its own: the host's vhost path is in {@code wire}).
     */
    static long serializationNs(int frameBytes, int mbps) {
        if (mbps <= 0) {
            return 0;
        }
        return (Math.max(frameBytes, MIN_FRAME_BYTES) + WIRE_OVERHEAD_BYTES) * 8000L / mbps;
    }

    /**
     * Sends a frame of {@code bytes} for the request sent at {@code sentAtNs} that the NIC starts to send at {@code leaveAt}: once the link
     * is free (one frame at a time) it takes its serialization time at eth0's link speed, then
     * reaches the peer one wire trip later; its TX completion is written back half a trip after
     * the last bit left.
     */
    void transmit(long sentAtNs, long leaveAt, int bytes) {
        eth0.stats().add(NetStats.TX_PACKETS, 1);
        eth0.stats().add(NetStats.TX_BYTES, bytes);
        long sent = Math.max(leaveAt, linkFreeAt) + serializationNs(bytes, eth0.speedMbps());
        linkFreeAt = sent;
        long arrive = sent + costs.wire() + wireRng.uniform(0, costs.wireJitter() + 1);
        sim.scheduleAt(arrive, peer.arrivals.event(sentAtNs, bytes));
        // The TX completion is written back once the frame is out: half a trip, DMA and NIC.
        napi.txCompletesAt(sent + costs.wire() / 2);
    }

    /** Frames on their way to this host: (request's send time, bytes). */
    private final io.netmodel.sim.EventPool arrivals = new io.netmodel.sim.EventPool((sentAtNs, bytes) -> receive(sentAtNs, bytes));

    /** A frame from the peer reaches eth0: counted, then into the RX ring. */
    private void receive(long sentAtNs, long bytes) {
        eth0.stats().add(NetStats.RX_PACKETS, 1);
        eth0.stats().add(NetStats.RX_BYTES, bytes);
        napi.rxArrive(sentAtNs, (int) bytes);
    }

    /**
     * Runs {@code sim} through warm-up and {@code durationNs}, telling {@code progress} how far
     * the measured part has got about a hundred times on the way.
     */
    static void runReporting(Simulator sim, long warmupNs, long durationNs, io.netmodel.api.bench.ProgressListener progress) {
        long endAt = warmupNs + durationNs;
        long step = Math.max(1_000_000, durationNs / 100);
        for (long t = step; t < endAt + step; t += step) {
            sim.runUntil(Math.min(t, endAt));
            progress.progress(Math.max(0, sim.now() - warmupNs), durationNs);
        }
    }

    /** A client and a server host joined by one wire, each booted from {@code boot}. */
    static SimHost[] pair(java.util.function.Supplier<Kernel> boot, Simulator sim, RxCosts costs) {
        SimHost client = new SimHost("client", boot.get(), sim, costs);
        SimHost server = new SimHost("server", boot.get(), sim, costs);
        client.peer = server;
        server.peer = client;
        return new SimHost[] {client, server};
    }

    /** Writes {@code value} to a file of this host, as {@code echo value > path} would. */
    void write(String path, String value) {
        try {
            OpenFile f = kernel.fs().open(path, true, Caller.ROOT);
            try {
                f.write((value + "\n").getBytes(StandardCharsets.US_ASCII), 0);
            } finally {
                f.release();
            }
        } catch (VfsException e) {
            throw new IllegalStateException(name + ": echo " + value + " > " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file of this host, trimmed. */
    String read(String path) {
        try {
            OpenFile f = kernel.fs().open(path, false, Caller.ROOT);
            try {
                return new String(f.read(0, 4096), StandardCharsets.US_ASCII).trim();
            } finally {
                f.release();
            }
        } catch (VfsException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
