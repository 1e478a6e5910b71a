package io.netmodel.rx;

import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;

/**
 * An epoll server under open-loop load, after the IRQ-suspension series' memcached set-up
 * (kernel-algorithms.md §1.8, §1.10, §4.6) reduced to one RX queue and one server thread: the
 * client sends 1-byte UDP requests at Poisson times; the server thread loops on
 * {@code epoll_wait}, reads every ready request, spends the service time on each, replies.
 *
 * <p>{@code epoll_wait} as in 6.17's {@code ep_poll}: with events ready it returns them (and
 * with prefer calls {@code napi_suspend_irqs}); otherwise, with busy polling on, it runs
 * {@code napi_busy_loop} (budget, prefer) until events show up or {@code busy_poll_usecs} run
 * out, then with prefer calls {@code napi_resume_irqs} and sleeps; without busy polling it
 * sleeps at once. A sleeping thread is woken by the softirq that queued a request. The IRQ of
 * the queue is wherever the server's {@code smp_affinity_list} puts it: on the thread's CPU in
 * the series' set-up (queue i's IRQ on core i).
 *
 * <p>Busy polling is on, as in {@code ep_busy_loop_on}, when the epoll instance has
 * {@code busy_poll_usecs} or {@code prefer_busy_poll}, or the {@code net.core.busy_poll}
 * sysctl is set (4.12+); the loop runs for the epoll's own usecs, else for the sysctl's
 * ({@code busy_loop_ep_timeout}). {@code net.core.busy_read} does not act here: the server
 * reads only sockets epoll reported ready, and {@code sk_busy_loop} runs only on an empty
 * receive queue. A NAPI in threaded busy-poll mode (6.19) is polled by its kthread, on the CPU
 * its affinity gives it, and the thread sleeps in {@code epoll_wait} until woken.
 *
 * <p>Latency is measured at the client: from the request's send to the reply's delivery by the
 * client's own receive path (interrupts).
 */
final class EpollRr {
    static final int APP_CPU = 1;
    private static final int FRAME_BYTES = 43; // 1 byte + UDP/IPv4/Ethernet headers
    private static final long WARMUP_NS = 20_000_000;
    private static final int DEFAULT_BUDGET = 8;

    private enum State { RUNNING, BUSY_POLLING, SLEEPING }

    private final Simulator sim;
    private final SimHost client;
    private final SimHost server;
    private final EpollRrRequest req;
    private final RxCosts costs;
    private final io.netmodel.api.bench.LatencySink samples;
    private final Rng arrivals;
    private final long meanPeriodNs;
    /** Request timestamps of the datagrams queued on the server's socket. */
    private final io.netmodel.sim.LongQueue socketQueue = new io.netmodel.sim.LongQueue();
    private final ContinuousPoller busyLoop;
    private final int budget;
    /** epoll's busy-poll time, µs: its own {@code busy_poll_usecs}, else {@code net.core.busy_poll}. */
    private final int busyPollUsecs;
    /** {@code ep_busy_loop_on}: busy-poll time or prefer set (whatever the NAPI id). */
    private final boolean busyPollOn;
    /** epoll busy polling runs: it is on, and the NAPI id is valid. */
    private final boolean busyPoll;
    /** The threaded-busy-poll kthread of the server's NAPI, or null. */
    private final ContinuousPoller kthread;
    private final Timer busyTimeout;
    private State state = State.SLEEPING;
    private long endAt;
    private long sent;
    private long wakeups;
    private long suspends;
    private long resumes;

