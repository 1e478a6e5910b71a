package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.net.NapiImpl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ethtool -L combined N} on virtio_net: only the real queue counts change; every queue pair's
 * RX NAPI was added at probe and enabled at open, so the NAPI ids stay, and from 6.15 each queue
 * that comes into use already shows its {@code napi-id} (as in the commit message of "virtio_net:
 * Use persistent NAPI config", where {@code -L combined 8} after 1 lists ids for queues 0-7).
 */
class VirtioNetQueuesTest {

    @Test
    void ethtool_L_keeps_the_napis_and_links_every_queue_on_6_15() throws Exception {
        DriverHost host = DriverHost.boot("6.15", 2, "virtio_net", 4);
        host.load(new VirtioNetDriver());
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        host.setChannels(ChannelParam.COMBINED, 1);
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        assertEquals(260L, host.kernel().netdevFamily().doit("queue-get", DriverHost.attrs("ifindex", 2, "id", 3, "type", 0))
            .get("napi-id"));
        for (int q = 0; q < 4; q++) {
            assertEquals(q, ((NapiImpl) host.netdev("eth0").napis().get(q)).index(), "netif_napi_add_config(..., i)");
        }
    }

    @Test
    void before_6_15_no_config_and_no_links() throws Exception {
        DriverHost host = DriverHost.boot("6.14", 2, "virtio_net", 4);
        host.load(new VirtioNetDriver());
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals(-1, ((NapiImpl) host.netdev("eth0").napis().get(0)).index());
        assertFalse(host.kernel().netdevFamily().doit("queue-get", DriverHost.attrs("ifindex", 2, "id", 3, "type", 0))
            .containsKey("napi-id"));
    }
}
