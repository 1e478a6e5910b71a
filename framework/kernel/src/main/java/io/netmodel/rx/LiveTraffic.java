package io.netmodel.rx;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficService;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.core.Kernel;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetStats;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Frames arriving at the running model's eth0, paced by the wall clock, for a UDP socket an
 * application thread reads ({@link LiveSocket}): the receive-path simulation ({@link SimHost},
 * {@link NapiRuntime}) runs on the live kernel itself, so the IRQ counts, {@code /proc/net/dev},
 * {@code softnet_stat} and {@code /proc/stat} of the mount move, the probes of
 * {@code netmodel trace} fire, and every knob echoed meanwhile (deferral, threaded, IRQ affinity,
 * {@code ethtool -C}) takes effect at the next event. A thread advances virtual time to the
 * elapsed wall time every {@value #SLICE_MS} ms, holding the model lock for the slice, like a CPU
 * running softirqs between a FUSE reader's syscalls.
 *
 * <p>The traffic holds a reference on every loaded module while it runs (a socket on the
 * device would). When eth0 goes away under it ({@code rmmod -f}), goes down, or deletes the NAPI
 * it was using (an {@code ethtool -L}/{@code -G} rebuild), the frames still in the RX ring are
 * dropped and counted, the kernel log says so, and the socket stays open with the NAPI id it
 * had: frames sent while there is no eth0 are lost, and once one is back (a {@code modprobe}, an
 * up, the rebuilt queues) the traffic flows through its RX queues' NAPIs, whose first packet marks the
 * socket with the new id.
 */
public final class LiveTraffic implements TrafficService {
    static final int SLICE_MS = 10;
    /**
     * The reading thread's {@code comm}: a program's own name for its receive thread (what
     * {@code prctl(PR_SET_NAME)} would set; {@code ps} shows it). The program is the model's.
     */
    static final String READER_COMM = "udp_reader";
    /** The Ethernet header the driver pulls before IP sees the frame ({@code eth_type_trans}). */
    static final int ETH_HLEN = 14;

    private final Kernel kernel;
    private final RxCosts costs;
    private Run run;
    private TrafficStatus last = new TrafficStatus(false, null, 0, 0, 0, 0, null);

    /** One started stream: its simulator, the live host it drives (while there is one), its counters. */
    final class Run {
        final TrafficRequest request;
        final Simulator sim;
        final Rng gaps;
        final long periodNs;
        final long traceBaseNs;
        final LiveSocket socket;
        final List<String> heldModules = new ArrayList<>();
        /** eth0 as the traffic uses it now, or null while there is none (gone, down). */
        SimHost host;
        NetDeviceImpl eth0;
        volatile boolean running = true;
        long arrived;
        long dropped;
        long lost;
        String stopReason;
        Thread pacer;
        /** The flow the next frame belongs to (flows send in turn). */
        private int nextFlow;
        /** eth0's {@code real_num_rx_queues} when the traffic took it. */
        private int realNumRxQueues;
        /** The flows' {@code skb->hash} on eth0 ({@link LiveFlows} tuples), following its RSS key. */
        final RxHash flowHashes;

        Run(TrafficRequest request, NetDeviceImpl eth0) {
            this.request = request;
            this.sim = new Simulator(request.seed());
            this.gaps = sim.rng().fork("traffic.gaps");
            this.periodNs = Math.max(1, Math.round(1e9 / request.ratePps()));
            this.flowHashes = new RxHash(request.flows());
            this.traceBaseNs = kernel.trace().now();
            int cpu = request.cpu() == TrafficRequest.DEFAULT_CPU
                ? 63 - Long.numberOfLeadingZeros(kernel.hotplug().onlineMask()) // the last online CPU
                : request.cpu();
            int llUsec = request.busyPollUs() == TrafficRequest.SYSCTL_BUSY_READ
                ? kernel.sysctls().busyRead.get() : request.busyPollUs();
            UdpRcvbuf rcvbuf = new UdpRcvbuf(kernel.profile(), kernel.sysctls().rmemDefault.get(),
                SkbTruesize.of(request.frameBytes())); // sock_init_data: sk_rcvbuf = rmem_default
            java.util.BitSet pinned = new java.util.BitSet();
            pinned.set(cpu); // taskset -c CPU: the thread's affinity is its CPU
            io.netmodel.sched.Task reader = kernel.tasks().userThread(READER_COMM, pinned, cpu);
            this.socket = new LiveSocket(sim, kernel.profile(), kernel.netdevs().napiHash(), costs,
                new RxProbes(kernel.trace(), traceBaseNs), reader, kernel.tasks()::ksoftirqd, kernel.sysctlKernel(),
                llUsec, request.nonblock(), rcvbuf, kernel.snmp(), request.frameBytes() - ETH_HLEN);
            if (request.connected()) {
                socket.setConnected(() -> flowHashes.of(0));
            }
            attach(eth0);
            sim.scheduleAt(0, this::arrive);
            kernel.sysctlKernel().onBandwidthChange(bandwidthChanged);
        }

        /** Registered with the RT sysctls and fair servers while the traffic runs. */
        private final Runnable bandwidthChanged = this::bandwidthChanged;

        /** A write to an RT sysctl or a fair server (under the lock, between slices): re-decided at the model's now. */
        private void bandwidthChanged() {
            sim.scheduleAt(sim.now(), () -> {
                if (host != null) {
                    host.bandwidthChanged();
                }
            });
        }

        /** The traffic flows through {@code dev}'s RX queues in use from now on, RSS spreading its flows. */
        void attach(NetDeviceImpl dev) {
            eth0 = dev;
            host = new SimHost("live", kernel, sim, costs);
            host.traceFrom(traceBaseNs);
            host.useAllRxQueues();
            realNumRxQueues = dev.realNumRxQueues();
            socket.attach(host);
            host.loadNicSettings();
            flowHashes.update(dev);
        }

        /** eth0 is gone, down, or lost the NAPI: what its ring held is dropped, the socket waits. */
        void detach(String why) {
            long inFlight = 0;
            for (NapiRuntime rx : host.rxQueues()) {
                inFlight += rx.ringSize();
                rx.retire(); // frames RPS had queued on other CPUs join napi.dropped()
                dropped += rx.dropped() + rx.ringFullDrops();
            }
            dropped += inFlight;
            socket.detach();
            kernel.printk("netmodel traffic: " + why + " with " + inFlight + " frame(s) in flight: dropped");
            host = null;
            eth0 = null;
        }

        private void arrive() {
            if (!running) {
                return;
            }
            if (host == null) {
                lost++; // no eth0 to receive it
            } else {
                arrived++;
                eth0.stats().add(NetStats.RX_PACKETS, 1);
                eth0.stats().add(NetStats.RX_BYTES, request.frameBytes());
                int hash = flowHashes.of(nextFlow);
                nextFlow = nextFlow + 1 == request.flows() ? 0 : nextFlow + 1;
                host.rssQueue(hash).rxArrive(sim.now(), request.frameBytes(), hash);
            }
            long gap = request.poisson() ? Math.max(1, gaps.exponential(periodNs)) : periodNs;
            sim.scheduleAt(sim.now() + gap, this::arrive);
        }

        TrafficStatus status() {
            long onHost = 0;
            List<Long> perQueue = new ArrayList<>();
            if (host != null) {
                for (NapiRuntime rx : host.rxQueues()) {
                    onHost += rx.dropped() + rx.ringFullDrops();
                    perQueue.add(rx.arrivals());
                }
            }
            int id = socket.skNapiId;
            io.netmodel.api.traffic.SocketStatus sk = new io.netmodel.api.traffic.SocketStatus(socket.cpu,
                socket.skLlUsec, id, id != 0 && kernel.netdevs().napiHash().byId(id) != null, socket.received,
                socket.busyLoops, socket.napiByIdMisses, socket.wakeups, socket.rcvbuf.skRcvbuf,
                socket.rcvbuf.rmemAlloc, socket.rcvbuf.queued(), socket.rcvbuf.drops, socket.task.pid(),
                socket.task.policy(), socket.task.rtPriority(), socket.skIncomingCpu);
            return new TrafficStatus(running, request, arrived, socket.delivered, dropped + onHost, sim.now(), stopReason,
                lost, sk, perQueue);
        }
    }

    public LiveTraffic(Kernel kernel) {
        this.kernel = kernel;
        this.costs = RxCosts.load(RxCosts.DEFAULT_PROFILE);
    }

    @Override
    public TrafficStatus start(TrafficRequest request) {
        Run r = begin(request);
        Thread t = new Thread(() -> pace(r), "netmodel-traffic");
        t.setDaemon(true);
        r.pacer = t;
        t.start();
        return status();
    }

    /** Sets up a run without its pacing thread (tests advance it with {@link #advanceForTest}). */
    Run begin(TrafficRequest request) {
        return kernel.lock().call(() -> {
            if (run != null && run.running) {
                throw new IllegalStateException("traffic is already running (stop it first: netmodel traffic stop)");
            }
            NetDeviceImpl eth0 = kernel.netdevs().byName("eth0");
            if (!usable(eth0)) {
                throw new IllegalStateException(eth0 == null || eth0.napis().isEmpty()
                    ? "the model has no eth0 with a NAPI: " + kernel.drivers().howToGetANetdev()
                    : "eth0 is down: bring it up first (netmodel ip link set eth0 up)");
            }
            if (request.cpu() >= kernel.cpus().count()) {
                throw new IllegalArgumentException("--cpu " + request.cpu() + ": the host has CPUs 0 .. "
                    + (kernel.cpus().count() - 1));
            }
            if (request.cpu() != TrafficRequest.DEFAULT_CPU && !kernel.hotplug().online(request.cpu())) {
                throw new IllegalArgumentException("--cpu " + request.cpu() + ": CPU " + request.cpu()
                    + " is offline (bring it up: " + io.netmodel.cpu.CpuHotplug.bringUpCommand(request.cpu()) + ")");
            }
            Run fresh = new Run(request, eth0);
            holdModules(fresh);
            run = fresh;
            return fresh;
        });
    }

    @Override
    public TrafficStatus stop() {
        Run r = kernel.lock().call(() -> run);
        if (r == null) {
            return last;
        }
        kernel.lock().call(() -> {
            end(r, "by netmodel traffic stop");
            return null;
        });
        if (r.pacer != null && r.pacer != Thread.currentThread()) {
            try {
                r.pacer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return status();
    }

    @Override
    public TrafficStatus status() {
        return kernel.lock().call(() -> run == null ? last : run.status());
    }

    /**
     * The pacing thread: every slice, run the model up to the wall time elapsed. If the model
     * throws, the traffic stops with the reason in its status and the kernel log (it must not go
     * on reporting "running" from a dead thread).
     */
    private void pace(Run r) {
        try {
            paceSlices(r);
        } catch (RuntimeException e) {
            String why = "the model failed: " + (e.getMessage() != null ? e.getMessage() : e.toString());
            kernel.lock().call(() -> {
                kernel.printk("netmodel traffic: stopped, " + why);
                end(r, why);
                return null;
            });
        }
    }

    private void paceSlices(Run r) {
        long t0 = System.nanoTime();
        while (r.running) {
            LockSupport.parkNanos(SLICE_MS * 1_000_000L);
            long target = System.nanoTime() - t0;
            kernel.lock().call(() -> {
                advance(r, Math.min(target, r.sim.now() + MAX_SLICE_NS));
                return null;
            });
            // A slice that waited for the lock (an rmmod, a big write) does not replay the wait
            // afterwards: the model's clock stood still with everything else in it.
            long behind = System.nanoTime() - t0 - r.sim.now();
            if (behind > MAX_SLICE_NS) {
                t0 += behind - SLICE_MS * 1_000_000L;
            }
        }
    }

    /** The most virtual time one slice runs; more means the model was blocked, not running. */
    static final long MAX_SLICE_NS = 100_000_000L;

    /**
     * Runs {@code r} to virtual time {@code t} (caller holds the lock), after following eth0: if
     * the device the traffic used went away, went down or deleted its NAPI, the traffic lets go
     * of it; if there is a usable eth0 and the traffic has none, it takes it.
     */
    void advance(Run r, long t) {
        if (!r.running) {
            return;
        }
        NetDeviceImpl now = kernel.netdevs().byName("eth0");
        if (r.host != null) {
            io.netmodel.net.NapiImpl deleted = deletedNapi(r);
            if (!r.eth0.alive() || now != r.eth0) {
                r.detach("eth0 went away");
                r.heldModules.removeIf(m -> !kernel.modules().isLoaded(m)); // forced out: nothing to put
            } else if (!r.eth0.isUp()) {
                r.detach("eth0 went down");
            } else if (deleted != null) {
                // the driver rebuilt its queues (ethtool -L/-G: netif_napi_del, then new NAPIs); the
                // simulated ring belonged to the deleted NAPI, so what it held is lost
                r.detach("eth0's NAPI " + deleted.napiId() + " was deleted");
            } else if (r.realNumRxQueues != r.eth0.realNumRxQueues()) {
                // ethtool -L without a rebuild (virtio_net keeps its NAPIs): RSS spreads over the new count
                r.detach("eth0's RX queues went from " + r.realNumRxQueues + " to " + r.eth0.realNumRxQueues());
            }
        }
        if (r.host == null && usable(now)) {
            r.attach(now);
            holdModules(r);
            kernel.printk("netmodel traffic: eth0 (ifindex " + now.ifindex() + ") receives again, through NAPI "
                + r.host.napi.napi().napiId());
        }
        if (r.socket.task.cpu() != r.socket.cpu) {
            r.socket.migrate(r.socket.task.cpu()); // taskset moved the reader off its CPU
        }
        if (r.host != null) {
            r.host.loadNicSettings(); // ethtool -C takes effect within a slice
            r.flowHashes.update(r.eth0); // and ethtool -X hkey
        }
        r.sim.runUntil(t);
    }

    /** A NAPI the traffic receives through that eth0 no longer has, or null. */
    private static io.netmodel.net.NapiImpl deletedNapi(Run r) {
        for (NapiRuntime rx : r.host.rxQueues()) {
            if (!r.eth0.napis().contains(rx.napi())) {
                return rx.napi();
            }
        }
        return null;
    }

    /** An eth0 the traffic can flow through: registered, up, with a NAPI. */
    private static boolean usable(NetDeviceImpl dev) {
        return dev != null && dev.alive() && dev.isUp() && !dev.napis().isEmpty();
    }

    /** Takes a reference on every loaded module the run does not hold yet (a socket on the device would). */
    private void holdModules(Run r) {
        for (ModuleInfo m : kernel.modules().modules()) {
            if (!r.heldModules.contains(m.name()) && kernel.modules().tryModuleGet(m.name())) {
                r.heldModules.add(m.name());
            }
        }
    }

    /** Test hook: the current run (null before the first start). */
    Run runForTest() {
        return run;
    }

    /** Test hook: advance the current run to virtual time {@code t} without the pacing thread. */
    void advanceForTest(long t) {
        kernel.lock().call(() -> {
            advance(run, t);
            return null;
        });
    }

    private void end(Run r, String reason) {
        if (!r.running) {
            return;
        }
        r.running = false;
        r.stopReason = reason;
        kernel.sysctlKernel().removeBandwidthListener(r.bandwidthChanged);
        for (String m : r.heldModules) {
            kernel.modules().modulePut(m);
        }
        r.heldModules.clear();
        last = r.status();
        kernel.tasks().stop(r.socket.task); // the reading program exits with the traffic
    }
}
