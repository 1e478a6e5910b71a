package io.netmodel.drivers.igb;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import java.util.ArrayList;
import java.util.List;

/**
 * The interrupt scheme of one {@code struct igb_adapter} ({@code igb_main.c}): queue counts,
 * MSI-X vectors, q_vectors with their NAPIs and the IRQs {@code igb_open} requests.
 * {@code ethtool -L} rebuilds it as {@code igb_reinit_queues} does: {@code igb_close} (NAPIs
 * disabled, IRQs freed), {@code igb_reset_interrupt_capability} ({@code pci_disable_msix}, then
 * {@code igb_reset_q_vector}: {@code netif_napi_del}), {@code igb_init_interrupt_scheme} (vectors,
 * {@code igb_alloc_q_vector}: {@code netif_napi_add}, {@code netif_napi_add_config} indexed by
 * q_vector from {@link IgbHistory#NAPI_CONFIG}) and {@code igb_open}, closing and opening only a
 * running device.
 *
 * <p>It is also the netdev's {@code ndo_open}/{@code ndo_stop} ({@code igb_open}/{@code igb_close}).
 * Verified in igb_main.c (the search tool's kernel sources): {@code __igb_open} calls
 * {@code igb_request_irq}, then {@code napi_enable} for every q_vector; {@code igb_request_msix}
 * requests vector 0 ({@code igb_msix_other}) before the queue vectors. Recalled, not re-read:
 * {@code __igb_close} runs {@code igb_down} ({@code napi_disable} each q_vector) and
 * {@code igb_free_irq}, which frees vector 0 as well, so at ifdown every igb line, the "other"
 * one included, leaves {@code /proc/interrupts}; {@code igb_reinit_queues} closes and reopens
 * only when {@code netif_running}. NAPIs are added at probe and stay.
 */
final class IgbAdapter implements NetDeviceOps {
    private final DeviceContext ctx;

    /** The kernel services of the device this driver instance is bound to. */
    DeviceContext ctx() {
        return ctx;
    }

    final NetDevice netdev;
    /** {@code adapter->vfs_allocated_count}: with VFs an I350 keeps one TX queue. */
    private final int vfs;
    int rxQueues;
    int txQueues;
    boolean msix;
    List<IgbQVector> vectors = List.of();
    private final List<Napi> napis = new ArrayList<>();
    private final List<Irq> irqs = new ArrayList<>();

    IgbAdapter(DeviceContext ctx, NetDevice netdev, int vfs) {
        this.ctx = ctx;
        this.netdev = netdev;
        this.vfs = vfs;
    }

    /**
     * {@code igb_init_interrupt_scheme}: {@code igb_set_interrupt_capability} (one vector per queue,
     * or per pair with {@code IGB_FLAG_QUEUE_PAIRS}, plus "other"; without MSI-X one queue pair on
     * one vector) and {@code igb_alloc_q_vectors}.
     */
    void initInterruptScheme(int rssQueues, boolean queuePairs) {
        rxQueues = rssQueues;
        txQueues = vfs > 0 ? 1 : rssQueues;
        int qVectors = Math.min(rxQueues + (queuePairs ? 0 : txQueues), IgbDefaults.MAX_Q_VECTORS);
        msix = ctx.pciAllocIrqVectors(qVectors + 1, qVectors + 1) == qVectors + 1;
        if (!msix) {
            rxQueues = 1; // msi_only: one queue pair on one vector
            txQueues = 1;
            qVectors = 1;
        }
        vectors = IgbQVector.alloc(qVectors, rxQueues, txQueues);
        boolean config = ctx.kernel().has(IgbHistory.NAPI_CONFIG);
        for (int v = 0; v < vectors.size(); v++) {
            // The rings and igb_poll's work belong to the receive-path simulation.
            napis.add(config ? ctx.netifNapiAddConfig(netdev, (napi, budget) -> 0, IgbDefaults.NAPI_WEIGHT, v)
                : ctx.netifNapiAdd(netdev, (napi, budget) -> 0, IgbDefaults.NAPI_WEIGHT));
        }
    }

    /** {@code igb_reset_interrupt_capability}: MSI-X given back, every q_vector's NAPI deleted. */
    void resetInterruptCapability() {
        if (msix) {
            ctx.pciFreeIrqVectors();
        }
        for (int i = napis.size() - 1; i >= 0; i--) {
            ctx.netifNapiDel(napis.get(i));
        }
        napis.clear();
        vectors = List.of();
    }

    /**
     * {@code igb_request_irq}: with MSI-X, {@code igb_request_msix} takes vector 0 for
     * {@code igb_msix_other} named after the netdev, then vector 1.. for the q_vectors; without,
     * the legacy line, shared, named after the netdev.
     */
    void requestIrqs() throws DriverException {
        if (!msix) {
            irqs.add(ctx.requestLegacyIrq(netdev.name(), irq -> { }));
            return;
        }
        irqs.add(ctx.requestIrq(0, netdev.name(), irq -> { }));
        for (int v = 0; v < vectors.size(); v++) {
            irqs.add(ctx.requestIrq(v + 1, vectors.get(v).name(netdev.name()), irq -> { }));
        }
    }

    /** {@code igb_free_irq}. */
    void freeIrqs() {
        for (int i = irqs.size() - 1; i >= 0; i--) {
            ctx.freeIrq(irqs.get(i));
        }
        irqs.clear();
    }

    /**
     * {@code igb_open} ({@code __igb_open}): {@code igb_request_irq} (what it took is freed again if a
     * request fails), then {@code napi_enable} for each q_vector.
     */
    @Override
    public int ndoOpen(NetDevice dev) {
        try {
            requestIrqs();
        } catch (DriverException e) {
            freeIrqs();
            return -e.errno();
        }
        napis.forEach(ctx::napiEnable);
        netdev.setSpeed(ctx.device().linkSpeed());
        return 0;
    }

    /** {@code igb_close} ({@code __igb_close}): {@code igb_down} disables each q_vector's NAPI, {@code igb_free_irq}. */
    @Override
    public void ndoStop(NetDevice dev) {
        napis.forEach(ctx::napiDisable);
        freeIrqs();
    }

    /**
     * {@code igb_reinit_queues}: close if running, reset, init, {@code netif_set_real_num_*_queues},
     * open if running.
     */
    void reinitQueues(int rssQueues, boolean queuePairs) throws DriverException {
        boolean running = netdev.netifRunning();
        if (running) {
            ndoStop(netdev);
        }
        resetInterruptCapability();
        initInterruptScheme(rssQueues, queuePairs);
        netdev.setRealNumQueues(txQueues, rxQueues);
        if (running) {
            int err = ndoOpen(netdev);
            if (err != 0) {
                throw new DriverException(-err, "igb_open failed");
            }
        }
    }
}
