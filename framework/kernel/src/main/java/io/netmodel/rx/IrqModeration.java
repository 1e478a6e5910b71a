package io.netmodel.rx;

import io.netmodel.api.netdev.RxDim;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.sim.Timer;
import java.util.function.LongSupplier;

/**
 * The NIC's interrupt moderation for one RX queue's vector, as {@code ethtool -C} sets it: the
 * least interval between two interrupts ({@code rx-usecs}, Intel's ITR), the frame count that
 * raises one at once ({@code rx-frames}), rate-based adaptive moderation ({@code adaptive-rx}
 * with {@code pkt-rate-low/-high}), and a driver's DIM ({@link RxDimModeration}). The
 * {@link NapiRuntime} asks {@link #irqNow} whenever the NIC has a cause with the IRQ unmasked; a
 * cause held back fires {@code expired} at the end of the interval.
 */
final class IrqModeration {
    private final Simulator sim;
    /** Frames that reached the RX queue so far (what adaptive moderation samples). */
    private final LongSupplier arrivals;
    /** Fires the IRQ the NIC held back. */
    private final Timer held;
    /** {@code rx-usecs} in ns: the least time between two interrupts now; 0 = no moderation. */
    private long itrNs;
    /** {@code rx-frames}: with moderation on, this many frames pending raise the IRQ at once; 0 = no count. */
    private int itrFrames;
    /** The static {@code rx-usecs} and {@code rx-frames} ({@link #setCoalescing}): what the register holds while DIM is off. */
    private long itrNormalNs;
    private int itrNormalFrames;
    private long lastIrqNs = Long.MIN_VALUE / 2;
    /** The driver's DIM ({@link #dimOn}); null until adaptive-rx first turns it on. */
    private RxDimModeration dim;
    /** {@code IDPF_ITR_IS_DYNAMIC(rx_intr_mode)}: DIM feeds and writes the moderation. */
    private boolean dimDynamic;
    /** Adaptive moderation ({@link #setAdaptiveRates}); the sampling timer runs only when it is on. */
    private final Timer adaptiveSample;
    private long rateLow;
    private long rateHigh;
    private long itrLowNs;
    private long itrHighNs;
    private long sampleNs;
    private long sampledArrivals;

    /** No moderation until {@link #setCoalescing}; {@code expired} raises the held-back IRQ if it is still due. */
    IrqModeration(Simulator sim, LongSupplier arrivals, Event expired) {
        this.sim = sim;
        this.arrivals = arrivals;
        this.held = new Timer(sim, expired);
        this.adaptiveSample = new Timer(sim, this::adaptiveSample);
    }

    /**
     * The NIC has a cause and the IRQ is unmasked: true if it interrupts now; false if moderation
     * holds it back (the timer then fires {@code expired} when the interval is over), unless
     * {@code pending} frames reach {@code rx-frames}.
     */
    boolean irqNow(int pending) {
        long due = lastIrqNs + itrNs;
        if (itrNs == 0 || sim.now() >= due || (itrFrames > 0 && pending >= itrFrames)) {
            held.cancel();
            return true;
        }
        if (!held.isActive()) {
            held.startAt(due);
        }
        return false;
    }

    /** The IRQ fired now: the next one waits for the interval from here. */
    void irqRaised() {
        lastIrqNs = sim.now();
    }

    /**
     * Interrupt moderation from {@code ethtool -C}: the NIC raises its IRQ no sooner than
     * {@code rxUsecs} after the previous one (the ITR interval of e1000/igb/ixgbe/idpf; a
     * pending cause waits for it), or at once when {@code rxFrames} frames are waiting. While
     * DIM runs ({@link #dimOn}) these are the static values {@link #dimOff} writes back; igb's
     * and e1000's rx-usecs 1..3 dynamic modes are not modelled (the value is used as it is).
     */
    void setCoalescing(long rxUsecs, long rxFrames) {
        this.itrNormalNs = Math.max(0, rxUsecs) * 1000;
        this.itrNormalFrames = (int) Math.min(Math.max(0, rxFrames), Integer.MAX_VALUE);
        if (dimDynamic) {
            return; // the device holds what DIM's work wrote last
        }
        this.itrFrames = itrNormalFrames;
        if (!adaptiveSample.isActive()) {
            itrNs = itrNormalNs; // adaptive moderation keeps what it sampled until its next sample
        }
    }

