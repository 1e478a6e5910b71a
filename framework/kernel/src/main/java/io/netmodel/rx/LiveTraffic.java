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
 * Frames arriving at the running model's eth0, paced by the wall clock: the receive-path
 * simulation ({@link SimHost}, {@link NapiRuntime}) runs on the live kernel itself, so the IRQ
 * counts, {@code /proc/net/dev}, {@code softnet_stat} and {@code /proc/stat} of the mount move,
 * and every knob echoed meanwhile (deferral, threaded, IRQ affinity, {@code ethtool -C}) takes
 * effect at the next event. A thread advances virtual time to the elapsed wall time every
 * {@value #SLICE_MS} ms, holding the model lock for the slice, like a CPU running softirqs
 * between a FUSE reader's syscalls.
 *
 * <p>The traffic holds a reference on every loaded module while it runs (a socket on the
 * device would); {@code rmmod -f} takes the device away under it: the frames still in the RX
 * ring are counted as dropped, the kernel log says so, and the traffic stops.
 */
public final class LiveTraffic implements TrafficService {
    static final int SLICE_MS = 10;

    private final Kernel kernel;
    private final RxCosts costs;
    private Run run;
    private TrafficStatus last = new TrafficStatus(false, null, 0, 0, 0, 0, null);

    /** One started stream: its simulator, the live host it drives, its counters. */
    final class Run {
        final TrafficRequest request;
        final Simulator sim;
        final SimHost host;
        final NetDeviceImpl eth0;
        final Rng gaps;
        final long periodNs;
        final List<String> heldModules = new ArrayList<>();
        volatile boolean running = true;
        long arrived;
        long delivered;
        long dropped;
        String stopReason;
        Thread pacer;

        Run(TrafficRequest request) {
            this.request = request;
            this.sim = new Simulator(request.seed());
            this.host = new SimHost("live", kernel, sim, costs);
            this.eth0 = host.eth0;
            this.gaps = sim.rng().fork("traffic.gaps");
            this.periodNs = Math.max(1, Math.round(1e9 / request.ratePps()));
            host.napi.setConsumer((p, at) -> delivered++);
            host.loadNicSettings();
            sim.scheduleAt(0, this::arrive);
        }

        private void arrive() {
            if (!running) {
                return;
            }
            arrived++;
            eth0.stats().add(NetStats.RX_PACKETS, 1);
            eth0.stats().add(NetStats.RX_BYTES, request.frameBytes());
            host.napi.rxArrive(new Packet(sim.now(), true));
            long gap = request.poisson() ? Math.max(1, gaps.exponential(periodNs)) : periodNs;
            sim.scheduleAt(sim.now() + gap, this::arrive);
        }

        TrafficStatus status() {
            return new TrafficStatus(running, request, arrived, delivered,
                dropped + host.napi.dropped() + host.napi.ringFullDrops(), sim.now(), stopReason);
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
            if (eth0 == null || eth0.napis().isEmpty()) {
                throw new IllegalStateException("the model has no eth0 with a NAPI: load a driver first (netmodel modprobe ...)");
            }
            Run fresh = new Run(request);
            for (ModuleInfo m : kernel.modules().modules()) {
                if (kernel.modules().tryModuleGet(m.name())) {
                    fresh.heldModules.add(m.name());
                }
            }
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

    /** The pacing thread: every slice, run the model up to the wall time elapsed. */
    private void pace(Run r) {
        long t0 = System.nanoTime();
        while (r.running) {
            LockSupport.parkNanos(SLICE_MS * 1_000_000L);
            long target = System.nanoTime() - t0;
            kernel.lock().call(() -> {
                advance(r, target);
                return null;
            });
        }
    }

    /** Runs {@code r} to virtual time {@code t}, unless its device went away (caller holds the lock). */
    void advance(Run r, long t) {
        if (!r.running) {
            return;
        }
        if (!r.eth0.alive() || kernel.netdevs().byName("eth0") != r.eth0) {
            r.dropped = r.host.napi.ringSize();
            kernel.printk("netmodel traffic: eth0 went away with " + r.dropped + " frame(s) in flight: dropped");
            end(r, "eth0 went away (rmmod -f): " + r.dropped + " frame(s) in flight dropped");
            return;
        }
        if (!r.eth0.napis().contains(r.host.napi.napi())) {
            // the driver rebuilt its queues (ethtool -L/-G: netif_napi_del, then new NAPIs); the
            // simulated ring belonged to the deleted NAPI, so what it held is lost
            r.dropped = r.host.napi.ringSize();
            kernel.printk("netmodel traffic: eth0's NAPI " + r.host.napi.napi().napiId() + " was deleted with "
                + r.dropped + " frame(s) in flight: dropped");
            end(r, "eth0's queues were rebuilt (ethtool -L/-G deleted NAPI " + r.host.napi.napi().napiId() + "): "
                + r.dropped + " frame(s) in flight dropped; start the traffic again");
            return;
        }
        r.host.loadNicSettings(); // ethtool -C takes effect within a slice
        r.sim.runUntil(t);
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
        for (String m : r.heldModules) {
            kernel.modules().modulePut(m);
        }
        r.heldModules.clear();
        last = r.status();
    }
}
