package io.netmodel.rx;

import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.cpu.CpuTime;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.SoftnetData;
import io.netmodel.sched.Task;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The run-time side of one {@code napi_struct} and the RX queue behind it: the NIC ring, the
 * interrupt mask, the {@code SCHED}/{@code IN_BUSY_POLL}/{@code MISSED}/{@code PREFER_BUSY_POLL}
 * state, {@code defer_hard_irqs_count} and the watchdog hrtimer. Follows net/core/dev.c
 * (kernel-algorithms.md §1.2–1.6, 1.9, 1.12):
 * <ul>
 * <li>a frame arriving with the interrupt unmasked raises it on the IRQ's CPU; the handler masks
 *     it and schedules the NAPI ({@code napi_schedule}), whose softirq polls on that CPU;</li>
 * <li>{@code napi_complete_done} refills the defer count when there was work, keeps the IRQ masked
 *     and arms the watchdog while the count lasts and {@code gro_flush_timeout} is set;</li>
 * <li>{@code napi_busy_loop} takes the NAPI only if nobody owns it (else, with prefer, it flags
 *     the owner), polls, then {@code busy_poll_stop} refills the count, arms the timer on the
 *     polling CPU and polls once more;</li>
 * <li>a continuous poller (threaded busy poll, or a thread looping on {@code recvfrom}) owns
 *     the NAPI between its polls as far as interrupts go: they stay masked.</li>
 * </ul>
 * A poll delivers what it found to the consumer at its end, as the driver's flush publishes to
 * the XSK ring. Unlike Linux: one NAPI per RX queue and one RX ring per NAPI, no GRO batching, TX completions are
 * cleaned by whichever poll comes next.
 */
final class NapiRuntime implements PollList.Napi {
    /** Who consumes what a poll delivers (the XSK socket's RX ring). */
    interface Consumer {
        /** A frame whose request was sent at {@code sentAtNs} (the client's timestamp) reaches the socket at {@code at}. */
        void deliver(long sentAtNs, long at);

        /** {@link #deliver(long, long)}, taken up the stack on {@code cpu} (for {@code sk_incoming_cpu}). */
        default void deliver(long sentAtNs, long at, int cpu) {
            deliver(sentAtNs, at);
        }
    }

    private final Simulator sim;
    private final RxCosts costs;
    private NapiImpl napi;
    private final IntFunction<Cpu> cpus;
    private final IntFunction<SoftnetData> softnet;
    private final Runnable irqCounter;
    /** The RX ring: the frames no poll has cleaned yet. */
    private final RxRing ring = new RxRing();
    /** The RX queue this NAPI serves ({@code rx-N}: its {@code rps_cpus} steer what it receives). */
    private int rxQueue;
    /** RX queue {@link #rxQueue}'s ring counters on the NAPI's device (looked up once: a device's queues live as long as it does). */
    private io.netmodel.net.RxQueue ringCounters;
    private final Timer watchdog;
    private final io.netmodel.sim.Event txDone = this::txDone;
    /**
     * The end of the poll in flight, and the CPU it runs on: at most one per NAPI, since
     * {@code NAPI_STATE_SCHED} is held from the schedule to the completion, so one event object
     * serves every poll (nothing allocated per poll).
     */
    private int pollCpu;
    private int busyPollBudget;
    private boolean busyPollPrefer;
    private final io.netmodel.sim.Event threadedPollEnd = () -> threadedPollDone(this.pollCpu);
    /** The kthread's deferred poll ({@link Cpu#kthreadTurn}): at its turn, or when the reader sleeps. */
    private final io.netmodel.sim.Timer threadedResume;
    private final Runnable threadedResumeNow = this::threadedResumed;
    /** The kthread waits for its turn on {@link #pollCpu} ({@link #threadedResume}, or the reader's sleep). */
    private boolean kthreadWaiting;
    private final io.netmodel.sim.Event busyPollEnd = () -> busyPollDone(this.pollCpu, this.busyPollBudget, this.busyPollPrefer);
    /** Frames the softirq or threaded poll in progress has been charged for ({@link #pollExtension}). */
    private int pollCharged;
    /** {@link #takeFrames} is handing frames to the consumer (which may stop the loop polling). */
    private boolean delivering;
    /** The continuous poller stopped during {@link #delivering}: its {@code busy_poll_stop} waits for the poll to return. */
    private boolean stopAfterPoll;
    private int stopCpu;
    private boolean stopPrefer;
    /** The NIC's interrupt moderation ({@code ethtool -C}) for this queue's vector. */
    private final IrqModeration moderation;
    private Consumer consumer;
    /** The vector's interrupt count ({@code q_vector->total_events}) and its RX queue's counters. */
    private long irqEvents;
    private long rxPackets;
    private long rxBytes;
    private long arrivals;
    /** Set when the driver's poll function threw; nothing polls this NAPI any more. */
    private boolean disabled;
    private long dropped;
    /** The kernel log ({@code printk}). */
    private java.util.function.Consumer<String> log = line -> { };
    /** Probe points ({@code netmodel trace}); none until the host sets them. */
    private RxProbes probes;
    /** {@code net->mib.net_statistics} of the host ({@link #setNetStatistics}). */
    private io.netmodel.net.LinuxMib netStatistics;

