package io.netmodel.drivers.idpf;

/**
 * idpf's defaults and limits ({@code idpf_txrx.h}, {@code idpf.h}, {@code idpf_lib.c},
 * {@code idpf_ethtool.c}); the values were read from the 6.7 headers unless marked recalled.
 */
final class IdpfDefaults {
    /** No {@code MODULE_VERSION} since the driver went in; {@code ethtool -i} shows the kernel release. */
    static final String DRV_VERSION = "";

    /** {@code netif_napi_add(netdev, &q_vector->napi, poll)}: no weight argument, {@code NAPI_POLL_WEIGHT}. */
    static final int NAPI_WEIGHT = 64;

    /** {@code IDPF_MAX_Q}: queues of each kind a default vport may have ({@code idpf_vport_alloc_max_qs}). */
    static final int MAX_Q = 16;
    /** {@code IDPF_MAX_MBXQ}: the mailbox queue, {@code ethtool -l}'s "Other". */
    static final int MAX_MBXQ = 1;
    /** {@code IDPF_MBX_Q_VEC}: MSI-X entry 0 is the mailbox's. */
    static final int MBX_Q_VEC = 1;
    /** {@code IDPF_MIN_Q_VEC}: at least one queue vector per default vport. */
    static final int MIN_Q_VEC = 1;

    /** {@code IDPF_DFLT_TX_Q_DESC_COUNT}, {@code IDPF_DFLT_RX_Q_DESC_COUNT}. */
    static final int DFLT_TX_Q_DESC_COUNT = 512;
    static final int DFLT_RX_Q_DESC_COUNT = 512;
    /** {@code IDPF_MIN_TXQ_DESC}, {@code IDPF_MIN_RXQ_DESC}. */
    static final int MIN_TXQ_DESC = 64;
    static final int MIN_RXQ_DESC = 64;
    /** {@code IDPF_REQ_DESC_MULTIPLE}: TX counts are rounded up to a multiple of 32. */
    static final int REQ_DESC_MULTIPLE = 32;
    /** {@code IDPF_REQ_RXQ_DESC_MULTIPLE} = {@code IDPF_MAX_BUFQS_PER_RXQ_GRP} (2) × 32. */
    static final int REQ_RXQ_DESC_MULTIPLE = 2 * 32;
    /** {@code IDPF_MAX_DESCS}. */
    private static final int MAX_DESCS = 8160;
    /** {@code IDPF_MAX_TXQ_DESC} = {@code ALIGN_DOWN(8160, 32)}. */
    static final int MAX_TXQ_DESC = MAX_DESCS / REQ_DESC_MULTIPLE * REQ_DESC_MULTIPLE;
    /** {@code IDPF_MAX_RXQ_DESC} = {@code ALIGN_DOWN(8160, 64)}. */
    static final int MAX_RXQ_DESC = MAX_DESCS / REQ_RXQ_DESC_MULTIPLE * REQ_RXQ_DESC_MULTIPLE;

    /** {@code IDPF_ITR_20K} (0x32): the start value of {@code rx_itr_value}/{@code tx_itr_value}, in µs. */
    static final int ITR_20K = 0x32;
    /** {@code IDPF_ITR_MAX} (0x1FE0): the largest {@code rx-usecs}/{@code tx-usecs}. */
    static final int ITR_MAX = 0x1fe0;

    /**
     * {@code rx_itr[]} of {@code idpf_vport_init}, copied to {@code vport->rx_itr_profile}: the ITR
     * in µs for each DIM profile (read in the patch that added RX DIM, "Initialize Tx and Rx
     * profiles for Dynamic Interrupt Moderation", and in later trees). idpf writes only the ITR, no
     * frame count. (TX's {@code tx_itr[]} is 2, 8, 64, 128, 256; TX moderation is not modelled.)
     */
    static final int[] RX_ITR_PROFILE = {2, 8, 32, 96, 128};
    /** {@code IDPF_DIM_DEFAULT_PROFILE_IX}: {@code idpf_init_dim} starts each vector's DIM here (read). */
    static final int DIM_DEFAULT_PROFILE_IX = 1;

    /**
     * idpf's RX DIM as the kernel runs it: {@code DIM_CQ_PERIOD_MODE_START_FROM_EQE}
     * ({@code idpf_init_dim}), its own table, start index 1, and the HZ-ms staleness restart of
     * {@code idpf_update_dim_sample}. In the driver since 6.7 ({@code idpf_net_dim} came with
     * "idpf: add RX splitq napi poll support", 3a8845af66ed), so no version switch.
     */
    static io.netmodel.api.netdev.RxDim rxDim() {
        java.util.List<io.netmodel.api.netdev.RxDim.CqModer> table = new java.util.ArrayList<>();
        for (int usecs : RX_ITR_PROFILE) {
            table.add(new io.netmodel.api.netdev.RxDim.CqModer(usecs, 0));
        }
        return new io.netmodel.api.netdev.RxDim(io.netmodel.api.netdev.RxDim.CqPeriodMode.START_FROM_EQE, table,
            DIM_DEFAULT_PROFILE_IX, true);
    }

    /** {@code ETH_MIN_MTU}. */
    static final int MIN_MTU = 68;
    /**
     * {@code vport->max_mtu}: the control plane's {@code max_mtu} less {@code IDPF_PACKET_HDR_PAD}
     * (14 + 4 + 2 × 4). The control plane's 9728 is recalled, unverified.
     */
    static final int MAX_MTU = 9728 - (14 + 4 + 2 * 4);

    private IdpfDefaults() {
    }
}
