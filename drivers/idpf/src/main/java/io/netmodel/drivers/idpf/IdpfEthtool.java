package io.netmodel.drivers.idpf;

import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code idpf_ethtool_ops} ({@code idpf_ethtool.c}): rings, channels, coalescing, the
 * statistics names and, from {@link IdpfHistory#PTP}, {@code get_ts_info}. There is no
 * {@code get_drvinfo} in any release the model covers (checked in the 6.8-era
 * {@code idpf_ethtool_ops}; the {@code idpf_get_drvinfo} with firmware "N/A" belongs to Intel's
 * out-of-tree driver): {@code ethtool_get_drvinfo} reports the PCI driver's name, the kernel
 * release and the PCI address, with an empty firmware version.
 *
 * <p>A channel or ring change is {@code idpf_initiate_soft_reset}: the vport is re-initialised
 * with new q_vectors (coalescing back to its defaults). The model keeps the new counts in the
 * vport, where {@code ethtool -l}/{@code -g} read them; the NAPIs, IRQs and {@code queues/}
 * directories of the registered netdev stay as probe made them (the driver API has no
 * {@code netif_napi_del}, {@code free_irq} or post-registration {@code netif_set_real_num_*_queues}).
 */
final class IdpfEthtool implements EthtoolOps {
    /** {@code idpf_gstrings_port_stats}. */
    static final List<String> PORT_STATS = List.of(
        "rx-csum_errors", "rx-hsplit", "rx-hsplit_hbo", "rx-bad_descs", "tx-skb_drops", "tx-dma_map_errs",
        "tx-linearized_pkts", "tx-busy_events", "rx-unicast_pkts", "rx-multicast_pkts", "rx-broadcast_pkts",
        "rx-unknown_protocol", "tx-unicast_pkts", "tx-multicast_pkts", "tx-broadcast_pkts");
    /** {@code idpf_gstrings_tx_queue_stats}, {@code idpf_gstrings_rx_queue_stats}. */
    private static final List<String> TX_QUEUE_STATS = List.of("pkts", "bytes", "lso_pkts");
    private static final List<String> RX_QUEUE_STATS = List.of("pkts", "bytes", "rx_gro_hw_pkts");

    private final IdpfVport vport;
    private final KernelProfile kernel;

    IdpfEthtool(IdpfVport vport, KernelProfile kernel) {
        this.vport = vport;
        this.kernel = kernel;
    }

    /** {@code idpf_get_ringparam}. */
    @Override
    public Ringparam getRingparam() {
        return new Ringparam(IdpfDefaults.MAX_RXQ_DESC, 0, 0, IdpfDefaults.MAX_TXQ_DESC,
            vport.rxqDescCount, 0, 0, vport.txqDescCount);
    }

    /**
     * {@code idpf_set_ringparam}: below {@code IDPF_MIN_*Q_DESC} is EINVAL; RX rounds up to a
     * multiple of 64, TX of 32; a change soft-resets the vport.
     */
    @Override
    public void setRingparam(Ringparam ring) throws EthtoolException {
        if (ring.txPending() < IdpfDefaults.MIN_TXQ_DESC || ring.rxPending() < IdpfDefaults.MIN_RXQ_DESC) {
            throw new EthtoolException(Errno.EINVAL); // netdev_err "Descriptors requested ... less than min supported"
        }
        int rx = align(ring.rxPending(), IdpfDefaults.REQ_RXQ_DESC_MULTIPLE);
        int tx = align(ring.txPending(), IdpfDefaults.REQ_DESC_MULTIPLE);
        if (rx == vport.rxqDescCount && tx == vport.txqDescCount) {
            return;
        }
        vport.rxqDescCount = rx;
        vport.txqDescCount = tx;
        softReset();
    }

    /**
     * {@code idpf_get_rxnfc(ETHTOOL_GRXRINGS)}: {@code vport->num_rxq} (recalled). The model's
     * control plane grants no RSS capability, so {@code get_rxfh_indir_size} is 0 and
     * {@code get_rxfh} EOPNOTSUPP (the op defaults): {@code ethtool -x} stops at the indirection
     * table size.
     */
    @Override
    public int getRxRings() {
        return vport.numReqRxqs;
    }

    /** {@code idpf_get_channels}: combined is the smaller count, rx/tx the surplus; "other" is the mailbox queue. */
    @Override
    public Channels getChannels() {
        int combined = Math.min(vport.numReqTxqs, vport.numReqRxqs);
        return new Channels(vport.maxRxq, vport.maxTxq, IdpfDefaults.MAX_MBXQ, Math.min(vport.maxTxq, vport.maxRxq),
            vport.numReqRxqs - combined, vport.numReqTxqs - combined, IdpfDefaults.MAX_MBXQ, combined);
    }

    /**
     * {@code idpf_set_channels}. From {@link IdpfHistory#SET_CHANNELS_NO_RX_AND_TX}, rx and tx
     * together are EINVAL and the counts are taken as given (queues = combined + rx/tx); before,
     * counts equal to the current ones were dropped first, so {@code -L rx 1 tx 1} (combined
     * unchanged) meant one queue of each kind. More than the maximum is EINVAL; the same counts
     * change nothing.
     */
    @Override
    public void setChannels(Channels ch) throws EthtoolException {
        int combined = ch.combinedCount();
        int rx = ch.rxCount();
        int tx = ch.txCount();
        if (kernel.has(IdpfHistory.SET_CHANNELS_NO_RX_AND_TX)) {
            if (rx != 0 && tx != 0) {
                throw new EthtoolException(Errno.EINVAL); // "Dedicated RX or TX channels cannot be used simultaneously"
            }
        } else {
            int current = Math.min(vport.numReqTxqs, vport.numReqRxqs);
            if (combined == current) {
                combined = 0;
            }
            if (combined != 0 && rx == vport.numReqRxqs - current) {
                rx = 0;
            }
            if (combined != 0 && tx == vport.numReqTxqs - current) {
                tx = 0;
            }
        }
        int reqTx = combined + tx;
        int reqRx = combined + rx;
        if (reqTx > vport.maxTxq || reqRx > vport.maxRxq) {
            throw new EthtoolException(Errno.EINVAL); // dev_info "Maximum TX/RX queues is %d"
        }
        if (reqTx == vport.numReqTxqs && reqRx == vport.numReqRxqs) {
            return;
        }
        vport.numReqTxqs = reqTx;
        vport.numReqRxqs = reqRx;
        softReset();
    }

    /** {@code ETHTOOL_COALESCE_USECS | ETHTOOL_COALESCE_USE_ADAPTIVE}. */
    @Override
    public int supportedCoalesceParams() {
        return CoalesceParam.USECS | CoalesceParam.USE_ADAPTIVE;
    }

    /** {@code idpf_get_coalesce}: queue 0's vectors. */
    @Override
    public Coalesce getCoalesce() {
        IdpfVport.Itr rxv = vport.rxqVec(0);
        IdpfVport.Itr txv = vport.txqVec(0);
        return Coalesce.zero()
            .with(CoalesceParam.USE_ADAPTIVE_RX, rxv.rxDynamic).with(CoalesceParam.RX_USECS, rxv.rxItr)
            .with(CoalesceParam.USE_ADAPTIVE_TX, txv.txDynamic).with(CoalesceParam.TX_USECS, txv.txItr);
    }

    /**
     * {@code idpf_set_coalesce}: every TX queue's vector, then every RX queue's, through
     * {@code __idpf_set_q_coalesce}, stopping at the first error (as the driver does, a TX change
     * made before an RX refusal stays).
     */
    @Override
    public void setCoalesce(Coalesce ec) throws EthtoolException {
        for (int q = 0; q < vport.numReqTxqs; q++) {
            setQCoalesce(ec, vport.txqVec(q), false);
        }
        for (int q = 0; q < vport.numReqRxqs; q++) {
            setQCoalesce(ec, vport.rxqVec(q), true);
        }
    }

    /**
     * {@code __idpf_set_q_coalesce}: usecs different from the current value with adaptive on is
     * EINVAL ("Cannot set coalesce usecs if adaptive enabled"); adaptive on and already dynamic
     * changes nothing; above {@code IDPF_ITR_MAX} is EINVAL; odd values round down ("HW only
     * supports even ITR values").
     */
    private static void setQCoalesce(Coalesce ec, IdpfVport.Itr qv, boolean rxq) throws EthtoolException {
        boolean dim = rxq ? qv.rxDynamic : qv.txDynamic;
        boolean adaptive = rxq ? ec.useAdaptiveRxCoalesce() : ec.useAdaptiveTxCoalesce();
        long usecs = rxq ? ec.rxCoalesceUsecs() : ec.txCoalesceUsecs();
        int itr = rxq ? qv.rxItr : qv.txItr;
        if (usecs != itr && adaptive) {
            throw new EthtoolException(Errno.EINVAL);
        }
        if (dim && adaptive) {
            return;
        }
        if (usecs > IdpfDefaults.ITR_MAX) {
            throw new EthtoolException(Errno.EINVAL);
        }
        int even = (int) (usecs - usecs % 2);
        if (rxq) {
            qv.rxItr = even;
            qv.rxDynamic = adaptive;
        } else {
            qv.txItr = even;
            qv.txDynamic = adaptive;
        }
    }

    /**
     * {@code idpf_get_stat_strings}: the port stats, then {@code tx_q-N_*} for every possible TX
     * queue and {@code rx_q-N_*} for every possible RX queue (a constant count).
     */
    @Override
    public List<String> getStringsStats() {
        List<String> names = new ArrayList<>(PORT_STATS);
        for (int i = 0; i < vport.maxTxq; i++) {
            for (String s : TX_QUEUE_STATS) {
                names.add("tx_q-" + i + "_" + s);
            }
        }
        for (int i = 0; i < vport.maxRxq; i++) {
            for (String s : RX_QUEUE_STATS) {
                names.add("rx_q-" + i + "_" + s);
            }
        }
        return names;
    }

    /**
     * {@code idpf_get_ethtool_stats}: the live model moves no packets through the driver's rings
     * (the receive-path simulation runs in bench hosts of its own), so every counter is 0.
     */
    @Override
    public long[] getEthtoolStats() {
        return new long[getStringsStats().size()];
    }

    /**
     * Before {@link IdpfHistory#PTP} the op is absent (the core reports software receive stamps).
     * From it, {@code idpf_get_ts_info}: without {@code adapter->ptp} (the model's control plane
     * offers no {@code VIRTCHNL2_CAP_PTP}, so {@code idpf_ptp_init} returned -EOPNOTSUPP at probe)
     * it answers -EOPNOTSUPP, which {@code ethtool -T} prints as a netlink error. The PTP branch
     * (PHC index, {@code idpf_get_timestamp_filters}) needs a control plane with a clock, which
     * the model does not have.
     */
    @Override
    public TsInfo getTsInfo() throws EthtoolException {
        if (!kernel.has(IdpfHistory.PTP)) {
            return EthtoolOps.super.getTsInfo();
        }
        throw new EthtoolException(Errno.EOPNOTSUPP); // !vport->adapter->ptp
    }

    /**
     * {@code idpf_initiate_soft_reset}: {@code idpf_vport_stop} (NAPIs deleted, queue IRQs freed),
     * {@code idpf_set_real_num_queues}, {@code idpf_vport_open} with fresh q_vectors (stop and open
     * only when the vport is up), so their
     * NAPIs get new ids unless they are added with their persistent config
     * ({@link IdpfHistory#NAPI_CONFIG}).
     */
    private void softReset() throws EthtoolException {
        boolean up = vport.netdev.netifRunning(); // __IDPF_VPORT_UP
        if (up) {
            vport.stop();
        }
        vport.netdev.setRealNumQueues(vport.numReqTxqs, vport.numReqRxqs);
        if (!up) {
            return;
        }
        try {
            vport.open();
        } catch (io.netmodel.api.driver.DriverException e) {
            throw new EthtoolException(e.errno());
        }
    }

    private static int align(int v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }
}