    private final IntSupplier irqCpu;
    private boolean sched;
    /** What {@link #whenReleased} asked to run when the NAPI is next free; else null. */
    private Runnable onRelease;
    private boolean irqMasked;
    private boolean preferBusyPoll;
    private int deferCount;
    private int watchdogCpu;
    private int lastPollCpu = -1;
    private int txToClean;
    private ContinuousPoller continuous;
    /** Protocol work per packet on top of the driver's (TCP/IP receive for TCP_RR; 0 for XSK copy). */
    long perPacketStackNs;
    /** Receive packet steering, for socket workloads; null: none (AF_XDP). */
    private Rps rps;
    /** Frames the last {@link #pollNow} steered to another CPU's backlog. */
    private int steered;

    /**
     * {@code gro_normal_batch} as it applies to this host's frames now: a socket workload's poll
     * hands its frames to the stack in batches of this many ({@code gro_normal_one} →
     * {@code gro_normal_list}, 5.4+; one by one before, as {@code netif_receive_skb} did), each
     * once the poll has done its driver and stack work; the rest at the poll's end. AF_XDP frames
     * (no {@link #rps}: redirected in the driver's poll) are published at the poll's end.
     */
    private IntSupplier groNormalBatch = () -> 0;
    /** The batches a softirq or threaded poll in flight handed over, and of them those RPS steered. */
    private int groFlushed;
    private int groFlushedSteered;
    /** When the poll in flight starts on its RX frames (after TX cleaning), and when it ends now. */
    private long groBase;
    private long groFlushEnd;
    private boolean groFlushPending;
    private final io.netmodel.sim.Event groFlush = this::groFlushDue;

    /** Each CPU's poll list and {@code net_rx_action}, where this NAPI's softirq polls take their turn. */
    private final IntFunction<PollList> pollLists;

    // counters the model keeps besides the kernel's own
    long polls;
    long busyPolls;
    long busyPollPackets;
    long watchdogFires;

    NapiRuntime(Simulator sim, RxCosts costs, NapiImpl napi, IntFunction<Cpu> cpus, IntFunction<SoftnetData> softnet,
                Runnable irqCounter, IntSupplier irqCpu, IntFunction<PollList> pollLists) {
        this.sim = sim;
        this.pollLists = pollLists;
        this.costs = costs;
        this.napi = napi;
        this.cpus = cpus;
        this.softnet = softnet;
        this.irqCounter = irqCounter;
        this.irqCpu = irqCpu;
        this.watchdog = new Timer(sim, this::napiWatchdog);
        this.moderation = new IrqModeration(sim, () -> arrivals, this::moderationExpired);
        this.threadedResume = new Timer(sim, this::threadedResumed);
        findRingCounters();
    }

    /** The NIC's interrupt moderation for this queue's vector ({@code ethtool -C}). */
    IrqModeration moderation() {
        return moderation;
    }

    /** The CPU eth0's input IRQ lands on now ({@code effective_affinity}), where its softirq runs. */
    int irqCpu() {
        return irqCpu.getAsInt();
    }

    void setLog(java.util.function.Consumer<String> log) {
        this.log = log;
    }

    void setProbes(RxProbes probes) {
        this.probes = probes;
    }

    void setConsumer(Consumer c) {
        this.consumer = c;
    }

    /** Who receives what this NAPI's polls (or, under RPS, the backlog polls) deliver. */
    Consumer consumer() {
        return consumer;
    }

    /**
     * The frames go up the stack to a socket ({@code netif_receive_skb}), so receive packet
     * steering applies ({@link Rps}); without it (AF_XDP, whose redirect happens in the driver's
     * poll) every frame is delivered on the polling CPU.
     */
    void setRps(Rps rps) {
        this.rps = rps;
    }

    /**
     * Nothing polls this NAPI any more: it went away under live traffic (its device removed,
     * closed, or its queues rebuilt), or its driver's poll threw. The driver is not called again,
     * events still pending for it do nothing, later frames are dropped, and the frames in its ring
     * are cleared (the caller has counted them); what RPS queued in CPUs' backlogs is freed and
     * counted in {@link #dropped()}.
     */
    void retire() {
        disabled = true;
        irqMasked = true;
        sched = false;
        watchdog.cancel();
        moderation.stop();
        threadedResume.cancel();
        ring.clear();
        if (rps != null) {
            dropped += rps.flush(); // flush_backlog: what RPS had queued on other CPUs
        }
    }

    NapiImpl napi() {
        return napi;
    }

