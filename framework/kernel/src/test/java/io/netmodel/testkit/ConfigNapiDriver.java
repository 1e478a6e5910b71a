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
 * A driver for the default host's virtio-net function that rebuilds its queue vectors the way
 * a driver's {@code set_channels} does ({@link #setQueues}: every NAPI deleted and its IRQ freed,
 * the real queue counts changed, then NAPIs added and IRQs requested again), adding its NAPIs with
 * {@code netif_napi_add_config} indexed by queue when {@code config} says so, else with
 * {@code netif_napi_add}.
 */
public final class ConfigNapiDriver extends VirtioIdDriver {
    private final int maxQueues;
    private final boolean config;
    private DeviceContext ctx;
    public NetDevice dev;
    public final List<Napi> napis = new ArrayList<>();
    public final List<Irq> irqs = new ArrayList<>();

    public ConfigNapiDriver(int maxQueues, boolean config) {
        super("cfgnet");
        this.maxQueues = maxQueues;
        this.config = config;
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        this.ctx = ctx;
        dev = ctx.allocEtherdev(maxQueues, maxQueues);
        dev.setMacAddress(ctx.device().macAddress());
        ctx.pciAllocIrqVectors(maxQueues, maxQueues);
        ctx.registerNetdev(dev);
        open(maxQueues);
    }

    private void open(int queues) throws DriverException {
        for (int q = 0; q < queues; q++) {
            Napi napi = config ? ctx.netifNapiAddConfig(dev, (n, budget) -> 0, 64, q)
                : ctx.netifNapiAdd(dev, (n, budget) -> 0, 64);
            Irq irq = ctx.requestIrq(q, "cfgnet-TxRx-" + q, i -> { });
            ctx.netifNapiSetIrq(napi, irq);
            ctx.netifQueueSetNapi(dev, q, QueueType.RX, napi);
            napis.add(napi);
            irqs.add(irq);
        }
    }

    /** The {@code set_channels} rebuild: close, new real queue counts, open. */
    public void setQueues(int queues) throws DriverException {
        for (int i = napis.size() - 1; i >= 0; i--) {
            ctx.netifNapiDel(napis.get(i));
            ctx.freeIrq(irqs.get(i));
        }
        napis.clear();
        irqs.clear();
        dev.setRealNumQueues(queues, queues);
        open(queues);
    }

    /** The driver's context, for calls a test makes as the driver would. */
    public DeviceContext ctx() {
        return ctx;
    }
}
