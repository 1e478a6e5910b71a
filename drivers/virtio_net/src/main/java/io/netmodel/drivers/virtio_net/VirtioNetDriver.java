package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * virtio_net: {@code virtnet_probe} for a virtio-net PCI device.
 *
 * <p>As in Linux: queues for every pair the device offers, min(online CPUs, pairs) of them in
 * use from 4.11 (one before), one RX NAPI per queue in use added with {@code napi_weight} (64),
 * the explicit {@code napi_hash_add} of 3.17–4.4, MSI-X vectors {@code virtioN-config},
 * {@code virtioN-input.M}, {@code virtioN-output.M} with the shared-vector and INTx
 * fallbacks of {@code vp_find_vqs}, MTU 68..65535, speed unknown. The vectors are requested at
 * probe and stay at ifdown; {@code virtnet_open}/{@code virtnet_close} ({@link VirtnetNetdevOps})
 * only enable and disable the NAPIs. Unlike Linux: no control virtqueue and no TX NAPI instances yet.
 */
@Component(service = NetDriver.class)
public final class VirtioNetDriver implements NetDriver {
    /** {@code ETH_MIN_MTU}. */
    static final int MIN_MTU = 68;
    /** {@code MAX_MTU} when the device does not offer {@code VIRTIO_NET_F_MTU}. */
    static final int MAX_MTU = 65535;

    @Override
    public String name() {
        return "virtio_net";
    }

