package io.netmodel.drivers.idpf;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct idpf_q_vector} of a vport: an MSI-X vector with its NAPI and the queue groups
 * it cleans ({@code idpf_vport_intr_alloc}, {@code idpf_vport_intr_map_vector_to_qs} in
 * {@code idpf_txrx.c}).
 *
 * @param rxqs RX queue groups on this vector
 * @param txqs TX queue groups (in split-queue mode: their completion queues) on this vector
 * @param vidx the vector's index in the adapter's MSI-X table ({@code vport->q_vector_idxs[v]})
 */
record IdpfQVector(int rxqs, int txqs, int vidx) {
    /**
     * {@code idpf_vport_intr_map_vector_to_qs}: RX groups, then TX groups, each handed out round
     * robin from vector 0. The vector indexes come from the adapter's vector stack, filled from
     * {@code IDPF_MBX_Q_VEC} up ({@code idpf_init_vector_stack}), so on a fresh adapter vector v
     * has MSI-X entry {@code v + 1}; after a soft reset the stack (LIFO) may hand them out in
     * another order, which the model does not follow.
     */
    static List<IdpfQVector> alloc(int qVectors, int rxQueues, int txQueues) {
        int[] rx = new int[qVectors];
        int[] tx = new int[qVectors];
        for (int i = 0; i < rxQueues; i++) {
            rx[i % qVectors]++;
        }
        for (int i = 0; i < txQueues; i++) {
            tx[i % qVectors]++;
        }
        List<IdpfQVector> vectors = new ArrayList<>(qVectors);
        for (int v = 0; v < qVectors; v++) {
            vectors.add(new IdpfQVector(rx[v], tx[v], IdpfDefaults.MBX_Q_VEC + v));
        }
        return vectors;
    }

    /**
     * {@code idpf_vport_intr_req_irq}: {@code "%s-%s-%s-%d"} of the driver name, the netdev name,
     * {@code TxRx}/{@code Rx}/{@code Tx} and {@code vidx}, e.g. {@code idpf-eth0-TxRx-1} for the
     * first queue vector; null for a vector without queues (it gets no IRQ). Upstream
     * 1500a8662d2d ("the code uses the vidx for the IRQ name but that doesn't match ethtool
     * reporting", Brian Vazquez, 2026, also in 6.12.y stable) numbers them by q_vector from 0
     * instead; it is after the newest release the model covers, so every modelled release
     * numbers by {@code vidx}. Seed 001's {@code gawk '/eth0-(TxRx-)?1/'} picks queue 0's IRQ
     * under this numbering.
     */
    String name(String driver, String ifname) {
        String vecName;
        if (rxqs > 0 && txqs > 0) {
            vecName = "TxRx";
        } else if (rxqs > 0) {
            vecName = "Rx";
        } else if (txqs > 0) {
            vecName = "Tx";
        } else {
            return null;
        }
        return driver + "-" + ifname + "-" + vecName + "-" + vidx;
    }
}
