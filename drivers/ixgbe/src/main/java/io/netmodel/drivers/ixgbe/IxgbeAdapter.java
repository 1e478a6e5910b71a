package io.netmodel.drivers.ixgbe;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import java.util.ArrayList;
import java.util.List;

/**
 * The interrupt scheme of one {@code struct ixgbe_adapter} ({@code ixgbe_lib.c}, {@code ixgbe_main.c}):
 * queue count, MSI-X vectors, q_vectors with their NAPIs, and the IRQs {@code ixgbe_open} requests.
 * {@code ethtool -L} rebuilds all of it as {@code ixgbe_set_channels} → {@code ixgbe_setup_tc} does:
 * {@code ixgbe_close} (NAPIs disabled, IRQs freed), {@code ixgbe_clear_interrupt_scheme}
 * ({@code ixgbe_free_q_vectors}: {@code netif_napi_del}; MSI-X given back), then
 * {@code ixgbe_init_interrupt_scheme} (new vectors, new q_vectors: {@code netif_napi_add}) and
 * {@code ixgbe_open}. ixgbe adds its NAPIs with plain {@code netif_napi_add}, so every rebuild gives
 * new NAPI ids and loses per-NAPI settings.
 *
 * <p>It is also the netdev's {@code ndo_open}/{@code ndo_stop} ({@code ixgbe_open}/{@code ixgbe_close}).
 * Verified in ixgbe_main.c (the search tool's kernel sources): {@code ixgbe_request_irq} requests
 * the queue vectors and then the "other" vector ({@code ixgbe_msix_other}, named after the netdev),
 * and {@code ixgbe_free_irq} frees the queue vectors that have rings and then the "other" one, so at
 * ifdown every ixgbe line leaves {@code /proc/interrupts}. Recalled, not re-read: {@code ixgbe_open}
 * runs {@code ixgbe_request_irq} and then {@code ixgbe_up_complete} ({@code ixgbe_napi_enable_all});
 * {@code ixgbe_close} runs {@code ixgbe_down} ({@code ixgbe_napi_disable_all}) and
 * {@code ixgbe_free_irq}; {@code ixgbe_setup_tc} closes and reopens only when {@code netif_running}.
 * The NAPIs are added at probe and stay; ixgbe never adopted {@code netif_napi_add_config}, so from
 * 6.13 every ifup gives them new ids.
 */
final class IxgbeAdapter implements NetDeviceOps {
    private final DeviceContext ctx;

    /** The kernel services of the device this driver instance is bound to. */
    DeviceContext ctx() {
        return ctx;
    }

    final NetDevice netdev;
    /** {@code adapter->num_rx_queues} (= TX): what the last {@code ixgbe_set_num_queues} chose. */
    int queues;
    boolean msix;
    /** {@code IXGBE_FLAG_FDIR_HASH_CAPABLE}: Flow Director's ATR hashing, on with more than one RSS queue. */
    private boolean fdirHash;
    List<IxgbeQVector> vectors = List.of();
    private final List<Napi> napis = new ArrayList<>();
    private final List<Irq> irqs = new ArrayList<>();

    IxgbeAdapter(DeviceContext ctx, NetDevice netdev) {
        this.ctx = ctx;
        this.netdev = netdev;
    }

    /**
     * {@code ixgbe_init_interrupt_scheme}: {@code ixgbe_set_num_queues} (RSS limited to
     * {@code rssLimit}; with more than one RSS queue Flow Director's {@code fdirLimit} sets the
     * count), {@code ixgbe_set_interrupt_capability} ({@code ixgbe_acquire_msix_vectors}: one per
     * queue, at most one per online CPU, plus "other"; without MSI-X one queue on the legacy line)
     * and {@code ixgbe_alloc_q_vectors} (one NAPI per q_vector, weight 64; hashed by the driver on
     * 3.11–4.4).
     */
    void initInterruptScheme(int rssLimit, int fdirLimit) {
        int cpus = ctx.numOnlineCpus();
        fdirHash = rssLimit > 1; // ixgbe_set_rss_queues: ATR (atr_sample_rate 20) needs more than one RSS queue
        int q = rssLimit > 1 ? fdirLimit : rssLimit;
        queues = Math.max(1, Math.min(q, ctx.device().maxQueuePairs()));
        int wanted = Math.min(queues, cpus) + IxgbeDefaults.NON_Q_VECTORS;
        int got = ctx.pciAllocIrqVectors(IxgbeDefaults.MIN_MSIX_COUNT, wanted);
        msix = got > 0;
        int qVectors;
        if (msix) {
            qVectors = Math.min(got - IxgbeDefaults.NON_Q_VECTORS, IxgbeDefaults.MAX_Q_VECTORS);
        } else {
            ctx.log("Failed to allocate MSI-X interrupts. Err: -28");
            queues = 1; // RSS limit 1, one q_vector on the legacy line
            qVectors = 1;
        }
        ctx.log("Multiqueue " + (queues > 1 ? "Enabled" : "Disabled") + ": Rx Queue count = " + queues
            + ", Tx Queue count = " + queues + (ctx.kernel().has(IxgbeHistory.XDP_QUEUE_COUNT) ? " XDP Queue count = 0" : ""));
        vectors = IxgbeQVector.alloc(qVectors, queues, queues);
        for (int v = 0; v < vectors.size(); v++) {
            // The rings and ixgbe_poll's work belong to the receive-path simulation.
            Napi napi = ctx.netifNapiAdd(netdev, (n, budget) -> 0, IxgbeDefaults.NAPI_WEIGHT);
            if (ctx.kernel().has(IxgbeHistory.LOW_LATENCY_RECV) && !ctx.kernel().has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
                ctx.napiHashAdd(napi); // 3.11-4.4: the driver hashes its NAPIs itself
            }
            napis.add(napi);
        }
    }

