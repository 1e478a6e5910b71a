package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.kernel.KernelProfile;
import java.util.Arrays;

/**
 * mlx4_core's event queues ({@code drivers/net/ethernet/mellanox/mlx4/main.c} and {@code eq.c}):
 * one asynchronous EQ and one completion EQ per MSI-X vector left, their IRQs named after the
 * PCI function, not the netdev.
 *
 * <p>{@code mlx4_enable_msi_x} asks for (ports × online CPUs + 1) vectors, at least two; with
 * fewer the device falls back to its INTx line, shared, named {@code mlx4_core@pci:<bdf>}, and
 * one completion vector. What happens next depends on the release ({@link Mlx4History#EQ_POOL}):
 * before the EQ pool {@code mlx4_init_eq_table} requests every IRQ at probe, completion EQs
 * first as {@code mlx4-comp-<N>@pci:<bdf>} and the async EQ last; with it only the async EQ's
 * IRQ ({@code mlx4-async@pci:<bdf>}, vector 0) is requested at probe and each completion EQ's
 * ({@code mlx4-<N>@<bdf>}, vector N) when {@code mlx4_assign_eq} first gives it to a ring. Older
 * drivers asked for {@code MSIX_LEGACY_SZ} (4) more vectors and could hand pool EQs to mlx4_en
 * under names of its own; that is not modelled (recalled, unverified).
 */
final class Mlx4EqTable {
    private final String bdf;
    private final boolean msix;
    private final boolean pool;
    private final int numCompVectors;
    /** {@code msix_ctl.pool_bm}: EQs whose IRQ has been requested. */
    private final boolean[] requested;

    private Mlx4EqTable(String bdf, boolean msix, boolean pool, int numCompVectors) {
        this.bdf = bdf;
        this.msix = msix;
        this.pool = pool;
        this.numCompVectors = numCompVectors;
        this.requested = new boolean[numCompVectors + 1];
    }

    /** {@code mlx4_enable_msi_x} and {@code mlx4_init_eq_table}, at probe. */
    static Mlx4EqTable init(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        KernelProfile kernel = ctx.kernel();
        String bdf = pdev.busAddress();
        boolean pool = kernel.has(Mlx4History.EQ_POOL);
        int nreq = Math.min(Mlx4Defaults.PORTS * ctx.numOnlineCpus() + 1, pdev.msixVectors());
        int got = nreq >= 2 ? ctx.pciAllocIrqVectors(2, nreq) : 0;
        if (got == 0) {
            ctx.requestLegacyIrq("mlx4_core@pci:" + bdf, irq -> { }); // DRV_NAME "@pci:%s", IRQF_SHARED
            return new Mlx4EqTable(bdf, false, pool, 1);
        }
        Mlx4EqTable eqs = new Mlx4EqTable(bdf, true, pool, got - 1); // one vector is the async EQ's
        if (pool) {
            ctx.requestIrq(0, "mlx4-async@pci:" + bdf, irq -> { });
            eqs.requested[0] = true;
        } else {
            for (int i = 0; i < eqs.numCompVectors; i++) {
                ctx.requestIrq(i, "mlx4-comp-" + i + "@pci:" + bdf, irq -> { });
            }
            ctx.requestIrq(eqs.numCompVectors, "mlx4-async@pci:" + bdf, irq -> { });
            Arrays.fill(eqs.requested, true);
        }
        return eqs;
    }

    /** {@code dev->caps.num_comp_vectors}. */
    int numCompVectors() {
        return numCompVectors;
    }

    /**
     * {@code mlx4_assign_eq} for an RX ring whose affinity starts at {@code cpu}: the EQ of that
     * completion vector ({@code MLX4_CQ_TO_EQ_VECTOR}: one past the async EQ), its IRQ requested
     * now if this is its first ring. Before the EQ pool every IRQ already exists.
     */
    void assignEq(DeviceContext ctx, int cpu) throws DriverException {
        if (!msix || !pool) {
            return;
        }
        int eq = cpu % numCompVectors + 1;
        if (!requested[eq]) {
            ctx.requestIrq(eq, "mlx4-" + eq + "@" + bdf, irq -> { });
            requested[eq] = true;
        }
    }
}
