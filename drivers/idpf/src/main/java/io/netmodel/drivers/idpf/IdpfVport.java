package io.netmodel.drivers.idpf;

import io.netmodel.api.netdev.NetDevice;
import java.util.List;

/**
 * A {@code struct idpf_vport} and its {@code idpf_vport_user_config_data}: the queue and
 * descriptor counts the user asked for and the coalescing state of each q_vector, which the
 * ethtool operations read and change ({@code idpf_ethtool.c}). Model state, touched only on the
 * model thread.
 */
final class IdpfVport {
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

    IdpfVport(NetDevice netdev, int maxTxq, int maxRxq, int txqs, int rxqs) {
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

    /** {@code idpf_find_rxq_vec}: the q_vector of RX queue {@code q} (round robin, as mapped). */
    Itr rxqVec(int q) {
        return itr[q % itr.length];
    }

    /** {@code idpf_find_txq_vec}: the q_vector of TX queue {@code q}. */
    Itr txqVec(int q) {
        return itr[q % itr.length];
    }
}
