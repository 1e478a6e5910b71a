package io.netmodel.net;

import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NapiPoll;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.sched.Task;

/**
 * A {@code struct napi_struct}: poll function, weight, busy-poll id, the per-NAPI settings
 * ({@code gro_flush_timeout}, {@code defer_hard_irqs}, {@code irq_suspend_timeout}: the
 * device's sysfs values when added and when the sysfs files are written, this NAPI's own
 * after a netlink {@code napi-set}), its threaded mode and kthread ({@code napi->thread}), and
 * the IRQ the driver associated ({@code napi->irq}, -1 for none). The model keeps no NAPI
 * across a driver reload, so the persistent {@code napi_config} of 6.13+ is these fields.
 */
public final class NapiImpl implements Napi {
    private final NetDeviceImpl dev;
    private final NapiPoll poll;
    private final int weight;
    int napiId;
    long groFlushTimeout;
    int deferHardIrqs;
    long irqSuspendTimeout;
    NapiThreaded threaded = NapiThreaded.DISABLED;
    Task thread;
    int irq = -1;

    NapiImpl(NetDeviceImpl dev, NapiPoll poll, int weight) {
        this.dev = dev;
        this.poll = poll;
        this.weight = weight;
        this.groFlushTimeout = dev.groFlushTimeout;
        this.deferHardIrqs = dev.napiDeferHardIrqs;
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

    public long irqSuspendTimeout() {
        return irqSuspendTimeout;
    }

    /** {@code napi_get_threaded(napi)}. */
    public NapiThreaded threaded() {
        return threaded;
    }

    /** {@code napi->thread}: the kthread, or null. */
    public Task thread() {
        return thread;
    }

    /** {@code napi->irq}: the IRQ set with {@code netif_napi_set_irq}, or -1. */
    public int irq() {
        return irq;
    }
}
