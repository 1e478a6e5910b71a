package io.netmodel.drivers.idpf;

import io.netmodel.api.driver.BusDevice;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.vfs.Errno;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * idpf: Intel Infrastructure Data Path Function ({@code drivers/net/ethernet/intel/idpf/}), the
 * NIC of cloud VMs on the IPU E2000 and, per xsk_rr-notes.md, of seed 001's measurements.
 *
 * <p>As in Linux: {@code idpf_probe} binds the function and {@code idpf_init_task} does the rest.
 * {@code idpf_intr_req} allocates MSI-X (the mailbox vector plus queue vectors, at least
 * {@code IDPF_MBX_Q_VEC + IDPF_MIN_Q_VEC}; no INTx or MSI fallback) and requests entry 0 as
 * {@code idpf-Mailbox-0} before any netdev exists. The default vport may have
 * {@code IDPF_MAX_Q} queues of each kind ({@code idpf_vport_alloc_max_qs}) and starts with one
 * per online CPU ({@code idpf_vport_calc_total_qs}); {@code idpf_cfg_netdev} allocates the netdev
 * with the maximum and registers it. {@code idpf_open} ({@code idpf_vport_open}, the
 * {@code ndo_open}: {@link IdpfVport#ndoOpen}) then allocates
 * one q_vector per queue (max of RX and TX, bounded by the vectors granted), adds one NAPI per
 * q_vector with {@code netif_napi_add} ({@code netif_napi_add_config} indexed by q_vector from
 * {@link IdpfHistory#NAPI_CONFIG}; weight 64; no {@code napi_hash_add}, no
 * {@code ndo_busy_poll}: idpf came after both were gone) and requests their IRQs as
 * {@code idpf-eth0-TxRx-<vidx>} ({@link IdpfQVector#name}). A soft reset ({@code ethtool -L}, {@code -G})
 * stops the vport and opens it again ({@link IdpfVport#open}, {@link IdpfVport#stop}).
 *
 * <p>Unlike Linux: one vport (the default); no control-plane messages, so the queue, vector and
 * MTU limits are those a default vport gets from a control plane that offers the NIC model's
 * queues; split-queue mode only; no PTP, flow steering, RSS or XDP. There is no idpf
 * before 6.7 ({@link IdpfHistory#DRIVER}): the bind fails with -ENODEV.
 */
@Component(service = NetDriver.class)
public final class IdpfDriver implements NetDriver {
    /** {@code idpf_pci_tbl}: {@code IDPF_DEV_ID_PF} and {@code IDPF_DEV_ID_VF} ({@code idpf_devids.h}); the class match of later releases is not modelled. */
    private static final List<DeviceId> ID_TABLE = List.of(DeviceId.pci(0x8086, 0x1452), DeviceId.pci(0x8086, 0x145c));

    /** The vport of each bound device, by bus address. */
    private final Map<String, IdpfVport> vports = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "idpf";
    }

    /** {@code MODULE_DESCRIPTION}, as modinfo prints it from idpf_main.c (6.7+). */
    @Override
    public String description() {
        return "Intel(R) Infrastructure Data Path Function Linux Driver";
    }

    @Override
    public String license() {
        return "GPL";
    }

    @Override
    public String version() {
        return IdpfDefaults.DRV_VERSION;
    }

    @Override
    public List<DeviceId> idTable() {
        return ID_TABLE;
    }

    /** {@code idpf_probe}, {@code idpf_init_task}; the core's ifup then runs {@code idpf_open}. */
    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        if (!ctx.kernel().has(IdpfHistory.DRIVER)) {
            throw new DriverException(Errno.ENODEV, "no idpf in Linux " + ctx.kernel().version() + " (added in 6.7)");
        }
        BusDevice pdev = ctx.device();
        int cpus = ctx.numOnlineCpus();
        // idpf_vport_alloc_max_qs, idpf_vport_calc_total_qs: one queue of each kind per CPU.
        int maxQ = Math.max(1, Math.min(IdpfDefaults.MAX_Q, pdev.maxQueuePairs()));
        int numQ = Math.min(cpus, maxQ);

        // idpf_intr_req: the mailbox plus one vector per queue the vport wants.
        int min = IdpfDefaults.MBX_Q_VEC + IdpfDefaults.MIN_Q_VEC;
        int got = ctx.pciAllocIrqVectors(min, IdpfDefaults.MBX_Q_VEC + numQ);
        if (got == 0) {
            ctx.log("Failed to allocate minimum MSIX vectors required: " + min); // wording recalled
            throw new DriverException(Errno.ENOSPC, "no MSI-X"); // pci_alloc_irq_vectors: -ENOSPC
        }
        ctx.requestIrq(0, "idpf-Mailbox-0", irq -> { }); // idpf_mb_intr_req_irq

        // idpf_vport_alloc -> idpf_cfg_netdev
        NetDevice netdev = ctx.allocEtherdev(maxQ, maxQ);
        netdev.setMacAddress(pdev.macAddress());
        netdev.setMtuRange(IdpfDefaults.MIN_MTU, IdpfDefaults.MAX_MTU);
        IdpfVport vport = new IdpfVport(ctx, netdev, maxQ, maxQ, numQ, numQ);
        netdev.setNetdevOps(vport); // idpf_netdev_ops: idpf_open, idpf_stop
        netdev.setEthtoolOps(new IdpfEthtool(vport, ctx.kernel())); // idpf_set_ethtool_ops
        netdev.setRxDim(IdpfDefaults.rxDim()); // idpf_net_dim from the NAPI poll when adaptive-rx is on
        netdev.setRealNumQueues(numQ, numQ); // idpf_set_real_num_queues, before queues/ is shown
        ctx.registerNetdev(netdev);
        vports.put(pdev.busAddress(), vport);

        vport.queueVectors = got - IdpfDefaults.MBX_Q_VEC;
    }

    @Override
    public void remove(DeviceContext ctx) {
        vports.remove(ctx.device().busAddress());
    }
}
