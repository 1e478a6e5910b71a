package io.netmodel.drivers.examplenic;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.Irq;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import java.util.ArrayList;
import java.util.List;

/**
 * examplenic's {@code net_device_ops}: {@code ndo_open} requests the IRQs and enables the NAPI,
 * {@code ndo_stop} disables the NAPI and frees the IRQs, the usual shape of a PCI NIC's
 * {@code *_open}/{@code *_close} (e1000, igb, ixgbe). So {@code ip link set eth0 down} takes
 * {@code eth0-rx}/{@code eth0-tx} out of {@code /proc/interrupts} and {@code up} puts them back; the
 * NAPI, added at probe, stays, and from 6.13 it gets a new id at every up (no
 * {@code netif_napi_add_config}).
 */
final class ExampleNicOps implements NetDeviceOps {
    private final DeviceContext ctx;
    /** Whether probe got both MSI-X vectors (else the shared INTx line). */
    private final boolean msix;
    /** The one NAPI, added by probe. */
    Napi napi;
    private final List<Irq> irqs = new ArrayList<>();

    ExampleNicOps(DeviceContext ctx, boolean msix) {
        this.ctx = ctx;
        this.msix = msix;
    }

    boolean msix() {
        return msix;
    }

    /** Two MSI-X vectors, {@code <dev>-rx} then {@code <dev>-tx}, else the INTx line; then {@code napi_enable}. */
    @Override
    public int ndoOpen(NetDevice dev) {
        try {
            if (msix) {
                irqs.add(ctx.requestIrq(0, dev.name() + "-rx", irq -> { }));
                irqs.add(ctx.requestIrq(1, dev.name() + "-tx", irq -> { }));
            } else {
                irqs.add(ctx.requestLegacyIrq(dev.name(), irq -> { }));
            }
        } catch (DriverException e) {
            freeIrqs(); // the error path frees what it took
            return -e.errno();
        }
        ctx.napiEnable(napi);
        return 0;
    }

    /** {@code napi_disable}, then {@code free_irq} for each, newest first. */
    @Override
    public void ndoStop(NetDevice dev) {
        ctx.napiDisable(napi);
        freeIrqs();
    }

    private void freeIrqs() {
        for (int i = irqs.size() - 1; i >= 0; i--) {
            ctx.freeIrq(irqs.get(i));
        }
        irqs.clear();
    }
}
