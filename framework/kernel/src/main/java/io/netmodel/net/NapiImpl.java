package io.netmodel.net;

import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NapiPoll;
import io.netmodel.api.netdev.NetDevice;

/**
 * A {@code struct napi_struct}: poll function, weight, busy-poll id and the per-NAPI copies of
 * the device's {@code gro_flush_timeout}, {@code napi_defer_hard_irqs} and {@code threaded}.
 */
public final class NapiImpl implements Napi {
    private final NetDeviceImpl dev;
    private final NapiPoll poll;
    private final int weight;
    int napiId;
    long groFlushTimeout;
    int deferHardIrqs;
    boolean threaded;

    NapiImpl(NetDeviceImpl dev, NapiPoll poll, int weight) {
        this.dev = dev;
        this.poll = poll;
        this.weight = weight;
        this.groFlushTimeout = dev.groFlushTimeout;
        this.deferHardIrqs = dev.napiDeferHardIrqs;
        this.threaded = dev.threaded;
    }

    @Override
    public int napiId() {
        return napiId;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public NetDevice dev() {
        return dev;
    }

    public NapiPoll poll() {
        return poll;
    }

    public long groFlushTimeout() {
        return groFlushTimeout;
    }

    public int deferHardIrqs() {
        return deferHardIrqs;
    }

    public boolean threaded() {
        return threaded;
    }
}
