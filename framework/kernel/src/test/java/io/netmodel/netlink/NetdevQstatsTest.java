package io.netmodel.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.netdev.NetdevStatOps;
import io.netmodel.api.netdev.QueueStatsRx;
import io.netmodel.api.netdev.QueueStatsTx;
import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.testkit.Attrs;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.StatOpsDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code qstats-get} after {@code netdev_nl_qstats_get_dumpit} (net/core/netdev-genl.c): the two
 * scopes, counters a driver does not set, the base stats, devices without {@code stat_ops}, down
 * devices, the ifindex filter and the policy, per release.
 */
class NetdevQstatsTest {
    /** RX: ring packets and bytes; TX: only queue 1 reports, and only {@code stop}; base: RX 0 and hw-drops 5. */
    static final NetdevStatOps OPS = new NetdevStatOps(
        (dev, i, rx) -> {
            rx.packets = dev.rxQueuePackets(i);
            rx.bytes = dev.rxQueueBytes(i);
        },
        (dev, i, tx) -> {
            if (i == 1) {
                tx.stop = 7;
            }
        },
        (dev, rx, tx) -> {
            rx.packets = 0;
            rx.bytes = 0;
            rx.hwDrops = 5;
        });

    private static Host host(String version, NetdevStatOps ops) {
        Host h = Host.with(version, 2, 3, new StatOpsDriver(3, ops));
        NetDeviceImpl eth0 = h.kernel.netdevs().byName("eth0");
        for (int q = 0; q < 3; q++) {
            eth0.rxQueue(q).packets = 10 * (q + 1);
            eth0.rxQueue(q).bytes = 640 * (q + 1);
        }
        return h;
    }

    private static NetlinkException nlerr(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(NetlinkException.class, e);
    }

    @Test
    void queue_scope_lists_each_queue_that_reports_something() throws Exception {
        NetdevFamily f = host("6.19", OPS).kernel.netdevFamily();
        assertEquals("[{ifindex=2, queue-type=0, queue-id=0, rx-packets=10, rx-bytes=640}, "
            + "{ifindex=2, queue-type=0, queue-id=1, rx-packets=20, rx-bytes=1280}, "
            + "{ifindex=2, queue-type=0, queue-id=2, rx-packets=30, rx-bytes=1920}, "
            + "{ifindex=2, queue-type=1, queue-id=1, tx-stop=7}]",
            f.dumpit("qstats-get", Attrs.of("scope", 1)).toString(), "TX queues 0 and 2 report nothing: no message");
    }

    @Test
    void device_scope_is_the_base_plus_the_active_queues() throws Exception {
        Host h = host("6.19", OPS);
        NetdevFamily f = h.kernel.netdevFamily();
        // tx-stop: the queues report it, the base does not, so the sum stays unset
        assertEquals("[{ifindex=2, rx-packets=60, rx-bytes=3840, rx-hw-drops=5}]", f.dumpit("qstats-get", Attrs.of()).toString());
        h.kernel.netdevs().byName("eth0").setRealNumQueues(1, 2);
        assertEquals("[{ifindex=2, rx-packets=30, rx-bytes=1920, rx-hw-drops=5}]",
            f.dumpit("qstats-get", Attrs.of("scope", 0)).toString(), "queue 2 is no longer summed");
        assertEquals(2, f.dumpit("qstats-get", Attrs.of("scope", 1)).size(), "nor listed");
    }

    @Test
    void without_base_stats_or_with_an_empty_base_no_device_message() throws Exception {
        NetdevStatOps noBase = new NetdevStatOps(OPS.getQueueStatsRx(), null, null);
        assertEquals("[]", host("6.19", noBase).kernel.netdevFamily().dumpit("qstats-get", Attrs.of()).toString());
        NetdevStatOps emptyBase = new NetdevStatOps(OPS.getQueueStatsRx(), null, (dev, rx, tx) -> { });
        assertEquals("[]", host("6.19", emptyBase).kernel.netdevFamily().dumpit("qstats-get", Attrs.of()).toString());
        assertEquals(3, host("6.19", noBase).kernel.netdevFamily().dumpit("qstats-get", Attrs.of("scope", 1)).size(),
            "the queues are listed all the same");
    }

