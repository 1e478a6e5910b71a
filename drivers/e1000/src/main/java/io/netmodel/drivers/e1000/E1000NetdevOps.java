package io.netmodel.drivers.e1000;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;

/**
 * {@code e1000_netdev_ops}' {@code .ndo_open = e1000_open} and {@code .ndo_stop = e1000_close}
 * ({@code e1000_main.c}).
 *
 * <p>Verified in e1000_main.c (the search tool's kernel sources): {@code e1000_open} calls
 * {@code e1000_request_irq}, then {@code napi_enable(&adapter->napi)}, {@code e1000_irq_enable};
 * {@code e1000_close} calls {@code e1000_down}, {@code e1000_power_down_phy}, {@code e1000_free_irq}.
 * Recalled, not re-read: {@code e1000_down} is where {@code napi_disable} happens, and
 * {@code e1000_request_irq} logs "Unable to allocate interrupt Error: %d" when {@code request_irq}
 * fails. So the legacy line's {@code eth0} action leaves {@code /proc/interrupts} at ifdown and comes
 * back at ifup; the one NAPI, added at probe, stays (from 6.13 its id is new at every ifup:
 * e1000 has no {@code netif_napi_add_config}).
 */
final class E1000NetdevOps implements NetDeviceOps {
    private final DeviceContext ctx;
    /** {@code adapter->napi}, added by {@code e1000_probe}. */
    Napi napi;
    private Irq irq;

    E1000NetdevOps(DeviceContext ctx) {
        this.ctx = ctx;
    }

    /** {@code e1000_open}: the shared INTx line named after the netdev, then the NAPI; the watchdog finds the link. */
    @Override
    public int ndoOpen(NetDevice netdev) {
        try {
            irq = ctx.requestLegacyIrq(netdev.name(), i -> { });
        } catch (DriverException e) {
            ctx.log(netdev.name() + ": Unable to allocate interrupt Error: -" + e.errno());
            return -e.errno();
        }
        ctx.napiEnable(napi);
        netdev.setSpeed(ctx.device().linkSpeed());
        return 0;
    }

    /** {@code e1000_close}: {@code e1000_down} ({@code napi_disable}), then {@code e1000_free_irq}. */
    @Override
    public void ndoStop(NetDevice netdev) {
        ctx.napiDisable(napi);
        ctx.freeIrq(irq);
        irq = null;
    }
}
