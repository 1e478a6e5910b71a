package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.NetDevice;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * mlx4_en on mlx4_core: Mellanox ConnectX-3 ({@code drivers/net/ethernet/mellanox/mlx4/}),
 * kernel-algorithms.md §3.5.
 *
 * <p>In Linux two modules share the work: {@code mlx4_core} binds the PCI function
 * ({@code mlx4_init_one}) and sets up the event queues and their MSI-X vectors
 * ({@link Mlx4EqTable}); {@code mlx4_en} registers with it and creates one netdev per Ethernet
 * port ({@code mlx4_en_add}, {@code mlx4_en_init_netdev}). The model has one bundle named after
 * the netdev driver, {@code mlx4_en}, that does both for a one-port card.
 *
 * <p>As in Linux: RX rings = rounddown_pow_of_two(min(completion EQs, 16)) and TX rings =
 * min(CPUs, 32) per user priority ({@code mlx4_en_get_profile}); the netdev is registered with
 * those as its real queue counts; {@code mlx4_en_open} then activates one completion queue per RX
 * ring ({@code mlx4_en_activate_cq}), which assigns it an EQ and adds its NAPI with weight 64
 * ({@link Mlx4Port}; from 6.13 with the ring's persistent NAPI config, and {@code ethtool -L}/{@code -G}
 * restart the port, deleting and re-adding those NAPIs).
 * On 3.11–4.4 that NAPI is also hashed explicitly ({@code napi_hash_add}) and the netdev has
 * {@code ndo_busy_poll} = {@code mlx4_en_low_latency_recv}; 4.5 moved mlx4 to generic busy
 * polling. The IRQ names are mlx4_core's ({@code mlx4-async@pci:<bdf>}, {@code mlx4-<N>@<bdf>},
 * or {@code mlx4-comp-<N>@pci:<bdf>} before the EQ pool), never the netdev's.
 *
 * <p>Unlike Linux: no TX completion-queue NAPIs (the API has no {@code netif_napi_add_tx}), no
 * second port, no RDMA side; mlx4_core's log lines and parameters are folded into mlx4_en's. The
 * CQs are activated by {@code mlx4_en_open} (the {@code ndo_open}, {@link Mlx4Port#ndoOpen}) and
 * deactivated by {@code mlx4_en_close}: the RX NAPIs exist only while eth0 is up.
 */
@Component(service = NetDriver.class)
public final class Mlx4EnDriver implements NetDriver {
    /**
     * Two entries of mlx4_core's {@code mlx4_pci_table} (checked): 0x1003 "MT27500 Family
     * [ConnectX-3]" and 0x1007 "MT27520 Family" (ConnectX-3 Pro). The VF (0x1004) and the other
     * MT275xx rows are not listed.
     */
    private static final List<DeviceId> ID_TABLE = List.of(DeviceId.pci(0x15b3, 0x1003), DeviceId.pci(0x15b3, 0x1007));

    /** {@code mlx4_en_init}'s parameter check has run (once per module load). */
    private boolean paramsVerified;

    @Override
    public String name() {
        return "mlx4_en";
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from Debian 12's linux-image-6.1.0-57-amd64 (modinfo). */
    @Override
    public String description() {
        return "Mellanox ConnectX HCA Ethernet driver";
    }

    @Override
    public java.util.List<String> authors() {
        return java.util.List.of("Liran Liss, Yevgeny Petrilin");
    }

    @Override
    public String license() {
        return "Dual BSD/GPL";
    }

    @Override
    public String version() {
        return Mlx4Defaults.DRV_VERSION;
    }

    @Override
    public List<DeviceId> idTable() {
        return ID_TABLE;
    }

    @Override
    public List<ModuleParam> parameters() {
        return Mlx4EnParams.ALL;
    }

    /** {@code mlx4_init_one} (mlx4_core), {@code mlx4_en_add}; the core's ifup then runs {@code mlx4_en_open}. */
    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        if (!paramsVerified) {
            Mlx4EnParams.verify(ctx);
            paramsVerified = true;
        }
        BusDevice pdev = ctx.device();
        KernelProfile kernel = ctx.kernel();
        Mlx4EqTable eqs = Mlx4EqTable.init(ctx);

        // mlx4_en_get_profile
        int rxRings = Integer.highestOneBit(Math.min(eqs.numCompVectors(), Mlx4Defaults.DEF_RX_RINGS));
        int txRingsPerUp = Math.min(ctx.numOnlineCpus(), Mlx4Defaults.MAX_TX_RING_P_UP);
        int txRings = txRingsPerUp * (kernel.has(Mlx4History.TX_RINGS_ONE_UP) ? 1 : Mlx4Defaults.NUM_UP);

        // mlx4_en_init_netdev
        NetDevice netdev = ctx.allocEtherdev(Mlx4Defaults.MAX_TX_RINGS, Mlx4Defaults.MAX_RX_RINGS);
        netdev.setMacAddress(pdev.macAddress());
        netdev.setMtuRange(Mlx4Defaults.MIN_MTU, Mlx4Defaults.MAX_MTU);
        boolean oldBusyPoll = kernel.has(Mlx4History.LOW_LATENCY_RECV) && !kernel.has(Mlx4History.GENERIC_BUSY_POLL);
        if (oldBusyPoll) {
            // mlx4_en_netdev_ops.ndo_busy_poll. The simulation does the polling itself and only
            // needs to know the hook exists, so the routine reports no packets.
            netdev.setNdoBusyPoll(napi -> 0);
        }
        Mlx4Port port = new Mlx4Port(ctx, netdev, eqs, oldBusyPoll);
        netdev.setNetdevOps(port); // mlx4_netdev_ops: mlx4_en_open, mlx4_en_close
        netdev.setEthtoolOps(new Mlx4Ethtool(netdev, kernel, Mlx4EnParams.pfc(ctx, Mlx4EnParams.PFCRX),
            Mlx4EnParams.pfc(ctx, Mlx4EnParams.PFCTX), pdev.busAddress(), rxRings, txRings, txRings / txRingsPerUp, port));
        netdev.setRealNumQueues(txRings, rxRings);
        if (kernel.has(Mlx4History.QUEUE_STATS)) {
            netdev.setStatOps(Mlx4Qstats.ops()); // dev->stat_ops = &mlx4_stat_ops
        }
        ctx.log("Port " + Mlx4Defaults.PORTS + ": Using " + txRings + " TX rings");
        ctx.log("Port " + Mlx4Defaults.PORTS + ": Using " + rxRings + " RX rings");
        ctx.registerNetdev(netdev);
    }
}