    /**
     * Drives {@code napi} from now on: the host's driver rebuilt its queues while the host was
     * being configured (ethtool -L/-G: the NAPI this runtime was made for was deleted). Only
     * before the run starts; a rebuild under running traffic ends the traffic instead.
     */
    void rebind(NapiImpl napi) {
        this.napi = napi;
        findRingCounters();
    }

    boolean hasValidNapiId() {
        return napi.napiId() != 0;
    }

    /** The driver's poll threw: napi_disable without the driver, and drop what is queued. */
    private void disable(RuntimeException e) {
        dropped += ring.size();
        retire();
        log.accept(napi.dev().name() + ": NAPI " + napi.napiId() + ": poll function threw " + e
            + ": NAPI disabled, its frames are dropped");
    }

    /** Whether the NAPI was disabled because its driver's poll function failed. */
    boolean disabled() {
        return disabled;
    }

    /** Frames dropped because the NAPI was disabled. */
    long dropped() {
        return dropped;
    }

    /**
     * The RX ring's size ({@code ethtool -G rx}): a frame that finds this many descriptors
     * filled is dropped by the NIC and counted ({@code rx_missed_errors}); 0 = unbounded.
     */
    void setRingSize(int descriptors, Runnable missed) {
        ring.setSize(descriptors, missed);
    }

    /** Frames the NIC dropped because the RX ring was full. */
    long ringFullDrops() {
        return ring.fullDrops();
    }

    /** A frame of unknown length lands in the RX ring ({@link #rxArrive(long, int)} with 0 bytes). */
    void rxArrive(long sentAtNs) {
        rxArrive(sentAtNs, 0);
    }

    /**
     * A frame of {@code bytes} lands in the RX ring (DMA done), or is dropped when the ring is full.
     * The RX queue's byte counter (DIM's {@code byte_ctr}) takes it here, where the driver counts
     * it when its poll cleans it: the ring keeps no lengths, and at a completed poll, where DIM
     * samples, the ring has been emptied, so the two agree.
     */
    void rxArrive(long sentAtNs, int bytes) {
        rxArrive(sentAtNs, bytes, Rps.FLOW_HASH);
    }

    /** {@link #rxArrive(long, int)} for a frame of flow hash {@code hash}. */
    void rxArrive(long sentAtNs, int bytes, int hash) {
        if (continuous != null) {
            continuous.catchUp(); // TX completions it cleaned before this frame came
        }
        arrivals++;
        if (disabled) {
            dropped++;
            return;
        }
        if (!ring.offer(sentAtNs, hash)) {
            return; // the ring was full: the NIC dropped it
        }
        rxBytes += bytes;
        ringCounters().bytes += bytes;
        kick();
    }

    /**
     * The NIC will write a TX completion back at {@code at}: an event then, or, while a continuous
     * poller owns the NAPI, an entry it cleans in passing (no event per completion).
     */
    void txCompletesAt(long at) {
        if (continuous != null) {
            continuous.txCompletesAt(at);
        } else {
            sim.scheduleAt(at, txDone);
        }
    }

    /** The NIC finished sending a frame: a TX completion for the next poll, and an IRQ if unmasked. */
    private void txDone() {
        if (continuous != null) {
            continuous.txCompletedNow(); // announced before the poller came
            return;
        }
        txToClean++;
        kick();
    }

    /** A TX completion the continuous poller caught up with: cleaned by its next poll. */
    void txCompleted() {
        txToClean++;
    }

    private void kick() {
        if (continuous != null) {
            continuous.workArrived();
        } else if (!irqMasked && !sched) {
            raiseIrq();
        }
    }

    /** The NIC has a cause and the IRQ is unmasked: interrupt now, or when moderation allows. */
    private void raiseIrq() {
        if (moderation.irqNow(ring.size())) {
            hardIrq();
        }
    }

    private void moderationExpired() {
        if (continuous == null && !irqMasked && !sched && (!ring.isEmpty() || txToClean > 0)) {
            hardIrq();
        }
    }

    /** The device interrupt: the handler masks it and calls napi_schedule; the softirq polls. */
    private void hardIrq() {
        moderation.irqRaised();
        irqEvents++; // the driver's IRQ handler: q_vector->total_events++
        irqMasked = true;
        irqCounter.run();
        napiSchedule(irqCpu.getAsInt(), costs.irq());
    }

    /**
     * napi_schedule_prep + __napi_schedule: on {@code cpu}, after {@code entryNs} of IRQ work. A
     * disabled NAPI ({@code napi_disable}: ifdown) holds {@code NAPI_STATE_SCHED}, so the prep fails.
     */
    private void napiSchedule(int cpu, long entryNs) {
        if (sched) {
            return; // MISSED: the owner polls again before completing (modelled by its repoll)
        }
        if (!napi.enabled()) {
            return;
        }
        sched = true;
        Task kthread = napi.threaded() == NapiThreaded.ENABLED ? napi.thread() : null;
        if (probes != null && probes.napiSchedule.enabled()) {
            probes.napiSchedule.hitAt(probes.at(sim.now()), cpu, "dev", napi.dev().name(), "napi_id", napi.napiId(),
                "threaded", kthread != null ? 1 : 0);
        }
        if (kthread != null) {
            // threaded NAPI: ____napi_schedule wakes napi/<dev>-<id> instead of raising NET_RX
            long woken = cpus.apply(cpu).interrupt(entryNs, 0) + costs.wakeup();
            threadedPoll(kthread.cpu(), woken, true);
            return;
        }
        pollLists.apply(cpu).schedule(this, entryNs); // NET_RX raised: __do_softirq on interrupt (or timer) exit
    }

