package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.cpu.CpuTime;
import io.netmodel.net.NapiHash;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.SnmpMib;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;

/**
 * The UDP socket live traffic is addressed to, and the application thread reading it: a
 * blocking {@code recvfrom} loop on one CPU ({@code udp_recvmsg} → {@code __skb_recv_udp}).
 *
 * <p>The socket is unconnected unless the traffic was started with {@code --connect}
 * ({@link #setConnected}). {@code __udp_queue_rcv_skb} marks a connected socket with the id of the
 * NAPI that received each packet ({@code sk_mark_napi_id}), and an unconnected one, from 4.12, with
 * the first packet's only ({@code sk_mark_napi_id_once}; before 4.12 not at all, so it cannot busy
 * poll). A {@code recvfrom} that finds the queue empty asks
 * {@code sk_can_busy_loop}; if it may, {@code sk_busy_loop} looks the NAPI up by that id
 * ({@code napi_by_id}) and {@code napi_busy_loop} polls it for up to {@code sk_ll_usec} µs
 * ({@code SO_BUSY_POLL}, or {@code net.core.busy_read} when the socket was created, as
 * {@code sock_init_data} copies it); then the thread sleeps until a packet wakes it. The lookup
 * is by id every time, so once the driver is gone, or its NAPIs were deleted and re-added with
 * fresh ids, the id the socket holds finds nothing: a connected socket busy-polls again once a
 * packet from a live NAPI marks it, an unconnected one never does (its first id stays), and with
 * several RX queues an unconnected socket polls the first packet's queue only.
 *
 * <p>Before 4.12 {@code sk_can_busy_loop} itself refuses a socket whose {@code sk_napi_id} is 0;
 * from 4.12 the id is checked against {@code MIN_NAPI_ID} in {@code sk_busy_loop}. Before 4.5 the
 * NAPI's driver needs its own {@code ndo_busy_poll} ({@link BusyPoll}). Unlike Linux: a busy loop
 * whose NAPI is removed under it ends there (Linux spins on until {@code sk_ll_usec} runs out,
 * finding the NAPI disabled); a socket id that resolves to a NAPI of eth0 the traffic does not
 * fill (an RX queue outside {@code real_num_rx_queues}) spins {@code sk_ll_usec} finding nothing.
 * Frames that RPS steered through a backlog mark the socket with RX queue 0's NAPI (Linux keeps
 * each skb's own {@code napi_id}).
 *
 * <p>The thread is a task in the task table ({@link #task}: {@code ps} shows it, {@code chrt} and
 * {@code taskset} act on it). Its policy decides, against {@code ksoftirqd/N} on its CPU, who
 * runs softirq work handed to ksoftirqd ({@link KsoftirqdSched}, read at every decision); a new
 * affinity that excludes its CPU moves it ({@link #migrate}), as the kernel's
 * {@code __set_cpus_allowed_ptr} migrates a task off a CPU it may no longer use. A {@link #nonblock}
 * thread loops on {@code recvfrom(MSG_DONTWAIT)}: it never sleeps, each call that finds nothing
 * returns {@code EAGAIN} ({@code __skb_recv_udp}), and with {@code sk_ll_usec} each call polls the
 * NAPI once ({@code sk_busy_loop(sk, nonblock)}: {@code napi_busy_loop} without {@code loop_end});
 * the model follows such a loop as one busy loop until a packet comes ({@link #busyLoops} counts
 * the loops, not the calls). A NAPI that is scheduled elsewhere ({@code NAPIF_STATE_SCHED}: the
 * softirq, ksoftirqd or its kthread has it) is not taken: a blocking loop spins {@code sk_ll_usec}
 * waiting for a packet on the queue, a non-blocking call returns {@code EAGAIN}; the thread tries
 * the NAPI again once it is released (Linux retries at every iteration, which finds it then).
 *
 * <p>The socket's receive buffer is bounded ({@link UdpRcvbuf}: {@code sk_rcvbuf} from
 * {@code net.core.rmem_default} at creation): a packet the stack brings to a full buffer is
 * dropped there and counted in {@code sk_drops}, Udp RcvbufErrors and InErrors
 * ({@code __udp_queue_rcv_skb}). Every packet reaching the socket has passed IP (Ip InReceives,
 * IpExt InOctets and InNoECTPkts in {@code ip_rcv_core}, InDelivers in
 * {@code ip_local_deliver_finish}); Udp InDatagrams counts the packets {@code recvfrom} returned
 * ({@code udp_recvmsg}).
 */
