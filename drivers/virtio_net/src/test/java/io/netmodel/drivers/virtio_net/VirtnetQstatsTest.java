package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.net.NetDeviceImpl;
import org.junit.jupiter.api.Test;

/**
 * virtio_net's {@code qstats-get} ({@link VirtnetQstats}): RX packets and bytes per queue; the
 * device total counts the queues {@code ethtool -L} took out of use from 6.15 (upstream
 * 001160ec8c59), not before; nothing before 6.10.
 */
class VirtnetQstatsTest {
    private static DriverHost host(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 4, "virtio_net", 4);
        host.load(new VirtioNetDriver());
        NetDeviceImpl eth0 = host.netdev("eth0");
        for (int q = 0; q < 4; q++) {
            eth0.rxQueue(q).packets = 1 + q;
            eth0.rxQueue(q).bytes = 64 * (1 + q);
        }
        return host;
    }

    @Test
    void queue_and_device_scope_on_6_19() throws Exception {
        DriverHost host = host("6.19");
        var f = host.kernel().netdevFamily();
        assertEquals("{ifindex=2, queue-type=0, queue-id=3, rx-packets=4, rx-bytes=256}",
            f.dumpit("qstats-get", DriverHost.attrs("scope", 1)).get(3).toString());
        assertEquals(4, f.dumpit("qstats-get", DriverHost.attrs("scope", 1)).size(), "no TX queue: the model counts no TX");
        assertEquals("[{ifindex=2, rx-packets=10, rx-bytes=640}]", f.dumpit("qstats-get", DriverHost.attrs()).toString());
    }

    @Test
    void disabled_queues_count_in_the_total_from_6_15() throws Exception {
        DriverHost h615 = host("6.15");
        h615.setChannels(ChannelParam.COMBINED, 1);
        assertEquals("[{ifindex=2, rx-packets=10, rx-bytes=640}]",
            h615.kernel().netdevFamily().dumpit("qstats-get", DriverHost.attrs()).toString());
        assertEquals(1, h615.kernel().netdevFamily().dumpit("qstats-get", DriverHost.attrs("scope", 1)).size());
        DriverHost h614 = host("6.14");
        h614.setChannels(ChannelParam.COMBINED, 1);
        assertEquals("[{ifindex=2, rx-packets=1, rx-bytes=64}]",
            h614.kernel().netdevFamily().dumpit("qstats-get", DriverHost.attrs()).toString());
    }

    @Test
    void none_before_6_10() throws Exception {
        assertEquals("[]", host("6.9").kernel().netdevFamily().dumpit("qstats-get", DriverHost.attrs("scope", 1)).toString());
    }
}