    @Test
    void a_device_that_is_down_lists_no_queues_but_keeps_its_total() throws Exception {
        Host h = host("6.19", OPS);
        h.kernel.rtnl().setUp("eth0", false);
        NetdevFamily f = h.kernel.netdevFamily();
        assertEquals("[]", f.dumpit("qstats-get", Attrs.of("scope", 1)).toString());
        assertEquals("[{ifindex=2, rx-packets=60, rx-bytes=3840, rx-hw-drops=5}]", f.dumpit("qstats-get", Attrs.of()).toString());
    }

    @Test
    void ifindex_filter_and_its_errors() throws Exception {
        NetdevFamily f = host("6.19", OPS).kernel.netdevFamily();
        assertEquals(f.dumpit("qstats-get", Attrs.of("scope", 1)), f.dumpit("qstats-get", Attrs.of("ifindex", 2, "scope", 1)));
        NetlinkException lo = nlerr(() -> f.dumpit("qstats-get", Attrs.of("ifindex", 1)));
        assertEquals(Errno.EOPNOTSUPP, lo.errno(), "lo has no stat_ops");
        assertEquals(new Extack(null, "ifindex", null, null), lo.extack());
        NetlinkException none = nlerr(() -> f.dumpit("qstats-get", Attrs.of("ifindex", 3)));
        assertEquals(Errno.ENODEV, none.errno());
        assertEquals(new Extack(null, "ifindex", null, null), none.extack());
        NetlinkException zero = nlerr(() -> f.dumpit("qstats-get", Attrs.of("ifindex", 0)));
        assertEquals(Errno.ERANGE, zero.errno(), "NLA_POLICY_MIN(NLA_U32, 1)");
    }

    @Test
    void scope_is_a_mask_of_one_bit() {
        NetdevFamily f = host("6.19", OPS).kernel.netdevFamily();
        NetlinkException e = nlerr(() -> f.dumpit("qstats-get", Attrs.of("scope", 2)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(new Extack("reserved bit set", "scope", null, null), e.extack());
        NetlinkException counter = nlerr(() -> f.dumpit("qstats-get", Attrs.of("rx-packets", 1)));
        assertEquals(new Extack("Unknown attribute type", "rx-packets", null, null), counter.extack());
        NetlinkException qid = nlerr(() -> f.dumpit("qstats-get", Attrs.of("queue-id", 1)));
        assertEquals(new Extack("Unsupported attribute", "queue-id", null, null), qid.extack());
        assertEquals(Errno.EOPNOTSUPP, nlerr(() -> f.doit("qstats-get", Attrs.of())).errno(), "dump only");
    }

    @Test
    void releases() throws Exception {
        NetdevFamily f69 = host("6.9", OPS).kernel.netdevFamily();
        assertEquals(4, f69.dumpit("qstats-get", Attrs.of("scope", 1)).size());
        NetlinkException e = nlerr(() -> f69.dumpit("qstats-get", Attrs.of("ifindex", 2)));
        assertEquals(new Extack("Unsupported attribute", "ifindex", null, null), e.extack(), "no ifindex before 6.10");
        assertEquals(Errno.EOPNOTSUPP, nlerr(() -> host("6.8", OPS).kernel.netdevFamily().dumpit("qstats-get", Attrs.of())).errno());
    }

    @Test
    void stats_add_skips_unset_counters_on_either_side() {
        QueueStatsRx sum = new QueueStatsRx();
        sum.packets = 1;
        QueueStatsRx add = new QueueStatsRx();
        add.packets = 2;
        add.bytes = 64;
        sum.add(add);
        assertEquals(3, sum.packets);
        assertEquals(QueueStatsRx.NOT_SET, sum.bytes);
        QueueStatsTx tx = new QueueStatsTx();
        assertEquals(false, tx.anySet());
    }
}