final class LiveSocket {
    /** {@code BUSY_POLL_BUDGET}: what one {@code napi_busy_loop} iteration may poll. */
    static final int BUSY_POLL_BUDGET = 8;

    enum State { SLEEPING, BUSY_POLLING, RUNNING, SPINNING }

    private final Simulator sim;
    private final KernelProfile profile;
    private final NapiHash napiHash;
    private final RxCosts costs;
    private final RxProbes probes;
    private final SnmpMib mib;
    /** {@code skb->len} when a frame reaches {@code ip_rcv}: the frame without its Ethernet header. */
    private final int ipLen;
    /** {@code sk_rcvbuf}, {@code sk_rmem_alloc}, the queues and {@code sk_drops}. */
    final UdpRcvbuf rcvbuf;
    /** The reading thread's task, and the CPU it runs on. */
    final io.netmodel.sched.Task task;
    int cpu;
    private final java.util.function.IntFunction<io.netmodel.sched.Task> ksoftirqd;
    /** What an RT reader leaves ksoftirqd or a fair NAPI kthread (RT throttling; from 6.12 the fair server). */
    private final io.netmodel.cpu.SysctlKernel rtLimits;
    /** A connected socket's {@code sk_rxhash}, recorded for RFS at each {@code recvfrom}; null: unconnected. */
    private java.util.function.IntSupplier connectedRxhash;
    /** {@code sk->sk_ll_usec}. */
    final int skLlUsec;
    /** The thread loops on {@code recvfrom(MSG_DONTWAIT)}: it never sleeps. */
    final boolean nonblock;
    private final io.netmodel.sim.Rng spin;
    /** While it spins finding nothing: since when, and the CPU's interrupt time then. */
    private long spinFrom;
    private long spinIrqMark;
    /** {@code sk->sk_napi_id}: the NAPI the last packet came through (0 before the first). */
    int skNapiId;
    /** {@code sk_incoming_cpu}: -1 ({@code sock_init_data}) until a connected socket's packet sets it. */
    int skIncomingCpu = -1;
    private SimHost host;
    /** The busy loop of each RX queue's NAPI the socket may poll (by NAPI), and the one running (or last run). */
    private final java.util.Map<NapiImpl, ContinuousPoller> loops = new java.util.HashMap<>();
    private ContinuousPoller loop;
    private final Timer loopEnd;
    /** A blocking {@code napi_busy_loop} that could not take its NAPI spins until this fires. */
    private final Timer countEnd;
    private final Event read = this::read;
    private final Event recvfrom = this::recvfrom;
    /** A spinning {@code recvfrom} finds the packet: the spin ends here. */
    private final Event spinPickup = this::spinPickup;
    private final Runnable napiReleased = this::napiReleased;
    private final Event retryBusyLoop = this::retryBusyLoop;
    State state = State.SLEEPING;
    /** Packets the stack brought to the socket (queued or dropped there), and those read. */
    long delivered;
    long received;
    /** {@code napi_busy_loop} calls that polled. */
    long busyLoops;
    /** {@code sk_busy_loop} calls whose id found no NAPI ({@code napi_by_id} returned NULL). */
    long napiByIdMisses;
    long wakeups;

    /**
     * {@code task} is the reading thread (it runs on its {@code cpu()}), {@code ksoftirqd} gives
     * {@code ksoftirqd/N} by CPU, {@code rtLimits} the RT throttling sysctls (which, from 6.12, the
     * fair server stands in for: {@link RtBandwidth}); {@code ipLen} is a
     * packet's IP length (IpExt InOctets).
     */
    LiveSocket(Simulator sim, KernelProfile profile, NapiHash napiHash, RxCosts costs, RxProbes probes,
               io.netmodel.sched.Task task, java.util.function.IntFunction<io.netmodel.sched.Task> ksoftirqd,
               io.netmodel.cpu.SysctlKernel rtLimits, int skLlUsec, boolean nonblock, UdpRcvbuf rcvbuf, SnmpMib mib,
               int ipLen) {
        this.sim = sim;
        this.ipLen = ipLen;
        this.nonblock = nonblock;
        this.spin = sim.rng().fork("live.socket.spin");
        this.task = task;
        this.ksoftirqd = ksoftirqd;
        this.rtLimits = rtLimits;
        this.rcvbuf = rcvbuf;
        this.mib = mib;
        this.probes = probes;
        this.profile = profile;
        this.napiHash = napiHash;
        this.costs = costs;
        this.cpu = task.cpu();
        this.skLlUsec = skLlUsec;
        this.loopEnd = new Timer(sim, this::busyLoopTimedOut);
        this.countEnd = new Timer(sim, this::countTimedOut);
    }

