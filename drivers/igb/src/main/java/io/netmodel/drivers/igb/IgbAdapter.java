package io.netmodel.drivers.igb;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * The interrupt scheme of one {@code struct igb_adapter} ({@code igb_main.c}): queue counts,
 * MSI-X vectors, q_vectors with their NAPIs and the IRQs {@code igb_open} requests.
 * {@code ethtool -L} rebuilds it as {@code igb_reinit_queues} does: {@code igb_close} (NAPIs
 * disabled, IRQs freed), {@code igb_reset_interrupt_capability} ({@code pci_disable_msix}, then
 * {@code igb_reset_q_vector}: {@code netif_napi_del}), {@code igb_init_interrupt_scheme} (vectors,
 * {@code igb_alloc_q_vector}: {@code netif_napi_add}, {@code netif_napi_add_config} indexed by
 * q_vector from {@link IgbHistory#NAPI_CONFIG}) and {@code igb_open}.
 */
final class IgbAdapter {
    private final DeviceContext ctx;
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

    /** {@code igb_reinit_queues}: close, reset, init, open ({@code netif_set_real_num_*_queues}, IRQs). */
    void reinitQueues(int rssQueues, boolean queuePairs) throws DriverException {
        freeIrqs(); // igb_close -> __igb_close: igb_down (napi_disable), igb_free_irq
        resetInterruptCapability();
        initInterruptScheme(rssQueues, queuePairs);
        netdev.setRealNumQueues(txQueues, rxQueues);
        requestIrqs();
    }
}
