package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * virtio_net: {@code virtnet_probe} for a virtio-net PCI device.
 *
 * <p>As in Linux: one queue pair per device pair offered (QEMU's default device offers one),
 * one RX NAPI per receive queue added with {@code napi_weight} (64), the explicit
 * {@code napi_hash_add} of 3.17–4.4, MSI-X vectors {@code virtioN-config},
 * {@code virtioN-input.M}, {@code virtioN-output.M}, MTU 68..65535, speed unknown.
 * Unlike Linux: no control virtqueue, no TX NAPI instances yet.
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
        int pairs = Math.max(1, pdev.maxQueuePairs());
        int weight = Integer.parseInt(ctx.param(VirtnetParams.NAPI_WEIGHT));

        NetDevice dev = ctx.allocEtherdev(pairs, pairs);
        dev.setMacAddress(pdev.macAddress());
        dev.setMtuRange(MIN_MTU, MAX_MTU);

        // virtnet_alloc_queues: one RX NAPI per receive queue.
        for (int q = 0; q < pairs; q++) {
            // The receive ring and its poll loop come with the receive-path simulation; until
            // then the ring is always empty, so virtnet_poll finds no work.
            Napi napi = ctx.netifNapiAdd(dev, (n, budget) -> 0, weight);
            if (kernel.has(VirtioNetHistory.NDO_BUSY_POLL) && !kernel.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
                ctx.napiHashAdd(napi); // 3.17-4.4: the driver hashes its RX NAPIs itself
            }
        }

        // vp_find_vqs_msix: vector 0 for config changes, then one per virtqueue.
        String vdev = "virtio" + pdev.unit();
        // No interrupt fires before the receive-path simulation drives the device.
        ctx.requestIrq(0, vdev + "-config", irq -> { });
        int vector = 1;
        for (int q = 0; q < pairs; q++) {
            ctx.requestIrq(vector++, vdev + "-input." + q, irq -> { });
            ctx.requestIrq(vector++, vdev + "-output." + q, irq -> { });
        }
        ctx.registerNetdev(dev);
        ctx.log("registered " + dev.name() + " with " + pairs + " queue pair(s)");
    }
}
