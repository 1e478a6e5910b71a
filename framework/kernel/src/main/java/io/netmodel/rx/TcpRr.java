package io.netmodel.rx;

import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;

/**
 * netperf TCP_RR: one transaction in flight, a 1-byte request and a 1-byte response, closed
 * loop. Each side's application thread sits in {@code recv}: with busy polling allowed
 * ({@link BusyPoll}) it spins in {@code sk_busy_loop} for up to {@code busy_read} µs, polling
 * the NAPI itself (protocol processing in its own context, no wake-up); otherwise, or once that
 * time is up, it sleeps and the frame takes the interrupt path, then a wake-up on its CPU.
 *
 * <p>Interrupts on CPU 0 (the default affinity's first CPU), application threads on CPU 1.
 * Unlike netperf: no Nagle or delayed-ACK effects (in RR the ACK rides on the response).
 */
final class TcpRr {
    private static final int IRQ_CPU = 0;
    private static final int APP_CPU = 1;
    private static final int FRAME_BYTES = 67; // 1 byte of payload + TCP/IP/Ethernet headers (with timestamps)
    private static final long WARMUP_NS = 10_000_000;

    private final Simulator sim;
    private final SimHost client;
    private final SimHost server;
    private final TcpRrRequest req;
    private final RxCosts costs;
    private final Samples samples;
    private final Side clientSide;
    private final Side serverSide;
    private long endAt;
    private long transactions;

    /** One end: its host, its application thread, its way of waiting in recv. */
    private final class Side {
        final SimHost host;
        final String refusal;
        final ContinuousPoller busyLoop;
        final Timer busyTimeout;
        final Rng rng;
        boolean waiting;
        long waitStart;

        Side(SimHost host, int busyReadUs) {
            this.host = host;
            this.refusal = BusyPoll.refusal(host.kernel.profile(), host.eth0, host.napi.napi(), busyReadUs);
            this.rng = sim.rng().fork(host.name + ".tcp");
            long loopPeriod = costs.pollEmpty() + costs.busyLoopSetup() / 4; // poll + cpu_relax + loop_end test
            this.busyLoop = refusal == null ? new ContinuousPoller(sim, rng.fork("busy"), host.napi, host.cpus[APP_CPU],
                loopPeriod, 8, CpuTime.SYSTEM) : null;
            this.busyTimeout = new Timer(sim, this::busyReadExpired);
            host.napi.perPacketStackNs = costs.tcpStack();
        }

        /** recv(): busy-poll if allowed, else sleep until woken. */
        void waitForData() {
            waiting = true;
            waitStart = sim.now();
            if (busyLoop != null) {
                busyLoop.start();
                busyTimeout.start(req.busyReadUs() * 1000L);
            }
        }

        private void busyReadExpired() {
            if (busyLoop.running()) {
                busyLoop.stop(false); // busy_poll_stop re-arms the IRQ; the thread sleeps
            }
        }

        /** Data reached the socket at {@code at}: the thread continues (woken if it slept). */
        long dataReady(long at) {
            waiting = false;
            long resume;
            if (busyLoop != null && busyLoop.running()) {
                busyTimeout.cancel();
                busyLoop.stop(false);
                resume = at; // its own poll found it
            } else {
                resume = host.cpus[APP_CPU].taskReady(at + costs.wakeup());
                host.kernel.cpus().cpu(APP_CPU).nrSwitches++;
            }
            return resume;
        }
    }

    TcpRr(Simulator sim, SimHost client, SimHost server, TcpRrRequest req, Samples samples) {
        this.sim = sim;
        this.client = client;
        this.server = server;
        this.req = req;
        this.costs = client.costs;
        this.samples = samples;
        this.clientSide = new Side(client, req.busyReadUs());
        this.serverSide = new Side(server, req.busyReadUs());
    }

    /** Why busy polling does not run on the client, or null. */
    String busyPollRefusal() {
        return clientSide.refusal;
    }

    void run(io.netmodel.api.bench.ProgressListener progress) {
        endAt = WARMUP_NS + req.durationNs();
        client.napi.setConsumer((p, at) -> {
            long t = clientSide.dataReady(at);
            sim.scheduleAt(t, () -> clientGotResponse(p));
        });
        server.napi.setConsumer((p, at) -> {
            long t = serverSide.dataReady(at);
            sim.scheduleAt(t, () -> serverGotRequest(p));
        });
        serverSide.waitForData();
        sim.scheduleAt(0, this::clientSend);
        SimHost.runReporting(sim, WARMUP_NS, req.durationNs(), progress);
    }

    private void clientSend() {
        if (sim.now() >= endAt) {
            return;
        }
        long t0 = sim.now();
        long leave = send(client, t0);
        client.transmit(new Packet(t0, true), leave, FRAME_BYTES);
        clientSide.waitForData();
    }

    private void serverGotRequest(Packet p) {
        long leave = send(server, recvCost(server, sim.now()));
        server.transmit(new Packet(p.sentAtNs, false), leave, FRAME_BYTES);
        serverSide.waitForData();
    }

    private void clientGotResponse(Packet p) {
        long done = recvCost(client, sim.now());
        if (done >= WARMUP_NS && done < endAt) {
            samples.add(done - p.sentAtNs);
            transactions++;
        }
        sim.scheduleAt(done, this::clientSend);
    }

    /** recv() returning with the data: syscall exit and copy. */
    private long recvCost(SimHost h, long at) {
        long end = h.cpus[APP_CPU].taskReady(at) + costs.syscall();
        h.cpus[APP_CPU].account(CpuTime.SYSTEM, costs.syscall());
        return end;
    }

    /** send(): syscall, tcp_sendmsg and the stack down to the driver's xmit. */
    private long send(SimHost h, long at) {
        long start = h.cpus[APP_CPU].taskReady(at);
        long leave = start + costs.syscall() + costs.tcpStack() + costs.xmit();
        h.cpus[APP_CPU].account(CpuTime.SYSTEM, leave - start);
        return leave;
    }

    long transactions() {
        return transactions;
    }
}
