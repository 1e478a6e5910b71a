package io.netmodel.drivers.mlx4_en;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.net.NetDeviceImpl;
import org.junit.jupiter.api.Test;

/**
 * mlx4_en's {@code qstats-get} ({@link Mlx4Qstats}, 6.11): RX ring packets and bytes, a device
 * total while the port is up and nothing while it is down ({@code !priv->port_up}); 6.10 has no
 * {@code stat_ops}.
 */
class Mlx4QstatsTest {
    private static DriverHost host(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 4, "mlx4_en");
        host.load(new Mlx4EnDriver());
        NetDeviceImpl eth0 = host.netdev("eth0");
        for (int q = 0; q < eth0.realNumRxQueues(); q++) {
            eth0.rxQueue(q).packets = 1000 * (q + 1);
            eth0.rxQueue(q).bytes = 64000 * (q + 1);
        }
        return host;
    }

    @Test
    void rings_and_total_while_the_port_is_up() throws Exception {
        DriverHost host = host("6.11");
        var f = host.kernel().netdevFamily();
        int rings = host.netdev("eth0").realNumRxQueues();
        assertEquals(4, rings, "min(comp vectors, DEF_RX_RINGS) rounded down to a power of two on 4 CPUs");
        assertEquals("{ifindex=2, queue-type=0, queue-id=1, rx-packets=2000, rx-bytes=128000}",
            f.dumpit("qstats-get", DriverHost.attrs("ifindex", 2, "scope", 1)).get(1).toString());
        assertEquals("[{ifindex=2, rx-packets=10000, rx-bytes=640000}]", f.dumpit("qstats-get", DriverHost.attrs()).toString());
        host.setUp("eth0", false);
        assertEquals("[]", f.dumpit("qstats-get", DriverHost.attrs()).toString(), "port down: nothing reported");
        assertEquals("[]", f.dumpit("qstats-get", DriverHost.attrs("scope", 1)).toString());
    }

    @Test
    void no_stat_ops_in_6_10() throws Exception {
        var f = host("6.10").kernel().netdevFamily();
        NetlinkException e = assertThrows(NetlinkException.class, () -> f.dumpit("qstats-get", DriverHost.attrs("ifindex", 2)));
        assertEquals(Errno.EOPNOTSUPP, e.errno());
    }
}
