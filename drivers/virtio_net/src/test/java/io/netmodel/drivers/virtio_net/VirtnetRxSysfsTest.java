package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code queues/rx-N/virtio_net/mergeable_rx_buffer_size}: where it is, what it reads, since when. */
class VirtnetRxSysfsTest {
    private static final String RX = "/sys/class/net/eth0/queues/rx-";

    @Test
    void every_rx_queue_has_the_group_and_reads_the_idle_buffer_size() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 2, "virtio_net", 2);
        host.load(new VirtioNetDriver());
        for (int q = 0; q < 2; q++) {
            assertEquals(List.of("mergeable_rx_buffer_size"), host.list(RX + q + "/virtio_net"));
            assertEquals("1536\n", host.read(RX + q + "/virtio_net/mergeable_rx_buffer_size"));
        }
        assertFalse(host.list("/sys/class/net/eth0/queues/tx-0").contains("virtio_net"), "rx queues only");
        assertThrows(VfsException.class, () -> host.kernel().fs().open(RX + "0/virtio_net/mergeable_rx_buffer_size", true,
            io.netmodel.api.vfs.Caller.ROOT), "0444: no store");
    }

    @Test
    void a_queue_brought_into_use_by_ethtool_L_gets_the_group_too() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 4, "virtio_net", 4);
        host.load(new VirtioNetDriver());
        host.setChannels(ChannelParam.COMBINED, 1);
        assertFalse(host.exists(RX + "3"));
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals("1536\n", host.read(RX + "3/virtio_net/mergeable_rx_buffer_size"));
    }

    @Test
    void not_before_3_14() throws Exception {
        DriverHost old = DriverHost.boot("3.13", 2, "virtio_net");
        old.load(new VirtioNetDriver());
        assertFalse(old.exists(RX + "0/virtio_net"));
        DriverHost since = DriverHost.boot("3.14", 2, "virtio_net");
        since.load(new VirtioNetDriver());
        assertEquals("1536\n", since.read(RX + "0/virtio_net/mergeable_rx_buffer_size"));
    }

    @Test
    void the_size_follows_get_mergeable_buf_len() {
        assertEquals(1518, VirtnetRxSysfs.minBufLen());
        assertEquals(1536, VirtnetRxSysfs.mergeableBufLen(0));
        assertEquals(1536, VirtnetRxSysfs.mergeableBufLen(1518));
        assertEquals(1600, VirtnetRxSysfs.mergeableBufLen(1580)); // 1592 aligned up to 64
        assertEquals(4096, VirtnetRxSysfs.mergeableBufLen(65000)); // clamped to PAGE_SIZE - hdr_len
    }
}