    /** The traffic arrives through {@code h}'s eth0 from now on: its NAPI delivers to this socket. */
    void attach(SimHost h) {
        host = h;
        loops.clear();
        for (NapiRuntime rx : h.rxQueues()) {
            String stream = rx.rxQueue() == 0 ? "live.socket" : "live.socket.rx-" + rx.rxQueue();
            loops.put(rx.napi(), new ContinuousPoller(sim, sim.rng().fork(stream), rx, h.cpus[cpu],
                costs.pollEmpty() + costs.busyLoopSetup() / 4, BUSY_POLL_BUDGET, CpuTime.SYSTEM));
            rx.setConsumer(new NapiRuntime.Consumer() {
                @Override
                public void deliver(long sentAtNs, long at) {
                    LiveSocket.this.deliver(rx, at, -1);
                }

                @Override
                public void deliver(long sentAtNs, long at, int stackCpu) {
                    LiveSocket.this.deliver(rx, at, stackCpu);
                }
            });
        }
        loop = loops.get(h.napi.napi());
        h.cpus[cpu].setReader(new KsoftirqdSched(task, ksoftirqd.apply(cpu), new RtBandwidth(profile, rtLimits, cpu),
            sim.now()));
        h.cpus[cpu].setTaskRunnable(state != State.SLEEPING);
        h.cpus[cpu].inTask.setLoop(state == State.SPINNING || state == State.BUSY_POLLING);
        if (state == State.SPINNING) {
            spinFromNow();
        }
        h.steerToSockets(); // udp: netif_receive_skb, so the queue's rps_cpus applies, read per poll
    }

    /**
     * eth0 went away, went down or rebuilt its queues: a busy loop on its NAPI ends and the thread
     * sleeps; what is queued on the socket stays there to be read.
     */
    void detach() {
        if (state == State.BUSY_POLLING) {
            loopEnd.cancel();
            loop.stop(false);
            setState(nonblock ? State.SPINNING : State.SLEEPING);
        } else if (state == State.SPINNING) {
            spunUntil(sim.now());
        }
        if (host != null) {
            host.cpus[cpu].setReader(null);
        }
        host = null;
        loop = null;
        loops.clear();
    }

    /**
     * The thread moves to {@code to} (its affinity no longer allows its CPU): a busy loop in
     * progress ends, and it goes on there, reading, busy-polling and sleeping on that CPU.
     */
    void migrate(int to) {
        SimHost h = host;
        if (h == null) {
            cpu = to;
            return;
        }
        detach();
        cpu = to;
        attach(h);
    }

    /**
     * The reader's state; on its host's CPU it is a runnable task unless it sleeps, which is what
     * ksoftirqd shares that CPU with ({@link Cpu#ksoftirqdTurn}).
     */
    private void setState(State s) {
        state = s;
        if (host != null) {
            host.cpus[cpu].setTaskRunnable(s != State.SLEEPING);
            host.cpus[cpu].inTask.setLoop(s == State.SPINNING || s == State.BUSY_POLLING);
        }
    }

