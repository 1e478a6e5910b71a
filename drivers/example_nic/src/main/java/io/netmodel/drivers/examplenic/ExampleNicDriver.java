package io.netmodel.drivers.examplenic;

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
 * examplenic: the driver kit's example, a simple fictional NIC (drivers/README.md, "Write a
 * driver model in 15 minutes"). It compiles against {@code netmodel-api} only.
 *
 * <p>The hardware ({@code NicModel.EXAMPLENIC}, {@code --nic examplenic}): PCI id
 * {@code feed:0001} (fictional, chosen to collide with no real device), one RX/TX queue pair,
 * an MSI-X table of two vectors, 1000 Mb/s.
 *
 * <p>The probe follows the usual shape of a PCI NIC's {@code *_probe}: {@code alloc_etherdev},
 * MAC from the device, MTU range, {@code netdev_ops} ({@link ExampleNicOps}), one
 * {@code netif_napi_add}, {@code pci_alloc_irq_vectors} (falling back to the INTx line),
 * {@code register_netdev}. Bringing the device up ({@code ndo_open}) requests two IRQs named
 * {@code eth0-rx} and {@code eth0-tx} (after registration, so the name is final) and enables the
 * NAPI; bringing it down undoes both.
 * Its history: it had {@code ndo_busy_poll} from 3.14 and hashed its NAPI itself until the core
 * did it in {@code netif_napi_add} (4.5), like ixgbe. Its quirk: the NAPI weight is the module
 * parameter {@code rx_weight}, capped at 32 ({@link ExampleNicParams#MAX_WEIGHT}) with a log line.
 *
 * <p>Everything taken through the {@link DeviceContext} is device-managed, so there is no
 * {@code remove}: the core frees IRQs, NAPI and netdev in reverse order on unbind.
 */
@Component(service = NetDriver.class)
public final class ExampleNicDriver implements NetDriver {
    static final int VENDOR = 0xfeed;
    static final int DEVICE = 0x0001;
    /** {@code ETH_MIN_MTU}. */
    static final int MIN_MTU = 68;
    /** Largest frame the (fictional) MAC accepts, minus the Ethernet header. */
    static final int MAX_MTU = 3000;

    @Override
    public String name() {
        return "examplenic";
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from the driver kit. */
    @Override
    public String description() {
        return "netmodel driver kit example NIC";
    }

    @Override
    public java.util.List<String> authors() {
        return java.util.List.of("The netmodel developers");
    }

    @Override
    public String license() {
        return "GPL";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public List<DeviceId> idTable() {
        return List.of(DeviceId.pci(VENDOR, DEVICE));
    }

    @Override
    public List<ModuleParam> parameters() {
        return ExampleNicParams.ALL;
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        BusDevice pdev = ctx.device();
        KernelProfile kernel = ctx.kernel();
        int weight = ExampleNicParams.weight(ctx);

        NetDevice dev = ctx.allocEtherdev(1, 1);
        dev.setMacAddress(pdev.macAddress());
        dev.setMtuRange(MIN_MTU, MAX_MTU);
        dev.setSpeed(pdev.linkSpeed());

        ExampleNicOps ops = new ExampleNicOps(ctx, ctx.pciAllocIrqVectors(2, 2) == 2);
        if (!ops.msix()) {
            ctx.log("no MSI-X; using the INTx line");
        }
        dev.setNetdevOps(ops); // before netif_napi_add: its NAPIs start disabled until ndo_open
        // The receive ring comes with the receive-path simulation; until then it is empty.
        Napi napi = ctx.netifNapiAdd(dev, (n, budget) -> 0, weight);
        ops.napi = napi;
        if (kernel.has(ExampleNicHistory.BUSY_POLL) && !kernel.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
            ctx.napiHashAdd(napi); // 3.14-4.4: drivers with ndo_busy_poll hashed their NAPIs
        }
        if (kernel.has(ExampleNicHistory.BUSY_POLL) && !kernel.has(Behaviour.NDO_BUSY_POLL_REMOVED)) {
            dev.setNdoBusyPoll(n -> 0);
        }
        ctx.registerNetdev(dev);
        ctx.log(dev.name() + ": examplenic, NAPI weight " + weight);
    }
}
