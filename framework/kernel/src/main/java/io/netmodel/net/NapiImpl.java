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
 * the IRQ the driver associated ({@code napi->irq}, -1 for none), and for a NAPI added with
 * {@code netif_napi_add_config} its {@code napi->index} and {@code napi->config} ({@link NapiConfig}:
 * where its id and settings are kept while the NAPI is deleted and re-added, 6.13+).
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
    /**
     * Between {@code napi_enable} and {@code napi_disable}: while false Linux holds
     * {@code NAPI_STATE_SCHED} (set by {@code netif_napi_add} and {@code napi_disable}), so neither
     * the IRQ path nor a busy poller can schedule the NAPI.
     */
    boolean enabled;
    /** {@code napi->index}: the {@code napi_config} entry, -1 for a plain {@code netif_napi_add}. */
    final int index;
    /** {@code napi->config}, or null. */
    final NapiConfig config;

    NapiImpl(NetDeviceImpl dev, NapiPoll poll, int weight, int index) {
        this.dev = dev;
        this.poll = poll;
        this.weight = weight;
        this.groFlushTimeout = dev.groFlushTimeout;
        this.deferHardIrqs = dev.napiDeferHardIrqs;
        this.index = index;
        this.config = index < 0 ? null : dev.napiConfig[index];
    }

    /** {@code napi->index}: the persistent config entry, or -1 when added without one. */
    public int index() {
        return index;
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

    /** Whether the NAPI is enabled ({@code napi_enable} ran, no {@code napi_disable} since). */
    public boolean enabled() {
        return enabled;
    }

    /** {@code napi->irq}: the IRQ set with {@code netif_napi_set_irq}, or -1. */
    public int irq() {
        return irq;
    }
}
