package io.netmodel.drivers.e1000;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.netdev.NetDevice;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * e1000: Intel PRO/1000 8254x ({@code drivers/net/ethernet/intel/e1000/e1000_main.c}),
 * kernel-algorithms.md §3.1.
 *
 * <p>As in Linux: {@code e1000_probe} allocates a single-queue netdev, adds its one NAPI with
 * {@code netif_napi_add(netdev, &adapter->napi, e1000_clean, 64)} and registers it; the driver
 * has never called {@code napi_hash_add} and never had {@code ndo_busy_poll}. So on 3.11–4.4
 * its NAPI id stays 0 and busy polling finds nothing to poll (seed 000: Ubuntu 16.04's 4.4);
 * from 4.5 {@code netif_napi_add} hashes every NAPI and the same code gets an id. None of that
 * is decided here: it follows from which core the driver runs on. {@code e1000_open} (the
 * {@code ndo_open}, {@link E1000NetdevOps}) requests the device's legacy INTx line with
 * {@code IRQF_SHARED} and enables the NAPI; being after {@code register_netdev}, the action is named
 * after the netdev ({@code eth0}), not {@code eth%d}. {@code e1000_close} disables the NAPI and frees
 * the line, so {@code ip link set eth0 down} takes the {@code eth0} line out of
 * {@code /proc/interrupts}.
 *
 * <p>Unlike Linux: the log lines are {@code dev_info}-shaped
 * ({@code e1000 0000:00:03.0: eth0: ...}) where e1000 uses {@code netdev_info}
 * ({@code e1000 0000:00:03.0 eth0: ...}).
 */
@Component(service = NetDriver.class)
public final class E1000Driver implements NetDriver {
    /**
     * {@code e1000_pci_tbl}: 37 ids from 8086:1000 to 8086:2E6E (kernel-algorithms.md §3.1). The
     * count and both ends are from the 6.17 source; the ids in between are recalled. The model's
     * hardware is the 82540EM, 8086:100E.
     */
    private static final int[] PCI_IDS = {
        0x1000, 0x1001, 0x1004, 0x1008, 0x1009, 0x100C, 0x100D, 0x100E, 0x100F, 0x1010,
        0x1011, 0x1012, 0x1013, 0x1014, 0x1015, 0x1016, 0x1017, 0x1018, 0x1019, 0x101A,
        0x101D, 0x101E, 0x1026, 0x1027, 0x1028, 0x1075, 0x1076, 0x1077, 0x1078, 0x1079,
        0x107A, 0x107B, 0x107C, 0x108A, 0x1099, 0x10B5, 0x2E6E,
    };
    private static final int PCI_VENDOR_ID_INTEL = 0x8086;

    /** {@code cards_found} in {@code e1000_probe}: the board number {@code bd} of the next probe. */
    private int cardsFound;
    /** {@code struct e1000_adapter} settings per bound device (for ethtool later). */
    private final Map<String, E1000Options> adapters = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "e1000";
    }

    /** {@code MODULE_VERSION(DRV_VERSION)}, also what {@code get_drvinfo} reports; both gone in 5.9. */
    @Override
    public String moduleVersion(KernelProfile kernel) {
        return kernel.has(E1000History.DRIVER_VERSION_REMOVED) ? "" : E1000Defaults.DRV_VERSION;
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from Debian 12's linux-image-6.1.0-57-amd64 (modinfo). */
    @Override
    public String description() {
        return "Intel(R) PRO/1000 Network Driver";
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
        return E1000Defaults.DRV_VERSION;
    }

    @Override
    public List<DeviceId> idTable() {
        List<DeviceId> ids = new ArrayList<>(PCI_IDS.length);
        for (int device : PCI_IDS) {
            ids.add(DeviceId.pci(PCI_VENDOR_ID_INTEL, device));
        }
        return ids;
    }

    @Override
    public List<ModuleParam> parameters() {
        return E1000Params.ALL;
    }

    /** {@code e1000_probe}; the core's ifup then runs {@code e1000_open}. */
    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        int bd = cardsFound++;
        NetDevice netdev = ctx.allocEtherdev(1, 1); // alloc_etherdev: one TX and one RX queue
        E1000Options options = E1000Options.check(ctx, bd);
        netdev.setMacAddress(pdev.macAddress());
        netdev.setMtuRange(E1000Defaults.MIN_MTU, E1000Defaults.MAX_MTU);

        netdev.setEthtoolOps(new E1000Ethtool(netdev, pdev.busAddress(),
            moduleVersion(ctx.kernel()), pdev.device(), options));
        // e1000_probe on an 82543+ MAC: SG, checksum, VLAN and (82544+) TSO; RX checksum, RXALL
        // and RXFCS changeable (recalled from e1000_main.c)
        EnumSet<NetdevFeature> hw = EnumSet.of(NetdevFeature.SG, NetdevFeature.HW_CSUM,
            NetdevFeature.HW_VLAN_CTAG_RX, NetdevFeature.TSO, NetdevFeature.RXCSUM, NetdevFeature.RXALL,
            NetdevFeature.RXFCS);
        EnumSet<NetdevFeature> on = EnumSet.of(NetdevFeature.SG, NetdevFeature.HW_CSUM,
            NetdevFeature.HW_VLAN_CTAG_RX, NetdevFeature.TSO, NetdevFeature.RXCSUM,
            NetdevFeature.HW_VLAN_CTAG_TX, NetdevFeature.HW_VLAN_CTAG_FILTER, NetdevFeature.HIGHDMA);
        netdev.setFeatures(hw, on);

        E1000NetdevOps ops = new E1000NetdevOps(ctx);
        netdev.setNetdevOps(ops); // netdev->netdev_ops = &e1000_netdev_ops, before netif_napi_add
        // The receive ring and its poll loop belong to the receive-path simulation; the driver's
        // own e1000_clean finds no work.
        ops.napi = ctx.netifNapiAdd(netdev, (napi, budget) -> 0, E1000Defaults.NAPI_WEIGHT);
        // No napi_hash_add and no ndo_busy_poll, in any release.

        ctx.registerNetdev(netdev);
        ctx.log(netdev.name() + ": (PCI:33MHz:32-bit) " + mac(pdev.macAddress()));
        ctx.log(netdev.name() + ": Intel(R) PRO/1000 Network Connection");
        adapters.put(pdev.busAddress(), options);
    }

    @Override
    public void remove(DeviceContext ctx) {
        adapters.remove(ctx.device().busAddress());
    }

    /** The settings {@code e1000_check_options} chose for the device at {@code busAddress}, or null. */
    E1000Options adapter(String busAddress) {
        return adapters.get(busAddress);
    }

    /** {@code %pM}. */
    static String mac(byte[] a) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02x", a[i] & 0xff));
        }
        return sb.toString();
    }
}
