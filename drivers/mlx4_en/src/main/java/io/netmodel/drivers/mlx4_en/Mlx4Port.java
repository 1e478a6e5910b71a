package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetDeviceOps;
import java.util.ArrayList;
import java.util.List;

/**
 * The port's RX completion queues as {@code en_netdev.c} starts and stops them:
 * {@code mlx4_en_start_port} activates one CQ per RX ring ({@code mlx4_en_activate_cq} in
 * {@code en_cq.c}: assign an EQ, {@code netif_napi_add} — {@code netif_napi_add_config(cq->dev,
 * &cq->napi, mlx4_en_poll_rx_cq, cq_idx)} from 6.13 — then {@code napi_enable}), and
 * {@code mlx4_en_stop_port} deactivates them ({@code mlx4_en_deactivate_cq}: {@code napi_disable},
 * {@code netif_napi_del}). {@code ethtool -L} and {@code -G} restart the port around
 * {@code mlx4_en_safe_replace_resources}, so every RX NAPI is deleted and added again: with the
 * persistent config its id and per-NAPI settings come back, without it the ids are new.
 *
 * <p>mlx4_core keeps a completion EQ's IRQ once it has been assigned ({@code mlx4_release_eq}
 * only drops a reference: "once we allocated EQ, we don't release it because it might be binded to
 * cpu_rmap"; recalled, unverified), so a restart adds IRQs for newly used EQs and frees none.
 *
 * <p>The port is the netdev's {@code ndo_open}/{@code ndo_stop}: {@code mlx4_en_open} starts it,
 * {@code mlx4_en_close} stops it (recalled, not re-read: both take {@code mdev->state_lock} and call
 * {@code mlx4_en_start_port}/{@code mlx4_en_stop_port}; the ring changes restart only a port that is
 * up, {@code priv->port_up}). Verified in en_cq.c (the search tool's kernel sources and Joe Damato's
 * patches): {@code mlx4_en_activate_cq} adds the RX CQ's NAPI ({@code netif_napi_add}, from 6.13
 * {@code netif_napi_add_config(cq->dev, &cq->napi, mlx4_en_poll_rx_cq, cq_idx)}), sets its IRQ and
 * enables it. So mlx4_en's NAPIs exist only while the port is up: before 6.13 every ifup hashes new
 * NAPIs under new ids; from 6.13 the config gives the ids back. The EQ IRQs stay at ifdown.
 */
final class Mlx4Port implements NetDeviceOps {
    private final DeviceContext ctx;

    /** The kernel services of the device this driver instance is bound to. */
    DeviceContext ctx() {
        return ctx;
    }

    private final NetDevice netdev;
    private final Mlx4EqTable eqs;
    private final boolean oldBusyPoll;
    private final boolean napiConfig;
    private final List<Napi> rxCqNapis = new ArrayList<>();

    Mlx4Port(DeviceContext ctx, NetDevice netdev, Mlx4EqTable eqs, boolean oldBusyPoll) {
        this.ctx = ctx;
        this.netdev = netdev;
        this.eqs = eqs;
        this.oldBusyPoll = oldBusyPoll;
        this.napiConfig = ctx.kernel().has(Mlx4History.NAPI_CONFIG);
    }

    /** {@code mlx4_en_start_port}: one RX CQ, with its NAPI, per ring. */
    void start(int rxRings) throws DriverException {
        for (int ring = 0; ring < rxRings; ring++) {
            eqs.assignEq(ctx, ring % ctx.numOnlineCpus()); // the ring's affinity: cpumask_local_spread(ring)
            // The CQ and mlx4_en_poll_rx_cq's work belong to the receive-path simulation.
            Napi napi = napiConfig
                ? ctx.netifNapiAddConfig(netdev, (n, budget) -> 0, Mlx4Defaults.NAPI_WEIGHT, ring)
                : ctx.netifNapiAdd(netdev, (n, budget) -> 0, Mlx4Defaults.NAPI_WEIGHT);
            if (oldBusyPoll) {
                ctx.napiHashAdd(napi); // 3.11-4.4
            }
            ctx.napiEnable(napi);
            rxCqNapis.add(napi);
        }
    }

    /** {@code mlx4_en_stop_port}: every RX CQ deactivated ({@code napi_disable}, {@code netif_napi_del}). */
    void stop() {
        for (int i = rxCqNapis.size() - 1; i >= 0; i--) {
            ctx.napiDisable(rxCqNapis.get(i));
            ctx.netifNapiDel(rxCqNapis.get(i));
        }
        rxCqNapis.clear();
    }

    /** {@code mlx4_en_open}: {@code mlx4_en_start_port} with the real RX ring count; the link comes up. */
    @Override
    public int ndoOpen(NetDevice dev) {
        try {
            start(netdev.realNumRxQueues());
        } catch (DriverException e) {
            stop();
            return -e.errno();
        }
        ctx.log(netdev.name() + ": Link Up");
        netdev.setSpeed(ctx.device().linkSpeed());
        return 0;
    }

    /** {@code mlx4_en_close}: {@code mlx4_en_stop_port}. */
    @Override
    public void ndoStop(NetDevice dev) {
        stop();
    }

    /**
     * The port restart of {@code mlx4_en_set_channels} ({@code mlx4_en_stop_port},
     * {@code mlx4_en_safe_replace_resources}, {@code netif_set_real_num_rx_queues}/{@code _tx_queues},
     * the two "Using %d ... rings" warnings, {@code mlx4_en_start_port}), stopping and starting only
     * a port that is up; {@code mlx4_en_set_ringparam}
     * does the same without touching the ring counts.
     */
    void restart(int txRings, int rxRings, boolean ringCountsChanged) throws EthtoolException {
        boolean portUp = netdev.netifRunning();
        if (portUp) {
            stop();
        }
        if (ringCountsChanged) {
            netdev.setRealNumQueues(txRings, rxRings);
            ctx.log("Port " + Mlx4Defaults.PORTS + ": Using " + txRings + " TX rings");
            ctx.log("Port " + Mlx4Defaults.PORTS + ": Using " + rxRings + " RX rings");
        }
        if (!portUp) {
            return;
        }
        try {
            start(rxRings);
        } catch (DriverException e) {
            ctx.log("Failed starting port");
            throw new EthtoolException(e.errno());
        }
    }
}
