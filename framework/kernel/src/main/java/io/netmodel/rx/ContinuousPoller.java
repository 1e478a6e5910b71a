package io.netmodel.rx;

import io.netmodel.cpu.CpuTime;
import io.netmodel.sim.Rng;
import io.netmodel.sim.Simulator;

/**
 * A thread that polls one NAPI in a loop without sleeping: the kthread of threaded busy poll
 * (6.19, {@code napi_threaded_poll_loop} with {@code IN_BUSY_POLL} set), or an application thread
 * looping on {@code recvfrom(MSG_DONTWAIT)} (xsk_rr {@code -t}, each call one
 * {@code napi_busy_loop} pass). The loop is not simulated iteration by iteration: a frame that
 * lands in the ring is picked up by the next iteration, a uniformly distributed part of one
 * loop period later, then pays the poll's cost.
 */
final class ContinuousPoller {
    private final Simulator sim;
    private final Rng rng;
    private final NapiRuntime napi;
    private final Cpu cpu;
    private final long periodNs;
    private final int budget;
    private final CpuTime bucket;
    private boolean pending;
    private int generation;
    private long attachedAt = -1;

    ContinuousPoller(Simulator sim, Rng rng, NapiRuntime napi, Cpu cpu, long periodNs, int budget, CpuTime bucket) {
        this.sim = sim;
        this.rng = rng;
        this.napi = napi;
        this.cpu = cpu;
        this.periodNs = periodNs;
        this.budget = budget;
        this.bucket = bucket;
    }

    int cpu() {
        return cpu.id;
    }

    /** Starts looping now. */
    void start() {
        attachedAt = sim.now();
        napi.attach(this);
        if (!napi.ringEmpty()) {
            workArrived();
        }
    }

    /** Stops looping now (the thread leaves the loop); its CPU time is accounted. */
    void stop(boolean prefer) {
        if (attachedAt < 0) {
            return;
        }
        cpu.account(bucket, sim.now() - attachedAt);
        attachedAt = -1;
        pending = false;
        generation++;
        napi.detach(cpu.id, prefer);
    }

    boolean running() {
        return attachedAt >= 0;
    }

    /** Accounts the time looped so far (at the end of a run) and keeps looping. */
    void accountSoFar() {
        if (attachedAt >= 0) {
            cpu.account(bucket, sim.now() - attachedAt);
            attachedAt = sim.now();
        }
    }

    /** Something is waiting in the ring: the next iteration polls it. */
    void workArrived() {
        if (pending || attachedAt < 0) {
            return;
        }
        pending = true;
        long pollAt = cpu.taskReady(sim.now() + rng.uniform(0, periodNs));
        int gen = generation;
        sim.scheduleAt(pollAt + napi.pollCost(budget, cpu.id), () -> pollDone(gen));
    }

    private void pollDone(int gen) {
        if (gen != generation || !pending) {
            return; // stopped meanwhile
        }
        pending = false;
        napi.pollNow(budget, cpu.id);
        if (!napi.ringEmpty()) {
            workArrived();
        }
    }
}