    /**
     * {@code napi_threaded_poll}: the NAPI's kthread polls on its own CPU as a task (system
     * time), once interrupt work there lets it run; it loops while polls use their whole weight
     * (no {@code netdev_budget}, no ksoftirqd hand-off), then completes like the softirq would.
     * On the live socket's reader's CPU the two take turns as ksoftirqd and the reader do
     * ({@link Cpu#kthreadTurn}), and the reader waits while the kthread polls. {@code woken}: the
     * first poll after {@code napi_schedule} woke the kthread.
     */
    private void threadedPoll(int cpu, long at, boolean woken) {
        Task k = napi.thread();
        int to = k == null ? cpu : kthreadPlacement(k); // taskset may have moved it since its last poll
        if (to != cpu) {
            cpus.apply(cpu).kthreadStops(); // the reader it shared that CPU with goes on
            cpu = to;
        }
        Cpu c = cpus.apply(cpu);
        long ready = c.taskReady(at);
        long start = k == null ? ready : c.kthreadTurn(k, ready, woken);
        pollCpu = cpu;
        if (start != ready) {
            c.kthreadStops(); // the reader has the CPU meanwhile
            if (start != RunQueue.NEVER) {
                threadedResume.startAt(start);
            }
            kthreadWaiting = true;
            c.waitForReaderKthread(threadedResumeNow); // or as soon as the reader sleeps
            return;
        }
        bookThreadedPoll(c, start);
    }

    /**
     * The rule that shares a CPU between RT and fair tasks changed: a kthread waiting for its turn
     * asks again now (its turn may have come, gone, or, from a share of 0, become possible).
     */
    void bandwidthChanged() {
        if (!kthreadWaiting || disabled || !sched || continuous != null || !cpus.apply(pollCpu).kthreadRtDecides()) {
            return; // between fair tasks the slices decide, which no bandwidth changes
        }
        kthreadWaiting = false;
        threadedResume.cancel();
        cpus.apply(pollCpu).waitForReaderKthread(null);
        threadedPoll(pollCpu, sim.now(), false);
    }

    /** The kthread polls on {@code c} ({@link #pollCpu}) from {@code start}: a task's time there, which the reader waits for. */
    private void bookThreadedPoll(Cpu c, long start) {
        long pollNs = pollCost(napi.weight(), pollCpu);
        pollCharged = framesFor(napi.weight());
        c.account(CpuTime.SYSTEM, pollNs);
        c.kthreadPolls(pollNs);
        sim.scheduleAt(start + pollNs, threadedPollEnd);
        pollBooked(start, start + pollNs);
    }

    /**
     * Where the kthread {@code k}, about to poll on its CPU, runs: there, unless the live reader is
     * runnable there and the kthread's mask allows a CPU without one, which it then moves to, the
     * lowest such ({@code select_idle_sibling} at its wake-up, the load balancer pulling it from a
     * CPU with two runnable tasks to an idle one; unlike Linux, at once, not at the next balance).
     * A kthread {@code taskset} to the reader's CPU stays and shares it ({@link Cpu#kthreadTurn}).
     */
    private int kthreadPlacement(Task k) {
        int cpu = k.cpu();
        if (!cpus.apply(cpu).taskRunnable()) {
            return cpu;
        }
        for (int i = k.nextAllowedCpu(0); i >= 0; i = k.nextAllowedCpu(i + 1)) {
            if (i != cpu && cpus.apply(i).online() && !cpus.apply(i).taskRunnable()) {
                k.moveTo(i);
                return i;
            }
        }
        return cpu;
    }

    /** The kthread's turn came (or the reader it waited behind slept): it polls now. */
    private void threadedResumed() {
        kthreadWaiting = false;
        if (disabled || !sched || continuous != null) {
            return;
        }
        threadedResume.cancel();
        Cpu c = cpus.apply(pollCpu);
        c.waitForReaderKthread(null);
        bookThreadedPoll(c, c.taskReady(sim.now()));
    }

    private void threadedPollDone(int cpu) {
        long extra = pollExtension();
        if (extra > 0) {
            Cpu c = cpus.apply(cpu);
            c.account(CpuTime.SYSTEM, extra);
            long end = c.taskReady(sim.now()) + extra;
            sim.scheduleAt(end, threadedPollEnd);
            pollExtended(end);
            return;
        }
        int work = groFlushed + poll(napi.weight() - groFlushed, cpu, true);
        groFlushed = 0;
        groFlushedSteered = 0;
        if (work == napi.weight()) {
            traceNapiPoll(cpu, work, napi.weight());
            threadedPoll(cpu, sim.now(), false);
            return;
        }
        cpus.apply(cpu).kthreadStops(); // napi_thread_wait: it sleeps
        completeAndUnmask(work, cpu);
        traceNapiPoll(cpu, work, napi.weight());
    }