    /**
     * The stack brings a packet that came through {@code rx} to the socket at {@code at}, on
     * {@code stackCpu} (-1: not known): IP counts it, then {@code udp_queue_rcv_skb} queues it, or
     * drops it at a full buffer.
     */
    private void deliver(NapiRuntime rx, long at, int stackCpu) {
        mib.inc(SnmpMib.Ip.INPKTS); // ip_rcv_core: __IP_UPD_PO_STATS(net, IPSTATS_MIB_IN, skb->len)
        mib.add(SnmpMib.IpExt.INOCTETS, ipLen); // ... its octets half, before the trim to tot_len
        mib.add(SnmpMib.IpExt.NOECTPKTS, 1); // IPSTATS_MIB_NOECTPKTS + (tos & INET_ECN_MASK): not-ECT
        mib.inc(SnmpMib.Ip.INDELIVERS); // ip_local_deliver_finish
        markSocket(rx.napi().napiId(), stackCpu); // __udp_queue_rcv_skb, before the enqueue
        delivered++;
        if (!rcvbuf.enqueue()) {
            mib.inc(SnmpMib.Udp.RCVBUFERRORS); // __udp_queue_rcv_skb, rc == -ENOMEM
            mib.inc(SnmpMib.Udp.INERRORS);
            return;
        }
        if (state == State.BUSY_POLLING) {
            loopEnd.cancel();
            loop.stop(false); // its own poll found it
            setState(State.RUNNING);
            sim.scheduleAt(at, read);
        } else if (state == State.SPINNING) {
            countEnd.cancel();
            setState(State.RUNNING);
            host.cpus[cpu].inTask.whenTaskReady(at + spin.uniform(0, costs.syscall()), 0, spinPickup); // the next recvfrom
        } else if (state == State.SLEEPING) {
            wakeups++;
            host.kernel.cpus().cpu(cpu).nrSwitches++;
            setState(State.RUNNING);
            host.cpus[cpu].inTask.whenTaskReady(at + costs.wakeup(), 0, read);
        }
    }

    private void spinPickup() {
        spunUntil(sim.now());
        read();
    }

    /** {@code recvfrom} returns one packet: syscall exit and the copy. */
    private void read() {
        rcvbuf.dequeue();
        received++;
        mib.inc(SnmpMib.Udp.INDATAGRAMS); // udp_recvmsg
        if (host == null) {
            sim.scheduleAt(sim.now() + costs.syscall(), recvfrom);
            return;
        }
        SoftirqInTask inTask = host.cpus[cpu].inTask;
        inTask.bhEnable(); // __skb_recv_udp's spin_unlock_bh: do_softirq, outside 4.9-6.4 even with ksoftirqd woken
        host.cpus[cpu].account(CpuTime.SYSTEM, costs.syscall());
        inTask.whenTaskReady(sim.now(), costs.syscall(), recvfrom);
    }

    /**
     * The socket is {@code connect()}ed to its one flow's sender, whose receive hash ({@code sk_rxhash})
     * {@code rxhash} gives: each {@code recvfrom} records the flow for RFS. Unconnected (null), nothing.
     */
    void setConnected(java.util.function.IntSupplier rxhash) {
        this.connectedRxhash = rxhash;
    }

    /**
     * {@code __udp_queue_rcv_skb}'s marks: a connected socket ({@code inet_daddr} set) takes every
     * packet's NAPI id ({@code sk_mark_napi_id}) and CPU ({@code sk_incoming_cpu_update}), and its
     * hash ({@code sock_rps_save_rxhash}: {@link #connectedRxhash} follows the flow); an unconnected
     * one, from 4.12, only the first packet's id ({@code sk_mark_napi_id_once}), and before, nothing.
     */
    private void markSocket(int napiId, int stackCpu) {
        if (connectedRxhash != null) {
            skNapiId = napiId;
            if (stackCpu >= 0) {
                skIncomingCpu = stackCpu;
            }
        } else if (skNapiId == 0 && profile.has(Behaviour.UDP_NAPI_ID_ONCE)) {
            skNapiId = napiId;
        }
    }

    /** The next {@code recvfrom}: a queued packet, else a busy loop if the socket may, else sleep. */
    private void recvfrom() {
        if (connectedRxhash != null && host != null) {
            host.rps.recordFlow(connectedRxhash.getAsInt(), cpu); // inet_recvmsg: sock_rps_record_flow
        }
        if (rcvbuf.queued() > 0) {
            read();
            return;
        }
        if (busyLoop()) {
            return;
        }
        if (nonblock && host != null) {
            spinFromNow();
            setState(State.SPINNING); // EAGAIN, and again
        } else {
            setState(State.SLEEPING);
        }
    }

    /** The thread starts (or goes on) spinning now, on its host's CPU: the mark {@link #spunUntil} counts from. */
    private void spinFromNow() {
        spinFrom = sim.now();
        spinIrqMark = host.cpus[cpu].notReaderNs();
    }

    /**
     * The spinning thread's {@code recvfrom} calls that returned {@code EAGAIN} until {@code t}: system
     * time on its CPU, less what interrupts and softirqs took meanwhile.
     */
    private void spunUntil(long t) {
        Cpu c = host.cpus[cpu];
        long ns = t - spinFrom - (c.notReaderNs() - spinIrqMark);
        if (ns > 0) {
            c.account(CpuTime.SYSTEM, ns);
        }
    }