    EpollRr(Simulator sim, SimHost client, SimHost server, EpollRrRequest req, io.netmodel.api.bench.LatencySink samples) {
        this.sim = sim;
        this.client = client;
        this.server = server;
        this.req = req;
        this.costs = server.costs;
        this.samples = samples;
        this.arrivals = sim.rng().fork("epoll_rr.arrivals");
        this.meanPeriodNs = Math.max(1, Math.round(1e9 / req.ratePps()));
        this.budget = req.busyPollBudget() == 0 ? DEFAULT_BUDGET : req.busyPollBudget();
        int sysctl = server.kernel.profile().has(Behaviour.EPOLL_BUSY_POLL) ? server.kernel.sysctls().busyPoll.get() : 0;
        this.busyPollUsecs = req.busyPollUsecs() > 0 ? req.busyPollUsecs() : sysctl;
        this.busyPollOn = busyPollUsecs > 0 || req.preferBusyPoll();
        this.busyPoll = busyPollOn && server.napi.hasValidNapiId();
        this.kthread = threadedBusyPoll(server);
        long loopPeriod = costs.pollEmpty() + costs.busyLoopSetup() / 4; // poll + cpu_relax + loop-end test
        this.busyLoop = busyPollUsecs > 0 && server.napi.hasValidNapiId()
            ? new ContinuousPoller(sim, sim.rng().fork("epoll_rr.busy"), server.napi, server.cpus[APP_CPU], loopPeriod,
                budget, CpuTime.SYSTEM)
            : null;
        this.busyTimeout = new Timer(sim, this::busyLoopTimedOut);
        server.napi.perPacketStackNs = costs.udpStack();
        client.napi.perPacketStackNs = costs.udpStack();
        server.steerToSockets();
        client.steerToSockets();
    }

    /**
     * The server NAPI's kthread when it is in threaded busy-poll mode: it polls without
     * sleeping, kernel time, on its CPU; on the server thread's CPU the two share it as the
     * kthread's policy decides ({@link RunQueue}; the server thread sleeps in epoll_wait between
     * bursts). Refused beside epoll busy polling on the same NAPI (one poller owns a NAPI in the
     * model).
     */
    private ContinuousPoller threadedBusyPoll(SimHost h) {
        if (h.napi.napi().threaded() != NapiThreaded.BUSY_POLL) {
            return null;
        }
        if (busyPoll) {
            throw new IllegalArgumentException("eth0's NAPI is in threaded busy-poll mode, so its kthread "
                + h.napiKthreadTask().comm() + " polls it all the time, and epoll busy polling is on as well ("
                + busyPollSource() + "); the model does not run two pollers on one NAPI: turn epoll busy polling "
                + "off, or set the NAPI's threaded mode to 'enabled' or 'disabled' with napi-set");
        }
        ContinuousPoller p = h.napiKthread();
        if (p.cpu() == APP_CPU) {
            h.shareKthreadCpu(p, "epoll_rr's server thread", false, 0);
        }
        return p;
    }

    /** What turned epoll busy polling on, in the words of its knobs. */
    private String busyPollSource() {
        if (req.busyPollUsecs() > 0) {
            return "busy_poll_usecs " + req.busyPollUsecs();
        }
        if (busyPollUsecs > 0) {
            return "net.core.busy_poll " + busyPollUsecs + " µs, the epoll having no busy_poll_usecs";
        }
        return "prefer_busy_poll, one pass per epoll_wait";
    }

    /** Whether epoll busy polling ran and on what, or why not: for the report. */
    String busyPollState() {
        if (!busyPollOn) {
            return "off";
        }
        if (!busyPoll) {
            return "inactive: eth0's NAPI id is 0 (the driver's NAPI was never hashed), so epoll has no NAPI to poll";
        }
        return "on: " + busyPollSource();
    }

    void run(io.netmodel.api.bench.ProgressListener progress) {
        endAt = WARMUP_NS + req.durationNs();
        server.napi.setConsumer((p, at) -> requestQueued(p, at));
        client.napi.setConsumer((p, at) -> {
            if (at >= WARMUP_NS && at < endAt) {
                samples.sample(at - WARMUP_NS, at - p);
            }
        });
        sim.scheduleAt(0, this::sendNext);
        sim.scheduleAt(0, () -> epollWait(0));
        if (kthread != null) {
            kthread.start();
        }
        SimHost.runReporting(sim, WARMUP_NS, req.durationNs(), progress);
        for (ContinuousPoller p : new ContinuousPoller[] {busyLoop, kthread}) {
            if (p != null && p.running()) {
                p.accountSoFar();
            }
        }
    }

    long sent() {
        return sent;
    }

    long wakeups() {
        return wakeups;
    }

    long suspends() {
        return suspends;
    }

    long resumes() {
        return resumes;
    }

    /** mutilate's open loop: exponential gaps; the client's send path is not modelled (a load generator). */
    private void sendNext() {
        if (sim.now() >= endAt) {
            return;
        }
        long t0 = sim.now();
        client.transmit(t0, t0, FRAME_BYTES);
        sent++;
        sim.scheduleAt(t0 + Math.max(1, arrivals.exponential(meanPeriodNs)), this::sendNext);
    }