    @Override
    public long beginSoftirqPoll(int cpu) {
        pollCpu = cpu;
        pollCharged = framesFor(napi.weight());
        return pollCost(napi.weight(), cpu);
    }

    /** {@code gro_normal_batch} for this host ({@link #groNormalBatch}). */
    void setGroNormalBatch(IntSupplier batch) {
        this.groNormalBatch = batch;
    }

    /**
     * A poll of this NAPI runs from {@code start} to {@code end}: it cleans TX, then takes its
     * frames one after the other, and each time a {@code gro_normal_batch} of them is done
     * (before the end) that batch reaches the stack; the rest at the end.
     */
    @Override
    public void pollBooked(long start, long end) {
        groFlushed = 0;
        groFlushedSteered = 0;
        groBase = start + costs.pollEmpty() + (long) txToClean * costs.txClean();
        groFlushEnd = end;
        nextGroFlush();
    }

    /** The poll goes on to {@code end} for frames that landed meanwhile: their batches too. */
    @Override
    public void pollExtended(long end) {
        groFlushEnd = end;
        if (!groFlushPending) {
            nextGroFlush();
        }
    }

    /** Books the hand-over of the next full batch if the poll does it before its end. */
    private void nextGroFlush() {
        if (rps == null) {
            return;
        }
        int b = groNormalBatch.getAsInt();
        int boundary = groFlushed + b;
        if (b <= 0 || boundary > pollCharged) {
            return;
        }
        long at = Math.max(sim.now(), groBase + boundary * frameCost(pollCpu));
        if (at < groFlushEnd) {
            groFlushPending = true;
            sim.scheduleAt(at, groFlush);
        }
    }

    /** {@code gro_normal_list} in the middle of a poll: one batch to the stack (or RPS) now. */
    private void groFlushDue() {
        groFlushPending = false;
        int b = groNormalBatch.getAsInt();
        if (disabled || !sched || b <= 0) {
            return;
        }
        int before = steered;
        steered = 0;
        int taken = takeFrames(Math.min(b, pollCharged - groFlushed), pollCpu);
        groFlushed += taken;
        groFlushedSteered += steered;
        steered = before;
        if (taken > 0) { // nothing taken: never book the same batch again at the same instant
            nextGroFlush();
        }
    }

    /**
     * The end of a NET_RX softirq poll ({@code net_rx_action} → {@code __napi_poll}): delivers
     * and counts {@code processed} on this CPU. What runs next is the {@link PollList}'s call.
     */
    @Override
    public int finishSoftirqPoll(int cpu) {
        if (disabled) {
            sched = false;
            return -1;
        }
        int work = groFlushed + poll(napi.weight() - groFlushed, cpu, false);
        // steered frames reach __netif_receive_skb_core on their target
        softnet.apply(cpu).processed += work - steered - groFlushedSteered;
        groFlushed = 0;
        groFlushedSteered = 0;
        if (work == napi.weight()) {
            traceNapiPoll(cpu, work, work); // no napi_complete_done: the softirq polls it again
        }
        return work;
    }

    @Override
    public int softirqWeight() {
        return napi.weight();
    }

    @Override
    public void complete(int work, int cpu) {
        completeAndUnmask(work, cpu); // may raise the IRQ again and start the next run
        traceNapiPoll(cpu, work, napi.weight());
    }

    /**
     * Frames that reached the ring while the softirq or threaded poll ran: the driver's loop
     * cleans descriptors until none is left or the weight is used ({@code virtnet_receive},
     * {@code igb_clean_rx_irq}), so the poll takes them too and runs on for their cost before it
     * flushes. Returns that extra time (0 when nothing came) and counts them as charged.
     */
    @Override
    public long pollExtension() {
        int due = groFlushed + framesFor(napi.weight() - groFlushed);
        if (due <= pollCharged) {
            return 0;
        }
        long extra = framesCost(pollCharged - groFlushed, due - groFlushed, pollCpu); // ring positions: the flushed are gone
        pollCharged = due;
        return extra;
    }

    /** The frames a poll of {@code budget} takes now. */
    int framesFor(int budget) {
        return Math.min(budget, ring.size());
    }

    /** What one frame adds to a poll on {@code cpu}: the driver's work and, unless RPS steers it away, the protocol's. */
    long frameCost(int cpu) {
        return costs.pollPerPacket() + stackNsOn(cpu);
    }

