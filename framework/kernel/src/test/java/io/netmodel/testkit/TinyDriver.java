package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import java.util.List;

/**
 * The smallest driver that makes an eth0: binds the default host's virtio-net PCI function,
 * allocates an etherdev with the device's MAC and an MTU range of 68..65535, adds one NAPI,
 * requests MSI-X vector 0 as {@code tiny0-rx} and registers the netdev. Optionally calls
 * {@code napi_hash_add} itself (a 3.11-4.4 driver) or throws from probe after every resource
 * was acquired, to exercise devres unwinding.
 */
public final class TinyDriver extends VirtioIdDriver {
    /** The action name of the one IRQ, as /proc/interrupts shows it. */
    public static final String IRQ_NAME = "tiny0-rx";

    private final boolean hashAdd;
    private final Exception failure;
    private final int txQueues;
    private final int rxQueues;
    public NetDevice dev;
    public Napi napi;
    public Irq irq;
    /** Set before binding: the driver has {@code ndo_get_phys_port_name}, like virtio_net. */
    public boolean physPortName;
    /** Set before binding: its NAPI poll function throws this (a driver bug). */
    public RuntimeException pollFailure;
    /** Set before binding: makes each bound netdev's ethtool ops ({@code dev->ethtool_ops}). */
    public java.util.function.Supplier<io.netmodel.api.ethtool.EthtoolOps> ethtoolOps;
    /** Set before binding: the driver's adaptive RX moderation is DIM ({@code NetDevice.setRxDim}). */
    public io.netmodel.api.netdev.RxDim rxDim;

    private TinyDriver(String name, boolean hashAdd, Exception failure, int txQueues, int rxQueues) {
        super(name);
        this.hashAdd = hashAdd;
        this.failure = failure;
        this.txQueues = txQueues;
        this.rxQueues = rxQueues;
    }

    private TinyDriver(String name, boolean hashAdd, Exception failure) {
        this(name, hashAdd, failure, 1, 1);
    }

    public static TinyDriver plain() {
        return new TinyDriver("tinynet", false, null);
    }

    /** A plain driver whose eth0 has {@code txQueues} tx and {@code rxQueues} rx queues. */
    public static TinyDriver multiqueue(int txQueues, int rxQueues) {
        return new TinyDriver("tinynet", false, null, txQueues, rxQueues);
    }

    /** A pre-4.5 style driver that calls {@code napi_hash_add} after {@code netif_napi_add}. */
    public static TinyDriver hashing() {
        return new TinyDriver("tinynet", true, null);
    }

    /** A driver whose probe throws {@code failure} once it has registered its netdev. */
    public static TinyDriver failing(Exception failure) {
        return new TinyDriver("badnet", false, failure);
    }

    @Override
    public List<ModuleParam> parameters() {
        return List.of(new ModuleParam("debug", ModuleParam.Type.INT, "0", 0444, "debug level"));
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        dev = ctx.allocEtherdev(txQueues, rxQueues);
        dev.setMacAddress(ctx.device().macAddress());
        dev.setMtuRange(68, 65535);
        dev.setPhysPortNameSupported(physPortName);
        if (ethtoolOps != null) {
            dev.setEthtoolOps(ethtoolOps.get());
        }
        dev.setRxDim(rxDim);
        napi = ctx.netifNapiAdd(dev, (n, budget) -> {
            if (pollFailure != null) {
                throw pollFailure;
            }
            return 0;
        }, 64);
        if (hashAdd) {
            ctx.napiHashAdd(napi);
        }
        ctx.pciAllocIrqVectors(1, 1);
        irq = ctx.requestIrq(0, IRQ_NAME, i -> { });
        ctx.registerNetdev(dev);
        if (failure instanceof DriverException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }
}
