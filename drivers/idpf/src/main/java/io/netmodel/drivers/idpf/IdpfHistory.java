package io.netmodel.drivers.idpf;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/** Changes in idpf that the model follows ({@code drivers/net/ethernet/intel/idpf/}). */
enum IdpfHistory implements Change {
    /**
     * The driver itself: "idpf: add core init and interrupt request" (4930fbf419a7), "idpf:
     * initialize interrupts and enable vport" (d4d558718266), "idpf: add ethtool callbacks"
     * (02cbfba1add5). Fixes against d4d558718266 carry {@code Cc: stable # 6.7}, so the first
     * release with idpf is 6.7. On older kernels there is no idpf: the model's bundle refuses to
     * bind ({@code -ENODEV}) rather than pretend a backport.
     */
    DRIVER("6.7"),
    /**
     * "idpf: Interpret .set_channels() input differently" (Larysa Zaremba, posted to iwl-net
     * 2024-04-26, {@code Fixes: 02cbfba1add5}): {@code idpf_set_channels} refuses rx and tx
     * counts together ("Dedicated RX or TX channels cannot be used simultaneously", EINVAL) and
     * no longer drops counts equal to the current ones. Before, {@code ethtool -L eth0 rx 1 tx 1}
     * meant one RX and one TX queue. Release inferred from the posting date (6.10), unverified;
     * stable trees may have it earlier.
     */
    SET_CHANNELS_NO_RX_AND_TX("6.10"),
    /**
     * idpf links its queues to their q_vectors' NAPIs ({@code netif_queue_set_napi}) and each NAPI
     * to its IRQ ({@code netif_napi_set_irq}) when it requests the vport's interrupts, so netlink
     * {@code queue-get} reports a {@code napi-id} (what seed 001's script reads) and
     * {@code napi-get} an {@code irq}: "idpf: link NAPIs to queues" (Alexander Lobakin, part of
     * the XDP/XSk series; a March 2025 posting was not taken), listed in the "Networking for
     * v6.18" pull (tag net-next-6.18), so 6.18 (checked). Before it {@code queue-get} shows no
     * {@code napi-id} for idpf. The same pull has "idpf: use a saner limit for default number of
     * queues to allocate", which the model does not follow (its effect is unverified).
     */
    QUEUE_NAPI_MAP("6.18"),
    /**
     * "idpf: add PTP support" (Milena Olech's series): {@code idpf_ptp_init} at probe and
     * {@code .get_ts_info = idpf_get_ts_info}. Before it idpf has no {@code get_ts_info} (checked
     * in the 6.8-era {@code idpf_ethtool_ops}), so the core answers software receive stamps only.
     * With it, a control plane without {@code VIRTCHNL2_CAP_PTP} leaves {@code adapter->ptp} NULL
     * ({@code idpf_ptp_init} returns -EOPNOTSUPP) and {@code idpf_get_ts_info} answers
     * -EOPNOTSUPP (both read from the merged source). Release inferred from the series' 2025
     * postings (the 6.15 merge window), unverified.
     */
    PTP("6.15"),
    /**
     * {@code idpf_vport_intr_napi_add_all} adds each q_vector's NAPI with
     * {@code netif_napi_add_config(vport->netdev, &q_vector->napi, napi_poll, v_idx)} (seen in a
     * later tree; the 6.7 driver called {@code netif_napi_add}), so a soft reset keeps the NAPI ids
     * and per-NAPI settings. Release inferred (the conversion is believed to come with Ahmed Zaki's
     * "net: napi: add CPU affinity to napi_config" series, which needs {@code napi->config}): 6.15,
     * unverified.
     */
    NAPI_CONFIG("6.15");

    private final KernelVersion since;

    IdpfHistory(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