    /** What the ring's frames {@code from} (inclusive) to {@code to} (exclusive) add to a poll on {@code cpu}. */
    private long framesCost(int from, int to, int cpu) {
        if (!ring.hashed() || rps == null) {
            return (to - from) * frameCost(cpu);
        }
        long cost = 0;
        for (int i = from; i < to; i++) {
            boolean steered = rps.target(cpu, rxQueue, ring.hashAt(i)) >= 0;
            cost += costs.pollPerPacket() + (steered ? 0 : perPacketStackNs);
        }
        return cost;
    }

    /** The RX queue's ring counters ({@code ethtool -S} per queue). */
    private io.netmodel.net.RxQueue ringCounters() {
        return ringCounters;
    }

    /** Looks up {@link #ringCounters} again: the NAPI (its device) or the queue changed. */
    private void findRingCounters() {
        ringCounters = ((io.netmodel.net.NetDeviceImpl) napi.dev()).rxQueue(rxQueue);
    }

    /** This NAPI serves RX queue {@code queue} (0 unless live traffic spreads flows over several). */
    void setRxQueue(int queue) {
        rxQueue = queue;
        findRingCounters();
    }

    int rxQueue() {
        return rxQueue;
    }

    /** The protocol's per-frame cost on a poll on {@code cpu}: none when RPS steers the flow to another CPU. */
    private long stackNsOn(int cpu) {
        return rps != null && rps.target(cpu, rxQueue, Rps.FLOW_HASH) >= 0 ? 0 : perPacketStackNs;
    }

    /** A {@code net_rx_action} run ends: its budget, what it polled, whether it ran out (time_squeeze). */
    @Override
    public void runEnded(int cpu, boolean squeezed, int work) {
        if (probes != null && probes.netRxAction.enabled()) {
            probes.netRxAction.hitAt(probes.at(sim.now()), cpu, "budget", pollLists.apply(cpu).netdevBudget(), "work", work,
                "time_squeeze", squeezed ? 1 : 0);
        }
    }

    /**
     * {@code napi_complete_done}, then what the driver does when it says the IRQ may be
     * re-enabled: unmask it, and if a cause is already pending (virtqueue_poll) the interrupt
     * fires again, moderation permitting.
     */
    private void completeAndUnmask(int work, int cpu) {
        if (napiCompleteDone(work, cpu)) {
            moderation.pollCompleted(irqEvents, rxPackets, rxBytes); // idpf_net_dim before re-enabling
            irqMasked = false;
            if (!ring.isEmpty() || txToClean > 0) {
                raiseIrq();
            }
        }
    }

    /** The hrtimer armed by napi_complete_done or busy_poll_stop: a softirq poll, no IRQ. */
    private void napiWatchdog() {
        watchdogFires++;
        if (sched || continuous != null) {
            return;
        }
        preferBusyPoll = false;
        napiSchedule(watchdogCpu, costs.irq());
    }

    /**
     * napi_complete_done: false keeps the IRQ masked (busy poller owns it, or deferral armed the
     * watchdog); true lets the driver unmask it.
     */
    private boolean napiCompleteDone(int work, int cpu) {
        long timeout = 0;
        if (work > 0) {
            deferCount = napi.deferHardIrqs();
        }
        boolean ret = true;
        if (deferCount > 0) {
            deferCount--;
            timeout = napi.groFlushTimeout();
            ret = timeout == 0;
        }
        sched = false;
        preferBusyPoll = false;
        released();
        if (timeout != 0) {
            armWatchdog(timeout, cpu);
        }
        if (probes != null && probes.napiCompleteDone.enabled()) {
            probes.napiCompleteDone.hitAt(probes.at(sim.now()), cpu, "napi_id", napi.napiId(), "work_done", work,
                "defer_hard_irqs_count", deferCount, "ret", ret ? 1 : 0);
        }
        return ret;
    }

    /**
     * {@code hrtimer_start(&napi->timer, ns_to_ktime(timeout), HRTIMER_MODE_REL_PINNED)}: the u64
     * knob becomes a signed ktime, so 2^63 ns and more (a Java long below 0) is in the past and
     * expires at once, and {@code ktime_add_safe} saturates a sum past {@code KTIME_MAX} there: a
     * timer that never fires, as good as none (it replaces any earlier expiry all the same).
     */
    private void armWatchdog(long timeoutNs, int cpu) {
        watchdogCpu = cpu; // HRTIMER_MODE_REL_PINNED: fires on the arming CPU
        if (timeoutNs < 0) {
            watchdog.start(0);
        } else if (timeoutNs > Long.MAX_VALUE - sim.now()) {
            watchdog.cancel();
        } else {
            watchdog.start(timeoutNs);
        }
    }

