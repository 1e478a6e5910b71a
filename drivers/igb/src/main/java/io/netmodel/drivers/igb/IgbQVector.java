package io.netmodel.drivers.igb;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code struct igb_q_vector}: an interrupt vector with its NAPI and at most one RX and one
 * TX ring ({@code igb_alloc_q_vector}).
 *
 * @param rx the RX ring's {@code queue_index}, or -1
 * @param tx the TX ring's {@code queue_index}, or -1
 */
record IgbQVector(int rx, int tx) {
    /**
     * {@code igb_alloc_q_vectors}: with a vector for every ring, the RX-only vectors come first,
     * then the TX-only ones; otherwise each vector takes one RX and one TX ring in order.
     */
    static List<IgbQVector> alloc(int qVectors, int rxQueues, int txQueues) {
        List<IgbQVector> vectors = new ArrayList<>(qVectors);
        int rxRemaining = rxQueues;
        int txRemaining = txQueues;
        int rxIdx = 0;
        int txIdx = 0;
        int v = 0;
        if (qVectors >= rxRemaining + txRemaining) {
            for (; rxRemaining > 0; v++, rxRemaining--) {
                vectors.add(new IgbQVector(rxIdx++, -1));
            }
        }
        for (; v < qVectors; v++) {
            int rqpv = divRoundUp(rxRemaining, qVectors - v);
            int tqpv = divRoundUp(txRemaining, qVectors - v);
            vectors.add(new IgbQVector(rqpv > 0 ? rxIdx : -1, tqpv > 0 ? txIdx : -1));
            rxRemaining -= rqpv;
            txRemaining -= tqpv;
            rxIdx++;
            txIdx++;
        }
        return vectors;
    }

    /**
     * The action name {@code igb_request_msix} gives the vector: {@code eth0-TxRx-<rx>},
     * {@code eth0-tx-<tx>}, {@code eth0-rx-<rx>} or {@code eth0-unused}.
     */
    String name(String netdev) {
        if (rx >= 0 && tx >= 0) {
            return netdev + "-TxRx-" + rx;
        } else if (tx >= 0) {
            return netdev + "-tx-" + tx;
        } else if (rx >= 0) {
            return netdev + "-rx-" + rx;
        }
        return netdev + "-unused";
    }

    private static int divRoundUp(int n, int d) {
        return (n + d - 1) / d;
    }
}
