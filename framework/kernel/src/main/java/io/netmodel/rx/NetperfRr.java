package io.netmodel.rx;

import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;

/**
 * netperf TCP_RR and UDP_RR: one transaction in flight, a 1-byte request and a 1-byte
 * response, closed loop; the two differ only in the protocol's per-packet cost and frame size. Each side's application thread sits in {@code recv}: with busy polling allowed
 * ({@link BusyPoll}) it spins in {@code sk_busy_loop} for up to {@code busy_read} µs, polling
 * the NAPI itself (protocol processing in its own context, no wake-up); otherwise, or once that
 * time is up, it sleeps and the frame takes the interrupt path, then a wake-up on its CPU.
 *
 * <p>Interrupts on CPU 0 (the default affinity's first CPU), application threads on CPU 1.
 * Unlike netperf: no Nagle or delayed-ACK effects (in RR the ACK rides on the response); no UDP
 * retransmission timer (netperf's UDP_RR has none either, and the model loses no frames).
 */
final class NetperfRr {
    static final int APP_CPU = 1;
    private static final long WARMUP_NS = 10_000_000;

    /** The protocol under the 1-byte payload. */
    enum Protocol {
        /** 1 byte + TCP (with timestamps) + IPv4 + Ethernet headers. */
        TCP(67),
        /** 1 byte + UDP + IPv4 + Ethernet headers. */
        UDP(43);

        final int frameBytes;

        Protocol(int frameBytes) {
            this.frameBytes = frameBytes;
        }

        /** Per-packet protocol processing, each way (send path or receive path). */
        long stackNs(RxCosts costs) {
            return this == TCP ? costs.tcpStack() : costs.udpStack();
        }
    }

    private final Simulator sim;
    private final SimHost client;
    private final SimHost server;
    private final Protocol protocol;
    private final int busyReadUs;
    private final long durationNs;
    private final RxCosts costs;
    private final io.netmodel.api.bench.LatencySink samples;
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
            this.rng = sim.rng().fork(host.name + "." + protocol.name().toLowerCase(java.util.Locale.ROOT));
            long loopPeriod = costs.pollEmpty() + costs.busyLoopSetup() / 4; // poll + cpu_relax + loop_end test
            this.busyLoop = refusal == null ? new ContinuousPoller(sim, rng.fork("busy"), host.napi, host.cpus[APP_CPU],
                loopPeriod, 8, CpuTime.SYSTEM) : null;
            this.busyTimeout = new Timer(sim, this::busyReadExpired);
            host.napi.perPacketStackNs = protocol.stackNs(costs);
            host.steerToSockets();
        }

        /** recv(): busy-poll if allowed, else sleep until woken. */
        void waitForData() {
            recordFlow(host);
            waiting = true;
            waitStart = sim.now();
            if (busyLoop != null) {
                busyLoop.start();
                busyTimeout.start(busyReadUs * 1000L);
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

    NetperfRr(Simulator sim, SimHost client, SimHost server, Protocol protocol, int busyReadUs, long durationNs,
              io.netmodel.api.bench.LatencySink samples) {
        this.sim = sim;
        this.client = client;
        this.server = server;
        this.protocol = protocol;
        this.busyReadUs = busyReadUs;
        this.durationNs = durationNs;
        this.costs = client.costs;
        this.samples = samples;
        this.clientSide = new Side(client, busyReadUs);
        this.serverSide = new Side(server, busyReadUs);
    }

    /** Why busy polling does not run on the client, or null. */
    String busyPollRefusal() {
        return clientSide.refusal;
    }

    void run(io.netmodel.api.bench.ProgressListener progress) {
        endAt = WARMUP_NS + durationNs;
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
        SimHost.runReporting(sim, WARMUP_NS, durationNs, progress);
    }

    private void clientSend() {
        if (sim.now() >= endAt) {
            return;
        }
        long t0 = sim.now();
        long leave = send(client, t0);
        client.transmit(t0, leave, protocol.frameBytes);
        clientSide.waitForData();
    }

    private void serverGotRequest(long sentAtNs) {
        long leave = send(server, recvCost(server, sim.now()));
        server.transmit(sentAtNs, leave, protocol.frameBytes);
        serverSide.waitForData();
    }

    private void clientGotResponse(long sentAtNs) {
        long done = recvCost(client, sim.now());
        if (done >= WARMUP_NS && done < endAt) {
            samples.sample(done - WARMUP_NS, done - sentAtNs);
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

    /** send(): syscall, tcp_sendmsg / udp_sendmsg and the stack down to the driver's xmit. */
    private long send(SimHost h, long at) {
        recordFlow(h);
        long start = h.cpus[APP_CPU].taskReady(at);
        long leave = start + costs.syscall() + protocol.stackNs(costs) + costs.xmit();
        h.cpus[APP_CPU].account(CpuTime.SYSTEM, leave - start);
        return leave;
    }

    /**
     * {@code sock_rps_record_flow} in {@code inet_recvmsg}/{@code inet_sendmsg}: RFS learns that
     * the flow this host receives is read on the application's CPU. TCP's socket is connected
     * ({@code TCP_ESTABLISHED}, {@code sk_rxhash} saved at each receive). UDP_RR's are not, as
     * netperf's omni test leaves them without its test-specific {@code -n}/{@code -N}
     * ({@code send_omni_inner}: {@code need_to_connect = (protocol != IPPROTO_UDP) || local_connected};
     * {@code sendto}/{@code recvfrom} on both sides), so their calls record nothing.
     */
    private void recordFlow(SimHost h) {
        if (protocol == Protocol.TCP) {
            h.rps.recordFlow(Rps.FLOW_HASH, APP_CPU);
        }
    }

    long transactions() {
        return transactions;
    }
}
