package io.netmodel.rx;

import io.netmodel.sim.LongQueue;

/**
 * One RX queue's descriptor ring on the NIC: the frames DMA'd into it that no poll has cleaned
 * yet, oldest first, each as the time its request was sent (the workload's timestamp) and, once
 * frames of several flows arrive, its flow hash ({@code skb->hash} from the NIC's RSS). With a
 * size ({@code ethtool -G rx}) a frame that finds every descriptor filled is dropped by the NIC
 * and counted ({@code rx_missed_errors}). Nothing is allocated per frame.
 */
final class RxRing {
    private final LongQueue sentAt = new LongQueue();
    /** Beside {@link #sentAt} once a frame of another flow came; null while every frame is the workload's one flow ({@link Rps#FLOW_HASH}). */
    private LongQueue hashes;
    /** Descriptors; 0 = unbounded. */
    private int descriptors;
    private long fullDrops;
    private Runnable missed = () -> { };

    /** {@code ethtool -G rx}: {@code descriptors} (0: unbounded); {@code missed} counts each frame dropped at a full ring. */
    void setSize(int descriptors, Runnable missed) {
        this.descriptors = Math.max(0, descriptors);
        this.missed = missed;
    }

    /**
     * A frame of flow {@code hash} whose request was sent at {@code sentAtNs} lands in the ring;
     * false if it found the ring full and was dropped.
     */
    boolean offer(long sentAtNs, int hash) {
        if (hash != Rps.FLOW_HASH && hashes == null) {
            hashes = new LongQueue();
            for (int i = 0; i < sentAt.size(); i++) {
                hashes.add(Rps.FLOW_HASH);
            }
        }
        if (descriptors > 0 && sentAt.size() >= descriptors) {
            fullDrops++;
            missed.run();
            return false;
        }
        sentAt.add(sentAtNs);
        if (hashes != null) {
            hashes.add(hash);
        }
        return true;
    }

    /** Whether frames carry their own flow hashes (several flows came), rather than all being {@link Rps#FLOW_HASH}. */
    boolean hashed() {
        return hashes != null;
    }

    /** The flow hash of the {@code i}-th frame waiting (0: the oldest). */
    int hashAt(int i) {
        return hashes == null ? Rps.FLOW_HASH : (int) hashes.get(i);
    }

    /** Takes the oldest frame off the ring: its request's send time. */
    long poll() {
        if (hashes != null) {
            hashes.poll();
        }
        return sentAt.poll();
    }

    int size() {
        return sentAt.size();
    }

    boolean isEmpty() {
        return sentAt.isEmpty();
    }

    /** Frees every frame waiting (the NAPI went away). */
    void clear() {
        sentAt.clear();
        if (hashes != null) {
            hashes.clear();
        }
    }

    /** Frames dropped because the ring was full. */
    long fullDrops() {
        return fullDrops;
    }
}
