package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetdevStatOps;
import java.util.List;

/**
 * A driver for the default host's virtio-net function with {@code queues} queue pairs that
 * installs {@code ops} as its {@code netdev_stat_ops} (null: none), for {@code qstats-get}.
 */
public final class StatOpsDriver implements NetDriver {
    final int queues;
    final NetdevStatOps ops;
    public NetDevice dev;

    public StatOpsDriver(int queues, NetdevStatOps ops) {
        this.queues = queues;
        this.ops = ops;
    }

    @Override
    public String name() {
        return "statnet";
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public List<DeviceId> idTable() {
        return List.of(DeviceId.pci(0x1af4, 0x1041));
    }

    @Override
    public List<ModuleParam> parameters() {
        return List.of();
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        dev = ctx.allocEtherdev(queues, queues);
        dev.setMacAddress(ctx.device().macAddress());
        dev.setStatOps(ops);
        ctx.registerNetdev(dev);
    }
}
