package io.netmodel.rx;

import io.netmodel.core.Tracepoints;

/**
 * The receive path's probe points ({@code netmodel trace napi_poll}, ...) as one host's
 * simulation reports them: each hit carries the simulated time, shifted to the kernel's
 * time since boot when the simulation runs on the live model ({@link LiveTraffic}).
 * Nothing is built unless someone listens.
 */
final class RxProbes {
    final Tracepoints.Probe napiSchedule;
    final Tracepoints.Probe netRxAction;
    final Tracepoints.Probe napiPoll;
    final Tracepoints.Probe napiCompleteDone;
    final Tracepoints.Probe skCanBusyLoop;
    final Tracepoints.Probe napiBusyLoop;
    /** The kernel's time since boot when the simulation's clock read 0. */
    private final long baseNs;

    RxProbes(Tracepoints trace, long baseNs) {
        this.napiSchedule = trace.probe(Tracepoints.NAPI_SCHEDULE);
        this.netRxAction = trace.probe(Tracepoints.NET_RX_ACTION);
        this.napiPoll = trace.probe(Tracepoints.NAPI_POLL);
        this.napiCompleteDone = trace.probe(Tracepoints.NAPI_COMPLETE_DONE);
        this.skCanBusyLoop = trace.probe(Tracepoints.SK_CAN_BUSY_LOOP);
        this.napiBusyLoop = trace.probe(Tracepoints.NAPI_BUSY_LOOP);
        this.baseNs = baseNs;
    }

    /** The time since boot of simulated time {@code simNs}. */
    long at(long simNs) {
        return baseNs + simNs;
    }
}
