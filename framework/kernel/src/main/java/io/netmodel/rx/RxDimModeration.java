package io.netmodel.rx;

import io.netmodel.api.netdev.RxDim;
import io.netmodel.dim.DimSample;
import io.netmodel.dim.NetDim;
import io.netmodel.dim.NetDimProfiles;
import io.netmodel.net.SysctlNetCore;
import java.util.List;

/**
 * The driver's side of DIM for one NAPI's RX queue: its {@code struct dim} ({@code q_vector->rx_dim}),
 * the sample it builds when its poll completes, and the work that writes the chosen profile to
 * the device. Follows idpf ({@code idpf_net_dim}, {@code idpf_update_dim_sample},
 * {@code idpf_rx_dim_work} in {@code idpf_txrx.c}): the sample is the vector's interrupt count
 * ({@code total_events}, bumped by the IRQ handler) and the RX queue's packets and bytes; a
 * measurement begun {@code HZ} ms ago or more is restarted when the driver says so; the work
 * clamps {@code profile_ix}, writes the profile and sets {@code DIM_START_MEASURE}. The work runs
 * at once here, where the kernel queues it on a kworker (its latency is not modelled).
 */
final class RxDimModeration {
    /** What the work writes to the device: the profile's µs and frame count. */
    interface Writer {
        void write(RxDim.CqModer moder);
    }

    private final RxDim decl;
    private final List<RxDim.CqModer> table;
    private final NetDim dim;
    private final Writer writer;
    /** Profile changes applied (the work's runs). */
    long profileChanges;

    RxDimModeration(RxDim decl, Writer writer) {
        this.decl = decl;
        this.table = NetDimProfiles.rxTable(decl);
        this.dim = new NetDim(decl.profileIx()); // idpf_init_dim at napi enable
        this.writer = writer;
    }

    /** The profile {@code profile_ix} selects now ({@code rx_itr_profile[dim->profile_ix]}). */
    RxDim.CqModer current() {
        return table.get(Math.min(dim.profileIx(), table.size() - 1));
    }

    /**
     * {@code idpf_update_dim_sample} + {@code net_dim()} after a completed poll, at {@code nowNs},
     * with the vector's counters; runs the work when DIM chose another profile.
     */
    void sample(long nowNs, long events, long packets, long bytes) {
        DimSample s = DimSample.of(nowNs, events, packets, bytes);
        if (decl.restartWhenStale()
            && (nowNs - dim.startSample().timeNs()) / 1_000_000 >= SysctlNetCore.HZ) { // ktime_ms_delta >= HZ
            dim.restartMeasure();
        }
        if (dim.netDim(s)) {
            work();
        }
    }

    /** {@code idpf_rx_dim_work}: clamp, write the profile, {@code DIM_START_MEASURE}. */
    private void work() {
        if (dim.profileIx() >= table.size()) {
            dim.setProfileIx(table.size() - 1);
        }
        profileChanges++;
        writer.write(current());
        dim.workDone();
    }

    NetDim dim() {
        return dim;
    }
}
