package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DriverException;
import io.netmodel.api.netdev.NetDevice;
import io.netmodel.api.netdev.NetdevStatOps;

/**
 * A driver for the default host's virtio-net function with {@code queues} queue pairs that
 * installs {@code ops} as its {@code netdev_stat_ops} (null: none), for {@code qstats-get}.
 */
public final class StatOpsDriver extends VirtioIdDriver {
    final int queues;
    final NetdevStatOps ops;
    public NetDevice dev;

    public StatOpsDriver(int queues, NetdevStatOps ops) {
        super("statnet");
        this.queues = queues;
        this.ops = ops;
    }

    @Override
    public void probe(DeviceContext ctx) throws DriverException {
        dev = ctx.allocEtherdev(queues, queues);
        dev.setMacAddress(ctx.device().macAddress());
        dev.setStatOps(ops);
        ctx.registerNetdev(dev);
    }
}