    /**
     * One non-blocking {@code napi_busy_loop} pass by a task on {@code cpu} at {@code start}
     * ({@code sk_busy_loop(sk, 1)} from sendto/recvfrom), then {@code busy_poll_stop}. Returns
     * when the task is done with it; what the polls found is delivered at that time.
     */
    long busyPollOnce(int cpu, long start, int budget, boolean prefer) {
        long t = start + costs.busyLoopSetup();
        if (!napi.enabled()) {
            return t; // napi_busy_loop: a disabled NAPI holds SCHED, nothing to take
        }
        if (sched || continuous != null) {
            if (prefer) {
                preferBusyPoll = true; // the owner gives the NAPI up at its next full-budget poll
            }
            return t;
        }
        busyPolls++;
        t += pollCost(budget, cpu) + costs.pollEmpty(); // the pass, then busy_poll_stop's final poll
        long end = t;
        sched = true;
        irqMasked = true;
        pollCpu = cpu;
        busyPollBudget = budget;
        busyPollPrefer = prefer;
        sim.scheduleAt(end, busyPollEnd);
        return end;
    }

    /** The end of a {@link #busyPollOnce} pass: its polls deliver, then {@code busy_poll_stop}. */
    private void busyPollDone(int cpu, int budget, boolean prefer) {
        int work = busyLoopPoll(budget, cpu);
        int last = poll(budget, cpu, true); // busy_poll_stop's napi->poll: not added to BusyPollRxPackets
        work += last;
        busyPollPackets += work;
        sched = false;
        released();
        busyPollStop(cpu, prefer);
        traceNapiPoll(cpu, last, budget); // after the napi_complete_done inside that poll
        if (probes != null && probes.napiBusyLoop.enabled()) { // napi_busy_loop returns
            probes.napiBusyLoop.hitAt(probes.at(sim.now()), cpu, "napi_id", napi.napiId(), "budget", budget,
                "prefer", prefer ? 1 : 0, "work", work);
        }
    }

    /**
     * One poll of a busy loop ({@code net/core/dev.c}, {@code __napi_busy_loop}; {@code sk_busy_loop}
     * with {@code ndo_busy_poll} before 4.5, recalled): the poll with the loop's budget, then what it took
     * added to {@code LINUX_MIB_BUSYPOLLRXPACKETS} ({@code if (work > 0) __NET_ADD_STATS(...)}).
     * Every busy poll in the model polls through here, a pass ({@link #busyPollOnce}) and a thread
     * looping on {@code napi_busy_loop} ({@link ContinuousPoller}); not the poll of
     * {@code busy_poll_stop}, nor threaded busy poll's kthread, whose {@code napi_threaded_poll_loop}
     * polls with {@code __napi_poll} and counts no busy-poll packets (6.19).
     */
    int busyLoopPoll(int budget, int cpu) {
        int work = pollNow(budget, cpu);
        if (work > 0) {
            netStatistics.add(io.netmodel.net.LinuxMib.TcpExt.BUSYPOLLRXPACKETS, work);
        }
        return work;
    }

    /** The MIB a busy loop counts into: {@code dev_net(napi->dev)}'s, the host kernel's. */
    void setNetStatistics(io.netmodel.net.LinuxMib mib) {
        this.netStatistics = mib;
    }

    /**
     * {@code napi_suspend_irqs} (6.13): epoll found events with prefer on; a non-zero
     * {@code irq_suspend_timeout} restarts the NAPI hrtimer with it, so the IRQ and the softirq
     * stay off while the application keeps polling.
     */
    void suspendIrqs(int cpu) {
        long timeout = napi.irqSuspendTimeout();
        if (timeout != 0 && continuous == null) { // a u64: "if (timeout)"
            irqMasked = true;
            armWatchdog(timeout, cpu);
        }
    }

    /**
     * {@code napi_resume_irqs} (6.13): epoll's busy poll found nothing; with a non-zero
     * {@code irq_suspend_timeout} the NAPI is scheduled at once so it completes normally and
     * falls back to deferral ({@code gro_flush_timeout}) and then to the IRQ.
     */
    void resumeIrqs(int cpu) {
        if (napi.irqSuspendTimeout() != 0 && !sched && continuous == null) {
            watchdog.cancel();
            napiSchedule(cpu, 0);
        }
    }

    /** busy_poll_stop: with prefer, refill the defer count and arm the watchdog; else complete. */
    private void busyPollStop(int cpu, boolean prefer) {
        if (prefer && napi.deferHardIrqs() > 0 && napi.groFlushTimeout() != 0) {
            deferCount = napi.deferHardIrqs();
            armWatchdog(napi.groFlushTimeout(), cpu);
            return; // IRQ stays masked; the timer takes over
        }
        completeAndUnmask(0, cpu);
    }

    /**
     * {@code NAPIF_STATE_SCHED}: the softirq (or ksoftirqd), a threaded NAPI's kthread or a busy
     * poll owns the NAPI now, so {@code napi_busy_loop} does not take it.
     */
    boolean scheduled() {
        return sched;
    }

    /**
     * Runs {@code r} once, when {@code NAPIF_STATE_SCHED} next clears ({@code napi_complete_done},
     * or a busy-poll pass's stop): a busy loop that found the NAPI owned tries it again then, as
     * {@code napi_busy_loop} does at every iteration. {@code r} is to schedule, not to act: it
     * runs in the middle of the completion. One waiter; a later call replaces it.
     */
    void whenReleased(Runnable r) {
        onRelease = r;
    }