    /** The server's receive path put a request on the socket ({@code sk_data_ready} → {@code ep_poll_callback}). */
    private void requestQueued(long sentAtNs, long at) {
        socketQueue.add(sentAtNs);
        switch (state) {
            case BUSY_POLLING: // ep_busy_loop_end: events are ready; the loop ends at this poll
                busyTimeout.cancel();
                if (busyLoop != null && busyLoop.running()) {
                    busyLoop.stop(req.preferBusyPoll());
                }
                state = State.RUNNING;
                sim.scheduleAt(at, () -> eventsReady(sim.now()));
                break;
            case SLEEPING: // wake the thread on its CPU
                state = State.RUNNING;
                wakeups++;
                server.kernel.cpus().cpu(APP_CPU).nrSwitches++;
                long resume = server.cpus[APP_CPU].rq.appOnCpu(server.cpus[APP_CPU].taskReady(at + costs.wakeup()), true);
                if (resume == RunQueue.NEVER) {
                    break; // starved: the thread never runs again
                }
                sim.scheduleAt(resume, () -> epollWait(sim.now()));
                break;
            case RUNNING:
            default:
                break; // it sees the queue at its next epoll_wait
        }
    }

    /** {@code epoll_wait} entered by the thread at {@code t}. */
    private void epollWait(long t) {
        long start = server.cpus[APP_CPU].rq.appEnd(server.cpus[APP_CPU].taskReady(t), costs.syscall());
        if (start == RunQueue.NEVER) {
            return; // starved beside an RT kthread: the thread never runs again
        }
        server.cpus[APP_CPU].account(CpuTime.SYSTEM, costs.syscall());
        if (!socketQueue.isEmpty()) {
            sim.scheduleAt(start, () -> eventsReady(sim.now()));
            return;
        }
        if (!busyPoll) {
            state = State.SLEEPING;
            return;
        }
        state = State.BUSY_POLLING;
        if (busyLoop != null) {
            sim.scheduleAt(start, () -> {
                if (state == State.BUSY_POLLING && !busyLoop.running()) {
                    busyLoop.start();
                    busyTimeout.start(busyPollUsecs * 1000L);
                }
            });
            return;
        }
        // prefer with busy_poll_usecs 0: ep_busy_loop_end is true after the first pass
        long end = server.napi.busyPollOnce(APP_CPU, start, budget, true);
        server.cpus[APP_CPU].account(CpuTime.SYSTEM, end - start);
        sim.scheduleAt(end, this::busyLoopTimedOut); // after the pass's own delivery event at the same time
    }

    /** {@code busy_poll_usecs} ran out with nothing ready: busy_poll_stop, resume IRQs (prefer), sleep. */
    private void busyLoopTimedOut() {
        if (state != State.BUSY_POLLING) {
            return;
        }
        if (busyLoop != null) {
            busyLoop.stop(req.preferBusyPoll());
        }
        if (req.preferBusyPoll()) {
            resumes++;
            server.napi.resumeIrqs(APP_CPU);
        }
        state = socketQueue.isEmpty() ? State.SLEEPING : State.RUNNING;
        if (state == State.RUNNING) {
            epollWait(sim.now());
        }
    }

    /**
     * epoll_wait returns events: with prefer, {@code napi_suspend_irqs}; then each request is
     * read ({@code recvmsg}), served (user time) and answered ({@code sendmsg} down to the
     * driver), and the thread calls epoll_wait again.
     */
    private void eventsReady(long t) {
        state = State.RUNNING;
        if (req.preferBusyPoll() && busyPoll) {
            suspends++;
            server.napi.suspendIrqs(APP_CPU);
        }
        Cpu cpu = server.cpus[APP_CPU];
        long now = cpu.taskReady(t);
        while (!socketQueue.isEmpty()) {
            long sentAtNs = socketQueue.poll();
            long sys = costs.syscall() + costs.syscall() + costs.udpStack() + costs.xmit();
            cpu.account(CpuTime.SYSTEM, sys);
            cpu.account(CpuTime.USER, req.serviceNs());
            now = cpu.rq.appEnd(now, sys + req.serviceNs());
            if (now == RunQueue.NEVER) {
                return; // starved beside an RT kthread
            }
            server.transmit(sentAtNs, now, FRAME_BYTES);
        }
        long done = now;
        sim.scheduleAt(done, () -> epollWait(sim.now()));
    }
}