    /**
     * No {@code MODULE_VERSION}: modinfo shows none (Debian 12's 6.1 module), while
     * {@code virtnet_get_drvinfo} still reports {@code VIRTNET_DRIVER_VERSION} (a 6.18 guest's
     * {@code ethtool -i} says 1.0.0).
     */
    @Override
    public String moduleVersion(KernelProfile kernel) {
        return "";
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from Debian 12's linux-image-6.1.0-57-amd64 (modinfo). */
    @Override
    public String description() {
        return "Virtio network driver";
    }

    @Override
    public String license() {
        return "GPL";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<DeviceId> idTable() {
        return List.of(DeviceId.pci(0x1af4, 0x1000), DeviceId.pci(0x1af4, 0x1041));
    }

    @Override
    public List<ModuleParam> parameters() {
        return VirtnetParams.ALL;
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        KernelProfile kernel = ctx.kernel();
        int maxPairs = Math.max(1, pdev.maxQueuePairs());
        int pairs = kernel.has(VirtioNetHistory.MQ_BY_DEFAULT) ? Math.min(maxPairs, ctx.numOnlineCpus()) : 1;
        int weight = Integer.parseInt(ctx.param(VirtnetParams.NAPI_WEIGHT));

        NetDevice dev = ctx.allocEtherdev(maxPairs, maxPairs);
        dev.setMacAddress(pdev.macAddress());
        dev.setMtuRange(MIN_MTU, MAX_MTU);
        dev.setRealNumQueues(pairs, pairs);
        // virtnet_netdev has .ndo_get_phys_port_name = virtnet_get_phys_port_name (EOPNOTSUPP
        // without VIRTIO_NET_F_STANDBY), so phys_port_name is visible and reads EOPNOTSUPP.
        dev.setPhysPortNameSupported(true);
        if (kernel.has(VirtioNetHistory.MRG_RX_SYSFS)) {
            // virtnet_probe: with mergeable rx buffers, dev->sysfs_rx_queue_group = &virtio_net_mrg_rx_group
            dev.setSysfsRxQueueGroup("virtio_net", Map.of("mergeable_rx_buffer_size", VirtnetRxSysfs::mergeableRxBufferSize));
        }
        VirtnetEthtool ethtool = new VirtnetEthtool(dev, pdev.busAddress(), maxPairs, pairs, kernel.has(VirtioNetHistory.RSS_OPS));
        if (kernel.has(VirtioNetHistory.LINK_SETTINGS)) {
            ethtool.withLinkSettings();
        }
        dev.setEthtoolOps(ethtool);
        // virtnet_probe without VIRTIO_NET_F_CTRL_GUEST_OFFLOADS: csum/TSO changeable, the
        // rest fixed (matches `ethtool -k` on a QEMU guest, 6.18)
        dev.setFeatures(
            EnumSet.of(NetdevFeature.SG, NetdevFeature.HW_CSUM, NetdevFeature.TSO, NetdevFeature.TSO6),
            EnumSet.of(NetdevFeature.SG, NetdevFeature.HW_CSUM, NetdevFeature.TSO, NetdevFeature.TSO6,
                NetdevFeature.HIGHDMA, NetdevFeature.RXCSUM, NetdevFeature.GSO_ROBUST, NetdevFeature.GRO_HW));

        if (kernel.has(VirtioNetHistory.QUEUE_STATS)) {
            dev.setStatOps(VirtnetQstats.ops(maxPairs, kernel.has(VirtioNetHistory.QSTATS_DISABLED_QUEUES)));
        }
        VirtnetNetdevOps ops = new VirtnetNetdevOps(ctx);
        dev.setNetdevOps(ops); // dev->netdev_ops = &virtnet_netdev
        // virtnet_alloc_queues: one RX NAPI per receive queue the device has.
        for (int q = 0; q < maxPairs; q++) {
            // The receive ring and its poll loop come with the receive-path simulation; until
            // then the ring is always empty, so virtnet_poll finds no work.
            Napi napi = kernel.has(VirtioNetHistory.NAPI_CONFIG)
                ? ctx.netifNapiAddConfig(dev, (n, budget) -> 0, weight, q)
                : ctx.netifNapiAdd(dev, (n, budget) -> 0, weight);
            if (kernel.has(VirtioNetHistory.NDO_BUSY_POLL) && !kernel.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
                ctx.napiHashAdd(napi); // 3.17-4.4: the driver hashes its RX NAPIs itself
            }
            // virtnet_open enables (and from 6.15 links) every queue pair up to max_queue_pairs, so
            // queues beyond the current pairs show their napi-id once ethtool -L brings them into use
            ops.rxNapis.add(napi);
        }
        if (kernel.has(VirtioNetHistory.NDO_BUSY_POLL) && !kernel.has(Behaviour.NDO_BUSY_POLL_REMOVED)) {
            // virtnet_busy_poll (91815639d880): takes the NAPI with napi_schedule_prep, polls 4
            dev.setNdoBusyPoll(napi -> 0);
        }
        VirtnetAffinity affinity = findVqs(ctx, "virtio" + pdev.unit(), maxPairs);
        if (affinity != null) {
            affinity.set(pairs); // init_vqs -> virtnet_set_affinity
            ethtool.setAffinity(affinity);
        }
        ctx.registerNetdev(dev);
        if (affinity != null) {
            ctx.cpuhpAddInstance(affinity); // virtnet_cpu_notif_add
        }
        ctx.log("registered " + dev.name() + " with " + pairs + " of " + maxPairs + " queue pair(s)");
    }

    /**
     * {@code vp_find_vqs}: one MSI-X vector per virtqueue plus config; if the host cannot give
     * that many, config + one shared vector ({@code virtioN-virtqueues}); else the INTx line.
     * No interrupt fires before the receive-path simulation drives the device.
     */
    private static VirtnetAffinity findVqs(DeviceContext ctx, String vdev, int pairs) throws DriverException {
        int perVq = 1 + 2 * pairs;
        if (ctx.pciAllocIrqVectors(perVq, perVq) == perVq) {
            ctx.requestIrq(0, vdev + "-config", irq -> { });
            int vector = 1;
            java.util.List<io.netmodel.api.netdev.Irq> inputs = new java.util.ArrayList<>();
            java.util.List<io.netmodel.api.netdev.Irq> outputs = new java.util.ArrayList<>();
            for (int q = 0; q < pairs; q++) {
                inputs.add(ctx.requestIrq(vector++, vdev + "-input." + q, irq -> { }));
                outputs.add(ctx.requestIrq(vector++, vdev + "-output." + q, irq -> { }));
            }
            return new VirtnetAffinity(ctx, inputs, outputs);
        } else if (ctx.pciAllocIrqVectors(2, 2) == 2) {
            ctx.log("not enough MSI-X vectors for " + perVq + " virtqueue vectors; sharing one");
            ctx.requestIrq(0, vdev + "-config", irq -> { });
            ctx.requestIrq(1, vdev + "-virtqueues", irq -> { });
        } else {
            ctx.log("no MSI-X vectors; using the INTx line");
            ctx.requestLegacyIrq(vdev, irq -> { });
        }
        return null;
    }
}
