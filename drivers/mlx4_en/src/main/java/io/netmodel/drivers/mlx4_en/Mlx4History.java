package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.kernel.Change;
import io.netmodel.api.kernel.KernelVersion;

/** Changes in mlx4_core and mlx4_en that the model follows (kernel-algorithms.md §3.5, table (b)). */
enum Mlx4History implements Change {
    /**
     * Busy polling in mlx4_en (Amir Vadai, the 3.11 cycle): {@code ndo_busy_poll} =
     * {@code mlx4_en_low_latency_recv} (a per-CQ lock, budget 4), and an explicit
     * {@code napi_hash_add(&cq->napi)} after {@code netif_napi_add} in
     * {@code mlx4_en_activate_cq}: 3.11.
     */
    LOW_LATENCY_RECV("3.11"),
    /**
     * The EQ pool (Matan Barak, "flexible (asymmetric) allocation of EQs and MSI-X vectors";
     * release inferred from a mid-2015 net-next series, unverified): the async EQ takes vector 0
     * at probe as {@code mlx4-async@pci:<bdf>}, and a completion EQ's IRQ is requested only when
     * mlx4_en first assigns it to a ring ({@code mlx4_assign_eq}), named {@code mlx4-<N>@<bdf>}.
     * Before, {@code mlx4_init_eq_table} requested every EQ's IRQ at probe, completion EQs first
     * ({@code mlx4-comp-<N>@pci:<bdf>}) and the async EQ last: 4.2.
     */
    EQ_POOL("4.2"),
    /**
     * mlx4 converted to the generic busy polling of the 'net-generic-busy-polling' merge
     * (868fdb06063d, Nov 2015): {@code mlx4_en_low_latency_recv} and the explicit
     * {@code napi_hash_add} are gone; the NAPI gets its id from {@code netif_napi_add}: 4.5.
     */
    GENERIC_BUSY_POLL("4.5"),
    /**
     * TX rings per user priority times one priority without DCB ({@code MLX4_EN_NUM_UP_LOW}),
     * instead of times 8 ({@code MLX4_EN_NUM_UP}): min(CPUs, 32) TX rings where older drivers
     * had eight times that (Tariq Toukan; release inferred, unverified): 4.13.
     */
    TX_RINGS_ONE_UP("4.13"),
    /**
     * "net/mlx4_en: Add XDP_REDIRECT statistics" (Joshua Roys, net-next v2 of 2021-09-29):
     * {@code rx_xdp_redirect} and {@code rx_xdp_redirect_fail} between {@code rx_xdp_drop} and
     * {@code rx_xdp_tx} in {@code main_strings}, and {@code rx%d_xdp_redirect}/{@code _fail} per
     * RX ring ({@code NUM_XDP_STATS} 3 → 5). Release inferred from the net-next posting date
     * (the 5.16 merge window); a 2024 patch to the same code still has them.
     */
    XDP_REDIRECT_STATS("5.16"),
    /**
     * Persistent NAPI config for the RX CQs (Joe Damato, "mlx4: Add support for persistent NAPI
     * config to RX CQs", the last patch of the series that added {@code netif_napi_add_config}):
     * {@code mlx4_en_activate_cq} calls {@code netif_napi_add_config(cq->dev, &cq->napi,
     * mlx4_en_poll_rx_cq, cq_idx)}, so a port restart keeps each ring's NAPI id: 6.13.
     */
    NAPI_CONFIG("6.13"),
    /**
     * "net/mlx4: support per-queue statistics via netlink" (Joe Damato, net-next v6 of 2024-05-28,
     * after 6.10-rc1): {@code dev->stat_ops = &mlx4_stat_ops} ({@link Mlx4Qstats}): 6.11 (inferred
     * from the posting date).
     */
    QUEUE_STATS("6.11");

    private final KernelVersion since;

    Mlx4History(String since) {
        this.since = KernelVersion.parse(since);
    }

    @Override
    public KernelVersion since() {
        return since;
    }
}
