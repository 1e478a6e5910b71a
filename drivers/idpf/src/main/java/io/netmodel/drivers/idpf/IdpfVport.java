package io.netmodel.drivers.idpf;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import io.netmodel.api.netdev.QueueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code struct idpf_vport} and its {@code idpf_vport_user_config_data}: the queue and
 * descriptor counts the user asked for and the coalescing state of each q_vector, which the
 * ethtool operations read and change ({@code idpf_ethtool.c}). Model state, touched only on the
 * model thread.
 *
 * <p>It is also the netdev's {@code ndo_open}/{@code ndo_stop}: {@code idpf_open} →
 * {@code idpf_vport_open}, {@code idpf_stop} → {@code idpf_vport_stop}. Verified in idpf_lib.c
 * (the search tool's kernel sources): {@code idpf_vport_open} answers -EBUSY unless the vport is
 * down, then runs {@code idpf_vport_intr_alloc} (the q_vectors) and {@code idpf_vport_intr_init}.
 * Recalled from idpf_txrx.c, not re-read: {@code idpf_vport_intr_init} adds the NAPIs and requests
 * the queue IRQs, the NAPIs are enabled by {@code idpf_vport_intr_ena} →
 * {@code idpf_vport_intr_napi_ena_all}; the stop disables them
 * ({@code idpf_vport_intr_napi_dis_all}), deletes them and frees the queue IRQs
 * ({@code idpf_vport_intr_rel}); a soft reset reopens only a vport that was up). So the
 * {@code idpf-eth0-TxRx-N} lines leave {@code /proc/interrupts} at ifdown (the mailbox's stays) and
 * the NAPIs are new at every ifup: new ids before {@link IdpfHistory#NAPI_CONFIG}, their kept ids
 * after.
 */
final class IdpfVport implements NetDeviceOps {
    private final DeviceContext ctx;
    final NetDevice netdev;
    /** {@code vport_config->max_q.max_txq} / {@code max_rxq}. */
    final int maxTxq;
    final int maxRxq;
    /** {@code user_config.num_req_tx_qs} / {@code num_req_rx_qs}. */
    int numReqTxqs;
    int numReqRxqs;
    /** {@code vport->txq_desc_count} / {@code rxq_desc_count}. */
    int txqDescCount = IdpfDefaults.DFLT_TX_Q_DESC_COUNT;
    int rxqDescCount = IdpfDefaults.DFLT_RX_Q_DESC_COUNT;
    /** Queue vectors the adapter holds for this vport (MSI-X less the mailbox). */
    int queueVectors;
    /** The q_vectors of the open vport, with their ITR state. */
    List<IdpfQVector> qVectors;
    Itr[] itr;
    /** The open vport's q_vector NAPIs and queue IRQs (empty while stopped). */
    private final List<Napi> napis = new ArrayList<>();
    private final List<Irq> irqs = new ArrayList<>();

    /**
     * A q_vector's {@code rx_itr_value}, {@code rx_intr_mode}, {@code tx_itr_value},
     * {@code tx_intr_mode}: {@code idpf_vport_intr_alloc} starts them at {@code IDPF_ITR_20K}
     * with {@code IDPF_ITR_DYNAMIC} (DIM) on both.
     */
    static final class Itr {
        int rxItr = IdpfDefaults.ITR_20K;
        boolean rxDynamic = true;
        int txItr = IdpfDefaults.ITR_20K;
        boolean txDynamic = true;
    }

    IdpfVport(DeviceContext ctx, NetDevice netdev, int maxTxq, int maxRxq, int txqs, int rxqs) {
        this.ctx = ctx;
        this.netdev = netdev;
        this.maxTxq = maxTxq;
        this.maxRxq = maxRxq;
        this.numReqTxqs = txqs;
        this.numReqRxqs = rxqs;
    }

    /** {@code idpf_vport_intr_alloc}: fresh q_vectors, each with the default ITR state. */
    void allocQVectors(int qVectors) {
        this.qVectors = IdpfQVector.alloc(qVectors, numReqRxqs, numReqTxqs);
        this.itr = new Itr[qVectors];
        for (int v = 0; v < qVectors; v++) {
            itr[v] = new Itr();
        }
    }

    /**
     * {@code idpf_vport_open}: q_vectors ({@code idpf_vport_intr_alloc}: as many as the larger
     * queue count, at most the vectors the adapter holds), then {@code idpf_vport_intr_init}:
     * NAPIs ({@code idpf_vport_intr_napi_add_all}: {@code netif_napi_add}, or from
     * {@link IdpfHistory#NAPI_CONFIG} {@code netif_napi_add_config(vport->netdev, &q_vector->napi,
     * napi_poll, v_idx)}) and IRQs ({@code idpf_vport_intr_req_irq}).
     */
    void open() throws DriverException {
        int qVectors = Math.min(queueVectors, Math.max(numReqRxqs, numReqTxqs));
        allocQVectors(qVectors);
        boolean config = ctx.kernel().has(IdpfHistory.NAPI_CONFIG);
        for (int v = 0; v < qVectors; v++) {
            // The rings and idpf_vport_splitq_napi_poll's work belong to the receive-path simulation.
            napis.add(config
                ? ctx.netifNapiAddConfig(netdev, (n, budget) -> 0, IdpfDefaults.NAPI_WEIGHT, v)
                : ctx.netifNapiAdd(netdev, (n, budget) -> 0, IdpfDefaults.NAPI_WEIGHT));
        }
        boolean link = ctx.kernel().has(IdpfHistory.QUEUE_NAPI_MAP);
        for (int v = 0; v < qVectors; v++) {
            IdpfQVector q = qVectors().get(v);
            String name = q.name("idpf", netdev.name());
            if (name != null) {
                Irq irq = ctx.requestIrq(q.vidx(), name, i -> { });
                irqs.add(irq);
                if (link) {
                    ctx.netifNapiSetIrq(napis.get(v), irq);
                }
            }
        }
        napis.forEach(ctx::napiEnable); // idpf_vport_intr_ena -> idpf_vport_intr_napi_ena_all
        if (link) { // queues are spread over the q_vectors round-robin (idpf_vport_intr_map_vector_to_qs)
            for (int i = 0; i < numReqRxqs; i++) {
                ctx.netifQueueSetNapi(netdev, i, QueueType.RX, napis.get(i % qVectors));
            }
            for (int i = 0; i < numReqTxqs; i++) {
                ctx.netifQueueSetNapi(netdev, i, QueueType.TX, napis.get(i % qVectors));
            }
        }
    }

    /**
     * {@code idpf_vport_stop} ({@code idpf_vport_intr_deinit}): NAPIs disabled and deleted
     * ({@code idpf_vport_intr_napi_del_all}), queue IRQs freed ({@code idpf_vport_intr_rel_irq});
     * the mailbox IRQ stays.
     */
    void stop() {
        napis.forEach(ctx::napiDisable); // idpf_vport_intr_napi_dis_all
        for (int i = napis.size() - 1; i >= 0; i--) {
            ctx.netifNapiDel(napis.get(i));
        }
        napis.clear();
        for (int i = irqs.size() - 1; i >= 0; i--) {
            ctx.freeIrq(irqs.get(i));
        }
        irqs.clear();
    }

    /** {@code idpf_open}: {@code idpf_vport_open}; a failed IRQ request undoes what was set up. */
    @Override
    public int ndoOpen(NetDevice dev) {
        try {
            open();
        } catch (DriverException e) {
            stop();
            return -e.errno();
        }
        netdev.setSpeed(ctx.device().linkSpeed());
        return 0;
    }

    /** {@code idpf_stop}: {@code idpf_vport_stop}. */
    @Override
    public void ndoStop(NetDevice dev) {
        stop();
    }

    private List<IdpfQVector> qVectors() {
        return qVectors;
    }

    /** {@code idpf_find_rxq_vec}: the q_vector of RX queue {@code q} (round robin, as mapped). */
    Itr rxqVec(int q) {
        return itr[q % itr.length];
    }

    /** {@code idpf_find_txq_vec}: the q_vector of TX queue {@code q}. */
    Itr txqVec(int q) {
        return itr[q % itr.length];
    }
}
