package io.netmodel.net;

import java.util.BitSet;

/**
 * A {@code struct netdev_rx_queue}: what {@code queues/rx-N/} shows and the receive path reads,
 * the RPS CPU map and the size of the RPS flow table.
 */
public final class RxQueue {
    private final NetDeviceImpl dev;
    private final int index;
    /** {@code rps_map} as a CPU mask; empty when RPS is off for this queue. */
    BitSet rpsCpus = new BitSet();
    /** {@code rps_flow_table->mask + 1}, a power of two, or 0 without a table. */
    long rpsFlowCnt;
    /** Writes of {@code rps_flow_cnt}: each one replaces the table with a fresh one. */
    int rpsFlowTableStores;

    /** {@code ->napi}: the NAPI servicing this queue ({@code netif_queue_set_napi}), or null. */
    NapiImpl napi;

    /**
     * The driver's ring counters ({@code rx_ring->stats}) as the simulation moves them: packets
     * when a poll takes them off the ring, bytes when a frame lands in it (the model's ring keeps
     * no lengths). Kept across a queue rebuild, where a driver's new rings start again from 0.
     */
    public long packets;
    public long bytes;

    RxQueue(NetDeviceImpl dev, int index) {
        this.dev = dev;
        this.index = index;
    }

    public NetDeviceImpl dev() {
        return dev;
    }

    /** {@code get_netdev_rx_queue_index}. */
    public int index() {
        return index;
    }

    /** The CPUs RPS steers this queue's packets to (a copy); empty means no RPS. */
    public BitSet rpsCpus() {
        return (BitSet) rpsCpus.clone();
    }

    /** Whether RPS is on for this queue ({@code rxqueue->rps_map} set). */
    public boolean rpsOn() {
        return !rpsCpus.isEmpty();
    }

    /**
     * {@code get_rps_cpu}'s pick from the map: {@code map->cpus[reciprocal_scale(hash, map->len)]},
     * the map's CPUs in ascending order as {@code store_rps_map} lists them; -1 without a map.
     * Reads the map as it is now, so a write to {@code rps_cpus} acts on the next packet.
     */
    public int rpsMapCpu(int hash) {
        int len = rpsCpus.cardinality();
        if (len == 0) {
            return -1;
        }
        int index = (int) (((hash & 0xffffffffL) * len) >>> 32); // reciprocal_scale
        int cpu = rpsCpus.nextSetBit(0);
        for (int i = 0; i < index; i++) {
            cpu = rpsCpus.nextSetBit(cpu + 1);
        }
        return cpu;
    }

    /** Entries in the RPS flow table (0: none). */
    public long rpsFlowCnt() {
        return rpsFlowCnt;
    }

    /** How many writes of {@code rps_flow_cnt} succeeded: each one made a new table (all flows unset). */
    public int rpsFlowTableStores() {
        return rpsFlowTableStores;
    }

    /** The NAPI linked with {@code netif_queue_set_napi}, or null. */
    public NapiImpl napi() {
        return napi;
    }
}