    /**
     * {@code sk_can_busy_loop}, then {@code sk_busy_loop}: true when the thread now busy-polls
     * (it stays runnable), false when it is to sleep. The thread does not sleep in between: a
     * busy loop is no wake-up ({@code need_resched} is not set by it).
     */
    private boolean busyLoop() {
        boolean can = profile.has(Behaviour.BUSY_POLL) && skLlUsec > 0
            && (profile.has(Behaviour.NAPI_ID_ABOVE_NR_CPUS) || skNapiId != 0);
        if (probes.skCanBusyLoop.enabled()) {
            probes.skCanBusyLoop.hitAt(probes.at(sim.now()), cpu, "sk_ll_usec", skLlUsec, "sk_napi_id", skNapiId,
                "ret", can ? 1 : 0);
        }
        if (!can || skNapiId == 0) {
            return false;
        }
        NapiImpl napi = napiHash.byId(skNapiId);
        if (napi == null || host == null) {
            napiByIdMisses++;
            if (probes.napiBusyLoop.enabled()) {
                probes.napiBusyLoop.hitAt(probes.at(sim.now()), cpu, "napi_id", skNapiId, "napi_by_id", "NULL");
            }
            return false;
        }
        if (BusyPoll.refusal(profile, (io.netmodel.net.NetDeviceImpl) napi.dev(), napi, skLlUsec) != null) {
            return false; // before 4.5, a driver without ndo_busy_poll
        }
        busyLoops++;
        if (probes.napiBusyLoop.enabled()) {
            probes.napiBusyLoop.hitAt(probes.at(sim.now()), cpu, "napi_id", skNapiId, "budget", BUSY_POLL_BUDGET,
                "usecs", skLlUsec);
        }
        loop = loops.get(napi);
        if (loop == null) {
            host.cpus[cpu].account(CpuTime.SYSTEM, skLlUsec * 1000L); // a NAPI the traffic does not fill
            return false;
        }
        if (loop.napiScheduled()) {
            // napi_busy_loop finds NAPIF_STATE_SCHED (the softirq, ksoftirqd or a kthread has the NAPI)
            // and goes to count: a non-blocking call returns EAGAIN, a blocking one spins on loop_end
            // (a packet on the queue) until sk_ll_usec is up; either tries the NAPI again once it is free
            loop.whenNapiReleased(napiReleased);
            if (!nonblock) {
                if (state != State.SPINNING) {
                    spinFromNow();
                    setState(State.SPINNING);
                }
                if (!countEnd.isActive()) {
                    countEnd.start(skLlUsec * 1000L);
                }
                return true;
            }
            return false;
        }
        if (state == State.SPINNING) {
            spunUntil(sim.now()); // the spin that waited for the NAPI ends here
        }
        setState(State.BUSY_POLLING);
        loop.start();
        if (!nonblock) {
            long end = countEnd.isActive() ? countEnd.expiresAt().getAsLong() : sim.now() + skLlUsec * 1000L;
            countEnd.cancel();
            loopEnd.startAt(end); // from the loop's start; a non-blocking recvfrom polls once a call, and calls again
        }
        return true;
    }

    /**
     * The NAPI a busy loop found owned was released: the spinning thread's next iteration (a
     * blocking loop's, or the next non-blocking {@code recvfrom}) takes it, unless a packet came first.
     */
    private void napiReleased() {
        if (state == State.SPINNING && host != null && skLlUsec > 0) {
            host.cpus[cpu].inTask.whenTaskReady(sim.now() + spin.uniform(0, costs.syscall()), 0, retryBusyLoop);
        }
    }

    private void retryBusyLoop() {
        if (state == State.SPINNING && host != null && rcvbuf.queued() == 0) {
            busyLoop();
        }
    }

    /** A blocking busy loop that found its NAPI owned elsewhere spun {@code sk_ll_usec}: the thread sleeps. */
    private void countTimedOut() {
        if (state == State.SPINNING) {
            if (host != null) {
                spunUntil(sim.now());
            }
            setState(State.SLEEPING);
        }
    }

    /** {@code sk_ll_usec} is up with nothing found: {@code busy_poll_stop}, and the thread sleeps. */
    private void busyLoopTimedOut() {
        loop.stop(false);
        setState(State.SLEEPING);
    }
}
