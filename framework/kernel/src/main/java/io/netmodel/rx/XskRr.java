package io.netmodel.rx;

import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;

/**
 * xsk_rr (seed 001; xsk_rr-notes.md): an open-loop client sends a request every period from a
 * sender thread; the server replies inline; the client's main thread takes the reply off its
 * XSK ring, records {@code now - sent}, then spins for the application delay. Copy-mode AF_XDP:
 * {@code sendto} (and {@code recvfrom}) run one {@code sk_busy_loop} pass when the socket's
 * busy-poll time ({@code busy_read} at creation) is non-zero, with {@code SO_PREFER_BUSY_POLL}.
 *
 * <p>Threads as the seed pins them: IRQ and the NAPI kthread on CPU 2, the client's sender
 * thread on CPU 3, main threads on CPU 4, the {@code -t} recvfrom thread on CPU 5. A kthread
 * that {@code taskset} moves onto CPU 3 or 4 shares it with that thread as its {@code chrt}
 * policy says ({@link RunQueue}); a thread that never gets the CPU (RT throttling off) leaves
 * its requests unsent or unanswered, and the run reports it.
 */
final class XskRr {
    static final int IRQ_CPU = 2;
    static final int SENDER_CPU = 3;
    static final int MAIN_CPU = 4;
    static final int LOOP_CPU = 5;
    /** {@code SO_BUSY_POLL_BUDGET} of xsk_rr's sockets (the default, 8). */
    private static final int BUSY_POLL_BUDGET = 8;
    private static final long WARMUP_NS = 20_000_000;
    /** {@code -B 400}: 400-byte payload, 442-byte frames. */
    private static final int FRAME_BYTES = 442;

    private final Simulator sim;
    private final SimHost client;
    private final SimHost server;
    private final XskRrRequest req;
    private final RxCosts costs;
    private final Rng clientRng;
    private final Rng serverRng;
    private final boolean busyPollSyscalls;
    private final LatencySink sink;
    private long samples;

    private ContinuousPoller clientLoop;
    private ContinuousPoller serverLoop;
    private final io.netmodel.sim.Timer clientResume;
    private final io.netmodel.sim.Event sendNext = this::sendNext;
    private final io.netmodel.sim.Event serverLoopStart;
    /** The run queues of the CPUs the sender and the main threads use. */
    private final RunQueue senderRq;
    private final RunQueue clientMainRq;
    private final RunQueue serverMainRq;
    private long serverFreeAt;
    private long clientFreeAt;
    private long sent;
    private long endAt;

    XskRr(Simulator sim, SimHost client, SimHost server, XskRrRequest req, LatencySink sink) {
        this.sim = sim;
        this.client = client;
        this.server = server;
        this.req = req;
        this.costs = client.costs;
        this.clientRng = sim.rng().fork("xsk_rr.client");
        this.serverRng = sim.rng().fork("xsk_rr.server");
        this.sink = sink;
        this.busyPollSyscalls = Integer.parseInt(client.read("/proc/sys/net/core/busy_read")) > 0;
        this.clientResume = new io.netmodel.sim.Timer(sim, this::clientResume);
        this.serverLoopStart = () -> serverLoop.start();
        this.senderRq = client.cpus[SENDER_CPU].rq;
        this.clientMainRq = client.cpus[MAIN_CPU].rq;
        this.serverMainRq = server.cpus[MAIN_CPU].rq;
    }

    /** Runs warm-up plus the requested duration; samples after warm-up go to the sink. */
    void run(io.netmodel.api.bench.ProgressListener progress) {
        endAt = WARMUP_NS + req.durationNs();
        client.napi.setConsumer(this::clientRx);
        server.napi.setConsumer(this::serverRx);
        startPollers();
        sim.scheduleAt(0, sendNext);
        SimHost.runReporting(sim, WARMUP_NS, req.durationNs(), progress);
        for (ContinuousPoller p : new ContinuousPoller[] {clientLoop, serverLoop}) {
            if (p != null) {
                p.accountSoFar();
            }
        }
    }

    private void startPollers() {
        switch (req.mode()) {
            case THREADED_BUSY_POLL:
                clientLoop = kthread(client);
                serverLoop = kthread(server);
                break;
            case BUSY_POLL_SEPARATE:
                clientLoop = recvLoop(client, LOOP_CPU);
                serverLoop = recvLoop(server, LOOP_CPU);
                break;
            case BUSY_POLL:
                clientLoop = recvLoop(client, MAIN_CPU);
                serverLoop = recvLoop(server, MAIN_CPU);
                break;
            case INTERRUPTS:
            default:
                return;
        }
        clientLoop.start();
        serverLoop.start();
    }

    /**
     * The threaded-busy-poll kthread ({@code napi/eth0-N}): polls continuously, kernel time, on
     * the CPU its affinity put it on ({@code taskset -pc 2} in seed 001's script). On xsk_rr's
     * sender CPU (client) or main CPU it shares the CPU with that thread, as its policy decides
     * ({@link RunQueue}): the sender sleeps between requests, the main thread never sleeps (it
     * peeks its ring or spins the delay).
     */
    private ContinuousPoller kthread(SimHost h) {
        ContinuousPoller p = h.napiKthread();
        boolean sender = h == client && p.cpu() == SENDER_CPU;
        if (sender || p.cpu() == MAIN_CPU) {
            h.shareKthreadCpu(p, "xsk_rr's " + (sender ? "sender" : "main") + " thread", !sender, sim.now());
        }
        return p;
    }

