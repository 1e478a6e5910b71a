package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import io.netmodel.api.netdev.QueueType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code virtnet_netdev}'s {@code .ndo_open = virtnet_open} and {@code .ndo_stop = virtnet_close}
 * ({@code drivers/net/virtio_net.c}).
 *
 * <p>Verified in virtio_net.c (the search tool's kernel sources and netdev patches): {@code
 * virtnet_open} walks every queue pair up to {@code max_queue_pairs}, fills the RX ring of those in
 * use and enables each pair's NAPIs ({@code virtnet_napi_enable}; from 6.x inside
 * {@code virtnet_enable_queue_pair}); {@code virtnet_close} disables them
 * ({@code virtnet_disable_queue_pair}). The virtqueues' MSI-X vectors are requested at probe
 * ({@code init_vqs} → {@code vp_find_vqs}) and are not touched here, so ifdown leaves every
 * {@code virtioN-*} line in {@code /proc/interrupts}. Recalled, not re-read: from
 * {@link VirtioNetHistory#QUEUE_NAPI_MAP} {@code virtnet_napi_enable} links the RX queue to its
 * NAPI ({@code netif_queue_set_napi}) and {@code virtnet_napi_disable} unlinks it. No TX NAPI
 * instances are modelled.
 */
final class VirtnetNetdevOps implements NetDeviceOps {
    private final DeviceContext ctx;
    private final boolean queueNapiMap;
    /** {@code vi->rq[i].napi}, one per queue pair the device has. */
    final List<Napi> rxNapis = new ArrayList<>();

    VirtnetNetdevOps(DeviceContext ctx) {
        this.ctx = ctx;
        this.queueNapiMap = ctx.kernel().has(VirtioNetHistory.QUEUE_NAPI_MAP);
    }

    /** {@code virtnet_open}: every pair's RX NAPI enabled (and linked to its queue from 6.15). */
    @Override
    public int ndoOpen(NetDevice dev) {
        for (int q = 0; q < rxNapis.size(); q++) {
            ctx.napiEnable(rxNapis.get(q));
            if (queueNapiMap) {
                ctx.netifQueueSetNapi(dev, q, QueueType.RX, rxNapis.get(q));
            }
        }
        return 0;
    }

    /** {@code virtnet_close}: every pair's RX NAPI unlinked and disabled. */
    @Override
    public void ndoStop(NetDevice dev) {
        for (int q = 0; q < rxNapis.size(); q++) {
            if (queueNapiMap) {
                ctx.netifQueueSetNapi(dev, q, QueueType.RX, null);
            }
            ctx.napiDisable(rxNapis.get(q));
        }
    }
}