    /** {@code ixgbe_clear_interrupt_scheme}: {@code ixgbe_free_q_vectors}, {@code ixgbe_reset_interrupt_capability}. */
    void clearInterruptScheme() {
        for (int i = napis.size() - 1; i >= 0; i--) {
            ctx.netifNapiDel(napis.get(i));
        }
        napis.clear();
        vectors = List.of();
        ctx.pciFreeIrqVectors();
    }

    /**
     * {@code ixgbe_request_irq}: with MSI-X, {@code ixgbe_request_msix_irqs} requests the queue
     * vectors in order, skipping any without rings, then the "other" vector after them, named
     * after the netdev; without, the legacy line, shared, named after the netdev.
     */
    void requestIrqs() throws DriverException {
        if (!msix) {
            irqs.add(ctx.requestLegacyIrq(netdev.name(), irq -> { }));
            return;
        }
        List<String> names = IxgbeQVector.names(vectors, netdev.name());
        for (int v = 0; v < names.size(); v++) {
            if (names.get(v) != null) {
                Irq irq = ctx.requestIrq(v, names.get(v), i -> { });
                irqs.add(irq);
                if (fdirHash) {
                    affinityHint(irq, v);
                }
            }
        }
        irqs.add(ctx.requestIrq(vectors.size(), netdev.name(), irq -> { }));
    }

    /**
     * "If Flow Director is enabled, set interrupt affinity": the q_vector's {@code affinity_mask},
     * which {@code ixgbe_alloc_q_vector} set to {@code cpumask_local_spread(v_idx, node)} (one
     * node: the v-th online CPU, wrapping), as the hint; before 5.17 the affinity too.
     */
    private void affinityHint(Irq irq, int v) {
        java.util.BitSet mask = new java.util.BitSet();
        mask.set(v % ctx.numOnlineCpus());
        if (ctx.kernel().has(IxgbeHistory.AFFINITY_HINT_ONLY)) {
            ctx.irqUpdateAffinityHint(irq, mask);
        } else {
            ctx.irqSetAffinityAndHint(irq, mask);
        }
    }

    /** {@code ixgbe_free_irq}. */
    void freeIrqs() {
        for (int i = irqs.size() - 1; i >= 0; i--) {
            ctx.freeIrq(irqs.get(i));
        }
        irqs.clear();
    }

    /** {@code q_vector[0]} cleans both a TX and an RX ring: tx-usecs follows rx-usecs. */
    boolean txRxVectors() {
        IxgbeQVector first = vectors.get(0);
        return first.rxRings() > 0 && first.txRings() > 0;
    }

    /**
     * {@code ixgbe_setup_tc} as {@code ixgbe_set_channels} calls it with the new Flow Director
     * limit {@code count} (RSS capped at {@code IXGBE_MAX_RSS_INDICES}): close, clear and init the
     * interrupt scheme, open ({@code netif_set_real_num_*_queues}, IRQs).
     */
    void setupTc(int count) throws DriverException {
        boolean running = netdev.netifRunning();
        if (running) {
            ndoStop(netdev);
        }
        clearInterruptScheme();
        initInterruptScheme(Math.min(count, IxgbeDefaults.MAX_RSS_INDICES), count);
        netdev.setRealNumQueues(queues, queues);
        if (running) {
            int err = ndoOpen(netdev);
            if (err != 0) {
                throw new DriverException(-err, "ixgbe_open failed");
            }
        }
    }

    /**
     * {@code ixgbe_open}: {@code ixgbe_request_irq} (a failed request frees what it took), then
     * {@code ixgbe_up_complete}: {@code ixgbe_napi_enable_all}.
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

    /** {@code ixgbe_close}: {@code ixgbe_down} ({@code ixgbe_napi_disable_all}), {@code ixgbe_free_irq}. */
    @Override
    public void ndoStop(NetDevice dev) {
        napis.forEach(ctx::napiDisable);
        freeIrqs();
    }
}