    private void released() {
        Runnable r = onRelease;
        if (r != null) {
            onRelease = null;
            r.run();
        }
    }

    /** Starts a continuous poller: interrupts stay masked and nothing else polls this NAPI. */
    void attach(ContinuousPoller p) {
        continuous = p;
        stopAfterPoll = false; // a loop that stopped and started again in one delivery: it owns the NAPI on
        irqMasked = true;
        watchdog.cancel();
    }

    /** The continuous poller stops (a recvfrom loop pauses): the watchdog takes over, as after busy_poll_stop. */
    void detach(int cpu, boolean prefer) {
        continuous = null;
        if (delivering) {
            // a frame it delivered ended the loop (ep_busy_loop_end, sk_busy_loop_end): the loop
            // checks that after napi->poll returns, so this poll takes the rest of its budget first
            stopAfterPoll = true;
            stopCpu = cpu;
            stopPrefer = prefer;
            return;
        }
        busyPollStop(cpu, prefer);
    }

    /**
     * Polls now on {@code cpu} (the end of a poll whose cost was already paid): delivers up to
     * {@code budget}. The driver's poll function is called first, for what it does besides
     * moving packets (the frames themselves come from the model's ring); if it throws, the
     * NAPI is disabled instead of taking the host down: logged, its IRQ left masked, the frames
     * in its ring and every later one dropped and counted.
     */
    int pollNow(int budget, int cpu) {
        int work = poll(budget, cpu, true);
        traceNapiPoll(cpu, groFlushed + work, groFlushed + budget);
        return work;
    }

    /**
     * {@link #pollNow(int, int)} without its {@code napi:napi_poll} event, which {@code __napi_poll}
     * fires after the driver's poll returns, so after a {@code napi_complete_done} inside it: the
     * caller fires it ({@link #traceNapiPoll}) once what the driver does on completion is done.
     * {@code sendIpis} false for a softirq poll, whose RPS IPIs go out when its
     * {@code net_rx_action} run ends.
     */
    private int poll(int budget, int cpu, boolean sendIpis) {
        steered = 0;
        if (disabled) {
            return 0;
        }
        try {
            napi.poll().poll(napi, budget);
        } catch (RuntimeException e) {
            disable(e);
            return 0;
        }
        polls++;
        lastPollCpu = cpu;
        txToClean = 0;
        int work = takeFrames(budget, cpu);
        if (sendIpis && rps != null) {
            rps.sendIpis(cpu);
        }
        return work;
    }

    /**
     * {@code trace_napi_poll(n, work, weight)} for a poll that took {@code work} of {@code budget}
     * (the whole poll's, batches handed over included); none for a NAPI the driver's poll disabled.
     */
    private void traceNapiPoll(int cpu, int work, int budget) {
        if (probes != null && probes.napiPoll.enabled() && !disabled) {
            probes.napiPoll.hitAt(probes.at(sim.now()), cpu, "dev", napi.dev().name(), "napi_id", napi.napiId(),
                "work", work, "budget", budget);
        }
    }

    /**
     * Takes up to {@code max} frames off the ring on {@code cpu} to the consumer, or through RPS
     * to another CPU's backlog ({@link #steered} counts those), and counts them on the ring.
     */
    private int takeFrames(int max, int cpu) {
        int work = 0;
        boolean outer = !delivering;
        delivering = true;
        try {
            while (work < max && !ring.isEmpty()) {
                int hash = ring.hashAt(0);
                int target = rps == null ? -1 : rps.steer(cpu, rxQueue, hash);
                if (target < 0) {
                    consumer.deliver(ring.poll(), sim.now(), cpu);
                } else {
                    rps.enqueue(ring.poll(), cpu, target, hash); // netif_receive_skb -> enqueue_to_backlog
                    steered++;
                }
                work++;
            }
        } finally {
            if (outer) {
                delivering = false;
            }
        }
        rxPackets += work;
        ringCounters().packets += work;
        if (outer && stopAfterPoll) {
            stopAfterPoll = false;
            busyPollStop(stopCpu, stopPrefer);
        }
        return work;
    }

    /** What a poll of {@code budget} on {@code cpu} costs given what is waiting now. */
    long pollCost(int budget, int cpu) {
        int n = Math.min(budget, ring.size());
        long cost = costs.pollEmpty() + framesCost(0, n, cpu) + (long) txToClean * costs.txClean();
        if (lastPollCpu >= 0 && lastPollCpu != cpu) {
            cost += costs.napiMove();
        }
        return cost;
    }

    /** Frames that reached this RX queue (kept, or dropped at a full ring or a disabled NAPI). */
    long arrivals() {
        return arrivals;
    }

    /** Frames waiting in the RX ring. */
    int ringSize() {
        return ring.size();
    }

    boolean ringEmpty() {
        return ring.isEmpty();
    }
}
