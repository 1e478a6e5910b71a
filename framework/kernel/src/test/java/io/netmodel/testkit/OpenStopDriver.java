package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;

/**
 * A driver with {@code ndo_open}/{@code ndo_stop} on the default host's virtio-net function, in one
 * of the two shapes real drivers have: {@link #keeping()} adds its NAPI at probe and requests its IRQ
 * ({@value #IRQ_NAME}) and enables the NAPI at open (e1000, igb, ixgbe); {@link #recreating()} also
 * adds the NAPI at open, with {@code netif_napi_add_config} index 0 where the release has it, and
 * deletes it at stop (mlx4_en, idpf). {@link #refusing(int)} fails its open with an errno.
 */
public final class OpenStopDriver extends VirtioIdDriver implements NetDeviceOps {
    public static final String IRQ_NAME = "ostop-rx";

    private final boolean recreate;
    private final int openErrno;
    private DeviceContext ctx;
    public NetDevice dev;
    public Napi napi;
    private Irq irq;
    public int opens;
    public int stops;

    private OpenStopDriver(boolean recreate, int openErrno) {
        super("ostop");
        this.recreate = recreate;
        this.openErrno = openErrno;
    }

    public static OpenStopDriver keeping() {
        return new OpenStopDriver(false, 0);
    }

    public static OpenStopDriver recreating() {
        return new OpenStopDriver(true, 0);
    }

    /** A driver whose {@code ndo_open} returns {@code -errno}. */
    public static OpenStopDriver refusing(int errno) {
        return new OpenStopDriver(false, errno);
    }

    @Override
    public void probe(DeviceContext context) throws DriverException {
        this.ctx = context;
        dev = ctx.allocEtherdev(1, 1);
        dev.setMacAddress(ctx.device().macAddress());
        dev.setNetdevOps(this);
        if (!recreate) {
            napi = ctx.netifNapiAdd(dev, (n, budget) -> 0, 64);
        }
        ctx.pciAllocIrqVectors(1, 1);
        ctx.registerNetdev(dev);
    }

    @Override
    public int ndoOpen(NetDevice d) {
        opens++;
        if (openErrno != 0) {
            return -openErrno;
        }
        try {
            irq = ctx.requestIrq(0, IRQ_NAME, i -> { });
        } catch (DriverException e) {
            return -e.errno();
        }
        if (recreate) {
            napi = ctx.kernel().has(io.netmodel.api.kernel.Behaviour.NAPI_CONFIG)
                ? ctx.netifNapiAddConfig(dev, (n, budget) -> 0, 64, 0) : ctx.netifNapiAdd(dev, (n, budget) -> 0, 64);
        }
        ctx.napiEnable(napi);
        return 0;
    }

    @Override
    public void ndoStop(NetDevice d) {
        stops++;
        ctx.napiDisable(napi);
        if (recreate) {
            ctx.netifNapiDel(napi);
        }
        ctx.freeIrq(irq);
    }
}
