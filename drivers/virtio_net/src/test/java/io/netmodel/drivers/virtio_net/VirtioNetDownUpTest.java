package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.drivers.testkit.DownUp;
import io.netmodel.drivers.testkit.DriverHost;
import io.netmodel.api.netlink.NetlinkException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code ip link set eth0 down/up} on virtio_net: the virtqueue vectors were requested at probe and
 * stay; {@code virtnet_close}/{@code virtnet_open} only disable and enable the RX NAPIs. Their ids
 * survive through 6.12, are new at every up on 6.13 and 6.14, and come back from 6.15, when
 * virtio_net adds them with {@code netif_napi_add_config} ({@link VirtioNetHistory#NAPI_CONFIG}).
 */
class VirtioNetDownUpTest {
    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.14", "6.18"})
    void the_vectors_stay(String kernel) throws Exception {
        DownUp r = DownUp.run(kernel, 2, "virtio_net", new VirtioNetDriver());
        assertEquals(r.irqsUp(), r.irqsDown(), "vp_find_vqs' vectors belong to probe");
        r.assertIrqsBack();
        assertEquals(1, r.napisDown(), "one queue pair, its NAPI stays");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.15", "6.18"})
    void ids_are_kept_before_6_13_and_with_napi_config(String kernel) throws Exception {
        DownUp.run(kernel, 2, "virtio_net", new VirtioNetDriver()).assertIdsKept();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.13", "6.14"})
    void ids_are_new_on_6_13_and_6_14(String kernel) throws Exception {
        DownUp.run(kernel, 2, "virtio_net", new VirtioNetDriver()).assertIdsNew();
    }

    /** netdev_nl_queue_fill: ENOENT for a device that is down; after the up the link to the NAPI is back. */
    @Test
    void queue_get_follows_the_device() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "virtio_net");
        host.load(new VirtioNetDriver());
        int ifindex = host.netdev("eth0").ifindex();
        var family = host.kernel().netdevFamily();
        Executable queue0 = () -> family.doit("queue-get", DriverHost.attrs("ifindex", ifindex, "id", 0, "type", 0));
        assertEquals(257L, family.doit("queue-get", DriverHost.attrs("ifindex", ifindex, "id", 0, "type", 0)).get("napi-id"));
        host.setUp("eth0", false);
        assertEquals(io.netmodel.api.vfs.Errno.ENOENT, assertThrows(NetlinkException.class, queue0).errno());
        assertEquals(io.netmodel.api.vfs.Errno.ENOENT, assertThrows(NetlinkException.class,
            () -> family.doit("napi-get", DriverHost.attrs("id", 257))).errno(), "napi_disable took 257 out of the hash");
        host.setUp("eth0", true);
        assertEquals(257L, family.doit("queue-get", DriverHost.attrs("ifindex", ifindex, "id", 0, "type", 0)).get("napi-id"));
        assertEquals(257L, family.doit("napi-get", DriverHost.attrs("id", 257)).get("id"));
    }
}
