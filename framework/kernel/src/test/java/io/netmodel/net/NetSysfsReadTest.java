package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Read formats of {@code /sys/class/net/<dev>/*} on a 6.19 host with eth0 (test driver on the
 * virtio-net function) and lo: kernel-interfaces.md §2.1, §2.3, §2.5. Read-only: one host.
 */
class NetSysfsReadTest {
    private static Host host;

    @BeforeAll
    static void boot() {
        host = Host.withEth0();
    }

    @ParameterizedTest(name = "{0}/{1} = \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "eth0 | address            | 52:54:00:12:34:56\\n",
        "eth0 | broadcast          | ff:ff:ff:ff:ff:ff\\n",
        "eth0 | addr_len           | 6\\n",
        "eth0 | addr_assign_type   | 0\\n",
        "eth0 | name_assign_type   | 1\\n",
        "eth0 | flags              | 0x1003\\n",
        "eth0 | mtu                | 1500\\n",
        "eth0 | tx_queue_len       | 1000\\n",
        "eth0 | type               | 1\\n",
        "eth0 | ifindex            | 2\\n",
        "eth0 | iflink             | 2\\n",
        "eth0 | dev_id             | 0x0\\n",
        "eth0 | operstate          | up\\n",
        "eth0 | carrier            | 1\\n",
        "eth0 | dormant            | 0\\n",
        "eth0 | testing            | 0\\n",
        "eth0 | speed              | -1\\n",
        "eth0 | duplex             | unknown\\n",
        "eth0 | gro_flush_timeout  | 0\\n",
        "eth0 | napi_defer_hard_irqs | 0\\n",
        "eth0 | threaded           | 0\\n",
        "eth0 | netdev_group       | 0\\n",
        "eth0 | uevent             | INTERFACE=eth0\\nIFINDEX=2\\n",
        "eth0 | statistics/rx_packets | 0\\n",
        "lo   | address            | 00:00:00:00:00:00\\n",
        "lo   | flags              | 0x9\\n",
        "lo   | mtu                | 65536\\n",
        "lo   | type               | 772\\n",
        "lo   | ifindex            | 1\\n",
        "lo   | operstate          | unknown\\n",
    })
    void should_render_the_kernel_format(String dev, String attr, String expected) throws Exception {
        assertEquals(expected.replace("\\n", "\n"), host.read("/sys/class/net/" + dev + "/" + attr));
    }

    @Test
    void should_read_an_unset_ifalias_as_zero_bytes() throws Exception {
        assertEquals("", host.read("/sys/class/net/eth0/ifalias"));
        assertEquals("", host.read("/sys/class/net/lo/ifalias"));
    }

    @ParameterizedTest(name = "lo/{0} -> EINVAL (no get_link_ksettings)")
    @CsvSource({"speed", "duplex"})
    void should_fail_link_settings_on_lo_with_EINVAL(String attr) {
        assertEquals(Errno.EINVAL, errno(() -> host.read("/sys/class/net/lo/" + attr)));
    }

    @Test
    void should_list_the_24_statistics_files() throws Exception {
        List<String> names = host.fs.list("/sys/class/net/eth0/statistics");
        assertEquals(24, names.size());
        Set<String> expected = Set.of("rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors",
            "tx_errors", "rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
            "rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors", "rx_missed_errors",
            "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors", "tx_heartbeat_errors",
            "tx_window_errors", "rx_compressed", "tx_compressed", "rx_nohandler");
        assertEquals(new TreeSet<>(expected), new TreeSet<>(names));
        assertEquals(24, host.fs.list("/sys/class/net/lo/statistics").size());
    }

    @Test
    void should_give_eth0_a_device_link_and_lo_none() throws Exception {
        List<String> eth0 = host.fs.list("/sys/class/net/eth0");
        List<String> lo = host.fs.list("/sys/class/net/lo");
        assertEquals(true, eth0.contains("device"));
        assertEquals(true, eth0.contains("subsystem"));
        assertEquals(false, lo.contains("device"));
        assertEquals(true, lo.contains("subsystem"));
    }

    @Test
    void should_list_class_net_in_registration_order() throws Exception {
        assertEquals(List.of("lo", "eth0"), host.fs.list("/sys/class/net"));
    }
}