    /**
     * Rate-based adaptive moderation ({@code adaptive-rx} with {@code pkt-rate-low/-high},
     * {@code rx-usecs-low/-high}; include/uapi/linux/ethtool.h {@code struct ethtool_coalesce}):
     * every {@code sampleNs} the driver measures the RX packet rate and moderates with
     * {@code rx-usecs-low} below {@code pkt-rate-low}, {@code rx-usecs-high} above
     * {@code pkt-rate-high}, and {@code rx-usecs} in between (mlx4_en's
     * {@code mlx4_en_auto_moderation}, run by its statistics work every quarter second,
     * interpolates in between and treats small packets as a low rate; both give the low value
     * to request/response traffic). Until the first sample the static {@code rx-usecs} holds.
     */
    void setAdaptiveRates(long pktRateLow, long rxUsecsLow, long pktRateHigh, long rxUsecsHigh, long sampleNs) {
        long lowNs = Math.max(0, rxUsecsLow) * 1000;
        long highNs = Math.max(0, rxUsecsHigh) * 1000;
        if (adaptiveSample.isActive() && pktRateLow == rateLow && pktRateHigh == rateHigh && lowNs == itrLowNs
                && highNs == itrHighNs && sampleNs == this.sampleNs) {
            return; // unchanged (live traffic re-reads the settings every slice): keep sampling
        }
        this.rateLow = pktRateLow;
        this.rateHigh = pktRateHigh;
        this.itrLowNs = lowNs;
        this.itrHighNs = highNs;
        this.sampleNs = sampleNs;
        this.sampledArrivals = arrivals.getAsLong();
        adaptiveSample.start(sampleNs);
    }

    /** {@code adaptive-rx off} (or no rate thresholds): the static {@code rx-usecs} from now on. */
    void adaptiveOff() {
        if (adaptiveSample.isActive()) {
            adaptiveSample.cancel();
            itrNs = itrNormalNs;
        }
    }

    /** One adaptive-moderation sample: the packet rate since the last one picks the interval. */
    private void adaptiveSample() {
        long now = arrivals.getAsLong();
        long rate = (now - sampledArrivals) * 1_000_000_000L / sampleNs;
        sampledArrivals = now;
        itrNs = rate < rateLow ? itrLowNs : rate > rateHigh ? itrHighNs : itrNormalNs;
        adaptiveSample.start(sampleNs);
    }

    /**
     * {@code adaptive-rx on} for a driver whose adaptive moderation is DIM ({@link RxDimModeration}):
     * each completed poll feeds {@code net_dim()} ({@link #pollCompleted}), whose work writes the
     * profile it picks. At {@code open} (the device comes up with adaptive on:
     * idpf_vport_intr_ena_irq_all) the profile {@code profile_ix} selects is written at once;
     * turned on later, the static value stays until DIM's work first changes the profile
     * (__idpf_set_q_coalesce writes nothing). The {@code struct dim} lives as long as this NAPI,
     * across off/on.
     */
    void dimOn(RxDim decl, boolean open) {
        if (dim == null) {
            dim = new RxDimModeration(decl, this::writeModeration);
        }
        if (dimDynamic) {
            return;
        }
        dimDynamic = true;
        if (open) {
            writeModeration(dim.current());
        }
    }

    /** {@code adaptive-rx off} with DIM: the static values are written back (__idpf_set_q_coalesce). */
    void dimOff() {
        if (dimDynamic) {
            dimDynamic = false;
            itrNs = itrNormalNs;
            itrFrames = itrNormalFrames;
        }
    }

    /**
     * A poll completed and the driver re-enables the IRQ: with DIM running, {@code idpf_net_dim}
     * samples the vector's interrupt count and the RX queue's packets and bytes first.
     */
    void pollCompleted(long irqEvents, long rxPackets, long rxBytes) {
        if (dimDynamic) {
            dim.sample(sim.now(), irqEvents, rxPackets, rxBytes);
        }
    }

    /** DIM's work writes a profile: its µs is the least interval, its frame count (0: none) the early trigger. */
    private void writeModeration(RxDim.CqModer m) {
        itrNs = m.usec() * 1000L;
        itrFrames = m.pkts();
    }

    /** The driver's DIM, or null when adaptive-rx never turned it on. */
    RxDimModeration dim() {
        return dim;
    }

    /** Whether DIM moderates now (adaptive-rx on for a driver with DIM). */
    boolean dimRunning() {
        return dimDynamic;
    }

    /** The least time between two interrupts now, ns. */
    long intervalNs() {
        return itrNs;
    }

    /** The NAPI went away: no held-back IRQ, no more samples. */
    void stop() {
        held.cancel();
        adaptiveSample.cancel();
    }
}
