package io.netmodel.drivers.ixgbe;

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
 * ixgbe: Intel 82598/82599/X540/X550 10 GbE ({@code drivers/net/ethernet/intel/ixgbe/}),
 * kernel-algorithms.md §3.3; the model's hardware is the 82599ES.
 *
 * <p>As in Linux: {@code ixgbe_sw_init} limits RSS to min(16, online CPUs) and, with ATR on (the
 * 82599 default), lets the queue count grow to min(63, online CPUs); the model also caps it at
 * the queues the simulated device offers. {@code ixgbe_acquire_msix_vectors} asks for one vector
 * per queue pair, at most one per online CPU, plus the "other" vector, and takes what it gets
 * down to two; {@code ixgbe_alloc_q_vectors} spreads the rings over the queue vectors and adds
 * one NAPI per vector with weight 64, before {@code register_netdev}. On 3.11–4.4 each NAPI is
 * also put in the hash with an explicit {@code napi_hash_add}, so ixgbe has valid NAPI ids where
 * e1000 and igb have 0; {@code ndo_busy_poll} ({@code ixgbe_low_latency_recv}, then
 * {@code ixgbe_busy_poll_recv}) exists from 3.11 until its removal in 4.11.
 * {@code ixgbe_request_msix_irqs} (from {@code ixgbe_open}, the {@code ndo_open}:
 * {@link IxgbeAdapter#ndoOpen}) names the queue vectors {@code eth0-TxRx-N} and requests the
 * "other" vector last, named after the netdev; {@code ixgbe_close} frees them all.
 *
 * {@code ethtool -L} rebuilds queues, vectors, NAPIs and IRQs ({@link IxgbeAdapter#setupTc}).
 *
 * <p>Unlike Linux: no MSI step in the fallback (the API has none): without MSI-X the device gets
 * one queue on the shared INTx line; no SR-IOV, DCB or FCoE.
 */
@Component(service = NetDriver.class)
public final class IxgbeDriver implements NetDriver {
    /** The 82599 SFP+ entry of {@code ixgbe_pci_tbl} ({@code IXGBE_DEV_ID_82599_SFP} = 0x10FB, checked in {@code ixgbe_type.h}). */
    private static final List<DeviceId> ID_TABLE = List.of(DeviceId.pci(0x8086, 0x10fb));

    @Override
    public String name() {
        return "ixgbe";
    }

    /** {@code MODULE_VERSION(DRV_VERSION)}, also what {@code get_drvinfo} reports; both gone in 5.9. */
    @Override
    public String moduleVersion(KernelProfile kernel) {
        return kernel.has(IxgbeHistory.DRIVER_VERSION_REMOVED) ? "" : IxgbeDefaults.DRV_VERSION;
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from Debian 12's linux-image-6.1.0-57-amd64 (modinfo). */
    @Override
    public String description() {
        return "Intel(R) 10 Gigabit PCI Express Network Driver";
    }

    @Override
    public java.util.List<String> authors() {
        return java.util.List.of("Intel Corporation, <linux.nics@intel.com>");
    }

    @Override
    public String license() {
        return "GPL v2";
    }

    @Override
    public String version() {
        return IxgbeDefaults.DRV_VERSION;
    }

    @Override
    public List<DeviceId> idTable() {
        return ID_TABLE;
    }

    @Override
    public List<ModuleParam> parameters() {
        return IxgbeParams.ALL;
    }

    /** From {@link IxgbeHistory#PARAMS_READABLE} one parameter is 0444. */
    @Override
    public List<ModuleParam> parameters(KernelProfile kernel) {
        return IxgbeParams.of(kernel.has(IxgbeHistory.PARAMS_READABLE) ? 0444 : 0);
    }

    /** {@code ixgbe_probe}; the core's ifup then runs {@code ixgbe_open}. */
    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        KernelProfile kernel = ctx.kernel();
        int cpus = ctx.numOnlineCpus();
        NetDevice netdev = ctx.allocEtherdev(IxgbeDefaults.MAX_TX_QUEUES, IxgbeDefaults.MAX_TX_QUEUES);
        netdev.setMacAddress(pdev.macAddress());
        netdev.setMtuRange(IxgbeDefaults.MIN_MTU, IxgbeDefaults.MAX_MTU);
        boolean busyPoll = kernel.has(IxgbeHistory.LOW_LATENCY_RECV) && !kernel.has(IxgbeHistory.BUSY_POLL_REMOVED);
        if (busyPoll) {
            // ixgbe_netdev_ops.ndo_busy_poll. The simulation does the polling itself and only needs
            // to know the hook exists, so the routine reports no packets.
            netdev.setNdoBusyPoll(napi -> 0);
        }

        // ixgbe_sw_init: the RSS and Flow Director limits; ixgbe_set_rss_queues picks FDIR's.
        IxgbeAdapter adapter = new IxgbeAdapter(ctx, netdev);
        netdev.setNetdevOps(adapter); // ixgbe_netdev_ops: ixgbe_open, ixgbe_close
        adapter.initInterruptScheme(Math.min(IxgbeDefaults.MAX_RSS_INDICES, cpus),
            Math.min(IxgbeDefaults.MAX_FDIR_INDICES, cpus));

        // ixgbe_set_ethtool_ops; ixgbe_max_channels: the Flow Director limit with MSI-X, else 1
        int maxChannels = adapter.msix
            ? Math.max(1, Math.min(Math.min(IxgbeDefaults.MAX_FDIR_INDICES, cpus), pdev.maxQueuePairs())) : 1;
        netdev.setEthtoolOps(new IxgbeEthtool(netdev, pdev.busAddress(),
            moduleVersion(kernel), maxChannels, adapter));
        netdev.setRealNumQueues(adapter.queues, adapter.queues); // ixgbe_open, before queues/ is shown

        ctx.registerNetdev(netdev);
        ctx.log("(PCI Express:5.0GT/s:Width x8) " + mac(pdev.macAddress()));
        ctx.log("Intel(R) 10 Gigabit Network Connection");
    }

    /** {@code %pM}. */
    private static String mac(byte[] a) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", a[i] & 0xff));
        }
        return sb.toString();
    }
}
