package io.netmodel.drivers.ixgbe;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct ixgbe_q_vector}: an interrupt vector with its NAPI and the rings it cleans
 * ({@code ixgbe_alloc_q_vector} in {@code ixgbe_lib.c}).
 *
 * @param rxRings RX rings on this vector
 * @param txRings TX rings on this vector
 */
record IxgbeQVector(int rxRings, int txRings) {
    /**
     * {@code ixgbe_alloc_q_vectors}: with a vector for every ring, RX-only vectors come first and
     * the rest take the TX rings; otherwise the rings are spread evenly, RX and TX together.
     */
    static List<IxgbeQVector> alloc(int qVectors, int rxQueues, int txQueues) {
        List<IxgbeQVector> vectors = new ArrayList<>(qVectors);
        int rxRemaining = rxQueues;
        int txRemaining = txQueues;
        int v = 0;
        if (qVectors >= rxRemaining + txRemaining) {
            for (; rxRemaining > 0; v++, rxRemaining--) {
                vectors.add(new IxgbeQVector(1, 0));
            }
        }
        for (; v < qVectors; v++) {
            int rqpv = (rxRemaining + qVectors - v - 1) / (qVectors - v);
            int tqpv = (txRemaining + qVectors - v - 1) / (qVectors - v);
            vectors.add(new IxgbeQVector(rqpv, tqpv));
            rxRemaining -= rqpv;
            txRemaining -= tqpv;
        }
        return vectors;
    }

    /**
     * {@code ixgbe_request_msix_irqs}: the action name of each vector, counting RX and TX
     * separately ({@code eth0-TxRx-0}, {@code eth0-rx-1}, {@code eth0-tx-0}); null for a vector
     * with no rings, which gets no IRQ.
     */
    static List<String> names(List<IxgbeQVector> vectors, String netdev) {
        List<String> names = new ArrayList<>(vectors.size());
        int ri = 0;
        int ti = 0;
        for (IxgbeQVector q : vectors) {
            if (q.rxRings > 0 && q.txRings > 0) {
                names.add(netdev + "-TxRx-" + ri++);
                ti++;
            } else if (q.rxRings > 0) {
                names.add(netdev + "-rx-" + ri++);
            } else if (q.txRings > 0) {
                names.add(netdev + "-tx-" + ti++);
            } else {
                names.add(null);
            }
        }
        return names;
    }
}
