package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.QueueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver for the default host's virtio-net function with {@code queues} RX/TX queue pairs and
 * one NAPI per pair, each RX queue linked to its NAPI ({@code netif_queue_set_napi}) and each
 * NAPI to an MSI-X vector ({@code netif_napi_set_irq}), like a 6.x multiqueue NIC driver.
 */
public final class NapiDriver extends VirtioIdDriver {
    final int queues;
    public NetDevice dev;
    public final List<Napi> napis = new ArrayList<>();
    public final List<Irq> irqs = new ArrayList<>();

    public NapiDriver(int queues) {
        super("napinet");
        this.queues = queues;
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        dev = ctx.allocEtherdev(queues, queues);
        dev.setMacAddress(ctx.device().macAddress());
        ctx.pciAllocIrqVectors(queues, queues);
        for (int q = 0; q < queues; q++) {
            Napi napi = ctx.netifNapiAdd(dev, (n, budget) -> 0, 64);
            Irq irq = ctx.requestIrq(q, "napinet-TxRx-" + q, i -> { });
            ctx.netifNapiSetIrq(napi, irq);
            ctx.netifQueueSetNapi(dev, q, QueueType.RX, napi);
            napis.add(napi);
            irqs.add(irq);
        }
        ctx.registerNetdev(dev);
    }
}
