package io.netmodel.drivers.igb;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.netdev.NetDevice;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * igb: Intel 82575/82576/82580/I350/I354/I210/I211 ({@code drivers/net/ethernet/intel/igb/
 * igb_main.c}), kernel-algorithms.md §3.2; the model's hardware is the I350.
 *
 * <p>As in Linux: {@code igb_probe} sizes the queues in {@code igb_init_queue_configuration}
 * (RSS queues = min(online CPUs, what the MAC has), 1 when SR-IOV VFs are asked for on an
 * I350) and pairs TX and RX on one vector only when there are more RSS queues than half the
 * maximum ({@code igb_set_flag_queue_pairs}); otherwise each ring gets a vector of its own. It
 * then asks for exactly one MSI-X vector per q_vector plus one ({@code igb_set_interrupt_capability})
 * and adds one NAPI per q_vector with weight 64 ({@code igb_alloc_q_vector}), before
 * {@code register_netdev}. igb has never called {@code napi_hash_add} and never had
 * {@code ndo_busy_poll}, so on 3.11–4.4 its NAPI ids stay 0 (seed 004: 3.13's igb does not busy
 * poll) and from 4.5 the core gives them ids. {@code igb_request_msix} (run by
 * {@code __igb_open}, the {@code ndo_open}, after registration: {@link IgbAdapter#ndoOpen}) names
 * vector 0, the "other"/link vector, after the netdev ({@code eth0}) and the queue vectors
 * {@code eth0-TxRx-N}, {@code eth0-rx-N} or {@code eth0-tx-N}; {@code igb_close} frees them all.
 *
 * <p>Unlike Linux: no MSI step in the fallback (the API has none), so a device that cannot get
 * its MSI-X vectors goes straight to one queue on the shared INTx line; VFs are not created
 * ({@code max_vfs} only takes RSS away, as it does on an I350).
 */
@Component(service = NetDriver.class)
public final class IgbDriver implements NetDriver {
    /**
     * The I350 entries of {@code igb_pci_tbl}: {@code E1000_DEV_ID_I350_COPPER}, {@code _FIBER},
     * {@code _SERDES}, {@code _SGMII} (0x1521–0x1524, checked in {@code e1000_hw.h}; the I350 DA4,
     * 0x1546, is not listed). Other MACs are not simulated, and their queue limits and pairing
     * rules differ.
     */
    private static final List<DeviceId> ID_TABLE = List.of(
        DeviceId.pci(0x8086, 0x1521), DeviceId.pci(0x8086, 0x1522),
        DeviceId.pci(0x8086, 0x1523), DeviceId.pci(0x8086, 0x1524));

    @Override
    public String name() {
        return "igb";
    }

    /** {@code MODULE_VERSION(DRV_VERSION)}, also what {@code get_drvinfo} reports; both gone in 5.9. */
    @Override
    public String moduleVersion(KernelProfile kernel) {
        return kernel.has(IgbHistory.DRIVER_VERSION_REMOVED) ? "" : IgbDefaults.DRV_VERSION;
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from Debian 12's linux-image-6.1.0-57-amd64 (modinfo). */
    @Override
    public String description() {
        return "Intel(R) Gigabit Ethernet Network Driver";
    }

    @Override
    public java.util.List<String> authors() {
        return java.util.List.of("Intel Corporation, <e1000-devel@lists.sourceforge.net>");
    }

    @Override
    public String license() {
        return "GPL v2";
    }

    @Override
    public String version() {
        return IgbDefaults.DRV_VERSION;
    }

    @Override
    public List<DeviceId> idTable() {
        return ID_TABLE;
    }

    @Override
    public List<ModuleParam> parameters() {
        return IgbParams.ALL;
    }

    /** From {@link IgbHistory#PARAMS_READABLE} one parameter is 0444. */
    @Override
    public List<ModuleParam> parameters(KernelProfile kernel) {
        return IgbParams.of(kernel.has(IgbHistory.PARAMS_READABLE) ? 0444 : 0);
    }

    /** {@code igb_probe}; the core's ifup then runs {@code igb_open}. */
    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        NetDevice netdev = ctx.allocEtherdev(IgbDefaults.MAX_TX_QUEUES, IgbDefaults.MAX_TX_QUEUES);
        netdev.setMacAddress(pdev.macAddress());
        netdev.setMtuRange(IgbDefaults.MIN_MTU, IgbDefaults.MAX_MTU);

        // igb_sw_init -> igb_init_queue_configuration
        int vfs = vfsAllocated(ctx);
        int maxRssQueues = vfs > 0 ? 1 : Math.max(1, pdev.maxQueuePairs()); // I350: no RSS with SR-IOV
        int rssQueues = Math.min(maxRssQueues, ctx.numOnlineCpus());
        boolean queuePairs = rssQueues > maxRssQueues / 2; // igb_set_flag_queue_pairs

        // igb_init_interrupt_scheme
        IgbAdapter adapter = new IgbAdapter(ctx, netdev, vfs);
        netdev.setNetdevOps(adapter); // igb_netdev_ops: igb_open, igb_close
        adapter.initInterruptScheme(rssQueues, queuePairs);
        boolean msix = adapter.msix;
        int rxQueues = adapter.rxQueues;
        int txQueues = adapter.txQueues;
        netdev.setRealNumQueues(txQueues, rxQueues); // __igb_open, before queues/ is shown
        netdev.setEthtoolOps(new IgbEthtool(netdev, pdev.busAddress(),
            moduleVersion(ctx.kernel()), maxRssQueues, adapter,
            rssQueues, queuePairs));
        // igb_probe: SG, TSO/TSO6, checksums, RXHASH, RXCSUM, VLAN offloads (recalled from igb_main.c)
        EnumSet<NetdevFeature> hw = EnumSet.of(NetdevFeature.SG, NetdevFeature.TSO, NetdevFeature.TSO6,
            NetdevFeature.IP_CSUM, NetdevFeature.IPV6_CSUM, NetdevFeature.SCTP_CRC, NetdevFeature.RXHASH,
            NetdevFeature.RXCSUM, NetdevFeature.HW_VLAN_CTAG_RX, NetdevFeature.HW_VLAN_CTAG_TX,
            NetdevFeature.RXALL, NetdevFeature.NTUPLE, NetdevFeature.HW_TC);
        EnumSet<NetdevFeature> on = EnumSet.of(NetdevFeature.SG, NetdevFeature.TSO, NetdevFeature.TSO6,
            NetdevFeature.IP_CSUM, NetdevFeature.IPV6_CSUM, NetdevFeature.SCTP_CRC, NetdevFeature.RXHASH,
            NetdevFeature.RXCSUM, NetdevFeature.HW_VLAN_CTAG_RX, NetdevFeature.HW_VLAN_CTAG_TX,
            NetdevFeature.HW_VLAN_CTAG_FILTER, NetdevFeature.HIGHDMA);
        netdev.setFeatures(hw, on);

        ctx.registerNetdev(netdev);
        ctx.log("Intel(R) Gigabit Ethernet Network Connection");
        ctx.log(netdev.name() + ": (PCIe:5.0Gb/s:Width x4) " + mac(pdev.macAddress()));
        ctx.log("Using " + (msix ? "MSI-X" : "legacy") + " interrupts. " + rxQueues + " rx queue(s), "
            + txQueues + " tx queue(s)");
    }

    /** {@code max_vfs} as {@code igb_sw_init} takes it on an I350: at most 7, with a warning. */
    private static int vfsAllocated(DeviceContext ctx) {
        long maxVfs = Long.parseLong(ctx.param(IgbParams.MAX_VFS));
        if (maxVfs > IgbDefaults.MAX_VFS_I350) {
            ctx.log("Maximum of " + IgbDefaults.MAX_VFS_I350 + " VFs per PF, using max");
            return IgbDefaults.MAX_VFS_I350;
        }
        return (int) maxVfs;
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