    /** A thread looping recvfrom(MSG_DONTWAIT): syscall, busy-loop set-up, two polls, a ring peek. */
    private ContinuousPoller recvLoop(SimHost h, int cpu) {
        long period = costs.syscall() + costs.busyLoopSetup() + 2 * costs.pollEmpty() + costs.ringPeek();
        return new ContinuousPoller(sim, sim.rng().fork(h.name + ".recvloop"), h.napi, h.cpus[cpu], period,
            BUSY_POLL_BUDGET, CpuTime.SYSTEM);
    }

    /**
     * The client's sender thread: one request per period (open loop), timestamped before sendto
     * by the thread itself, so once it has the CPU; a late sender sends the next request as soon
     * as this one is out.
     */
    private void sendNext() {
        if (sim.now() >= endAt) {
            return;
        }
        long now = sim.now();
        if (!senderRq.shared()) {
            send(now + req.periodNs());
            return;
        }
        long on = senderRq.appOnCpu(now, false);
        if (on == RunQueue.NEVER) {
            return; // starved: it never sends again (reported with the run)
        }
        long due = now + req.periodNs();
        sim.scheduleAt(on, () -> send(due));
    }

    private void send(long due) {
        long t0 = sim.now();
        long leave = sendto(client, SENDER_CPU, t0);
        client.transmit(t0, leave, FRAME_BYTES);
        sent++;
        sim.scheduleAt(Math.max(due, leave), sendNext);
    }

    /** {@code sendto}: syscall, one busy-poll pass when enabled, then the copy-mode generic xmit. */
    private long sendto(SimHost h, int cpuId, long at) {
        Cpu cpu = h.cpus[cpuId];
        long ready = cpu.taskReady(at);
        long t = ready + costs.syscall();
        if (busyPollSyscalls && h.napi.hasValidNapiId()) {
            t = h.napi.busyPollOnce(cpuId, t, BUSY_POLL_BUDGET, true);
        }
        long work = t + costs.xmit() - ready;
        long leave = cpu.rq.appEnd(ready, work);
        cpu.account(CpuTime.SYSTEM, ready - at + work);
        return leave;
    }

    /** A request reached the server's XSK ring: the main thread sees it and replies inline. */
    private void serverRx(long sentAtNs, long at) {
        long seen = Math.max(at + serverRng.uniform(0, costs.ringPeek() + 1), serverFreeAt);
        if (req.mode() == XskMode.BUSY_POLL) {
            seen = at + costs.ringPeek(); // it was this thread's own recvfrom that polled it
        }
        long start = serverMainRq.appOnCpu(seen, true);
        if (start == RunQueue.NEVER) {
            return; // the main thread starves: the request is never answered
        }
        sim.scheduleAt(start, replies.event(sentAtNs, 0));
        serverFreeAt = start; // refined when the reply is sent
    }

    /** The replies the server's main thread will send, by their request's send time. */
    private final io.netmodel.sim.EventPool replies = new io.netmodel.sim.EventPool((sentAtNs, unused) -> reply(sentAtNs));

    private void reply(long sentAtNs) {
        boolean inline = req.mode() == XskMode.BUSY_POLL;
        if (inline) {
            serverLoop.stop(true); // the thread leaves its recvfrom loop to reply
        }
        long leave = sendto(server, MAIN_CPU, sim.now());
        server.transmit(sentAtNs, leave, FRAME_BYTES);
        serverFreeAt = leave;
        if (inline) {
            sim.scheduleAt(leave, serverLoopStart);
        }
    }

    /** A reply reached the client's XSK ring: the main thread takes it, records, then spins the delay. */
    private void clientRx(long sentAtNs, long at) {
        long seen;
        if (req.mode() == XskMode.BUSY_POLL && clientLoop.running()) {
            seen = at + costs.ringPeek(); // its own recvfrom polled it
        } else {
            seen = Math.max(at + clientRng.uniform(0, costs.ringPeek() + 1), clientFreeAt);
        }
        seen = clientMainRq.appOnCpu(seen, true);
        if (seen == RunQueue.NEVER) {
            return; // the main thread starves: the reply is never taken
        }
        if (seen >= WARMUP_NS && seen < endAt) {
            sink.sample(seen - WARMUP_NS, seen - sentAtNs);
            samples++;
        }
        clientFreeAt = clientMainRq.appEnd(client.cpus[MAIN_CPU].taskReady(seen), req.delayNs());
        client.cpus[MAIN_CPU].account(CpuTime.USER, req.delayNs());
        if (req.mode() == XskMode.BUSY_POLL && req.delayNs() > 0) {
            clientLoop.stop(true); // spinning the delay: nobody polls, the watchdog is armed
            clientResume.startAt(clientFreeAt); // a reply taken on resume pushes this further
        }
    }

    /** After the delay the inline client goes back to recvfrom; what the watchdog delivered is already in its ring. */
    private void clientResume() {
        if (!clientLoop.running()) {
            clientLoop.start();
        }
    }

    /** Samples handed to the sink: replies taken in the measured part of the run. */
    long samples() {
        return samples;
    }

    long sent() {
        return sent;
    }
}
