package io.netmodel.net;

import java.util.BitSet;

/**
 * A {@code struct netdev_queue} (a tx queue): what {@code queues/tx-N/} shows and the transmit
 * path reads, the XPS maps that select it, its rate limit, timeout count and byte queue limits.
 */
public final class TxQueue {
    private final NetDeviceImpl dev;
    private final int index;
    private final Dql dql = new Dql();
    /** The CPUs whose XPS map ({@code xps_maps[XPS_CPUS]}) lists this queue. */
    BitSet xpsCpus = new BitSet();
    /** The rx queues whose XPS map ({@code xps_maps[XPS_RXQS]}) lists this queue. */
    BitSet xpsRxqs = new BitSet();
    /** {@code tx_maxrate} in Mb/s (0: no limit). */
    long txMaxrate;
    /** {@code trans_timeout}: watchdog timeouts seen on this queue. */
    long transTimeout;

    /** {@code ->napi}: the NAPI servicing this queue ({@code netif_queue_set_napi}), or null. */
    NapiImpl napi;

    TxQueue(NetDeviceImpl dev, int index) {
        this.dev = dev;
        this.index = index;
    }

    public NetDeviceImpl dev() {
        return dev;
    }

    /** {@code get_netdev_queue_index}. */
    public int index() {
        return index;
    }

    public Dql dql() {
        return dql;
    }

    /** The CPUs XPS sends from this queue (a copy); empty means no XPS map names it. */
    public BitSet xpsCpus() {
        return (BitSet) xpsCpus.clone();
    }

    /** The rx queues XPS maps to this queue (a copy). */
    public BitSet xpsRxqs() {
        return (BitSet) xpsRxqs.clone();
    }

    public long txMaxrate() {
        return txMaxrate;
    }

    public long transTimeout() {
        return transTimeout;
    }

    /** The NAPI linked with {@code netif_queue_set_napi}, or null. */
    public NapiImpl napi() {
        return napi;
    }
}
