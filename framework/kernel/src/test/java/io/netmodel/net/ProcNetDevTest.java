package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.NodeStat;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/net/dev} byte for byte (kernel-interfaces.md §5.2, §9 fact 13;
 * net/core/net-procfs.c {@code dev_seq_show}): the two header lines, then
 * {@code "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu\n"}
 * per device in ifindex order, with rx_missed_errors folded into drop and four error counters
 * each into frame and carrier. Expected rows were produced with C-style printf.
 */
class ProcNetDevTest {
    private static final String HEADER =
        "Inter-|   Receive                                                |  Transmit\n"
        + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";
    private static final String LO_ZERO =
        "    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n";
    private static final String ETH0_ZERO =
        "  eth0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0\n";

    @Test
    void should_list_only_lo_on_a_bare_host() throws Exception {
        assertEquals(HEADER + LO_ZERO, Host.bare("6.19").read("/proc/net/dev"));
    }

    @Test
    void should_list_lo_then_eth0_in_ifindex_order() throws Exception {
        assertEquals(HEADER + LO_ZERO + ETH0_ZERO, Host.withEth0().read("/proc/net/dev"));
    }

    @Test
    void should_fold_missed_into_drop_and_the_error_counters_into_frame_and_carrier() throws Exception {
        Host host = Host.withEth0();
        NetStats s = host.kernel.netdevs().byName("eth0").stats();
        s.add(NetStats.RX_BYTES, 23617949);
        s.add(NetStats.RX_PACKETS, 1321);
        s.add(NetStats.RX_ERRORS, 7);
        s.add(NetStats.RX_DROPPED, 2);
        s.add(NetStats.RX_MISSED_ERRORS, 3);
        s.add(NetStats.RX_FIFO_ERRORS, 4);
        s.add(NetStats.RX_LENGTH_ERRORS, 1);
        s.add(NetStats.RX_OVER_ERRORS, 2);
        s.add(NetStats.RX_CRC_ERRORS, 3);
        s.add(NetStats.RX_FRAME_ERRORS, 4);
        s.add(NetStats.RX_COMPRESSED, 5);
        s.add(NetStats.MULTICAST, 6);
        s.add(NetStats.TX_BYTES, 123456);
        s.add(NetStats.TX_PACKETS, 789);
        s.add(NetStats.TX_ERRORS, 8);
        s.add(NetStats.TX_DROPPED, 9);
        s.add(NetStats.TX_FIFO_ERRORS, 11);
        s.add(NetStats.COLLISIONS, 12);
        s.add(NetStats.TX_CARRIER_ERRORS, 1);
        s.add(NetStats.TX_ABORTED_ERRORS, 2);
        s.add(NetStats.TX_WINDOW_ERRORS, 3);
        s.add(NetStats.TX_HEARTBEAT_ERRORS, 4);
        s.add(NetStats.TX_COMPRESSED, 13);
        s.add(NetStats.RX_NOHANDLER, 99); // not a /proc/net/dev column
        String eth0 =
            "  eth0: 23617949    1321    7    5    4    10          5         6   123456     789    8    9   11    12      10         13\n";
        assertEquals(HEADER + LO_ZERO + eth0, host.read("/proc/net/dev"));
        assertEquals("3\n", host.read("/sys/class/net/eth0/statistics/rx_crc_errors"),
            "sysfs keeps the unfolded counters");
        assertEquals("2\n", host.read("/sys/class/net/eth0/statistics/rx_dropped"));
    }

    @Test
    void should_widen_columns_rather_than_truncate_and_print_u64() throws Exception {
        Host host = Host.withEth0();
        NetStats s = host.kernel.netdevs().byName("eth0").stats();
        s.add(NetStats.RX_BYTES, -1L); // 2^64 - 1
        s.add(NetStats.RX_PACKETS, 12345678901L);
        String eth0 = "  eth0: 18446744073709551615 12345678901    0    0    0     0          0         0"
            + "        0       0    0    0    0     0       0          0\n";
        assertEquals(HEADER + LO_ZERO + eth0, host.read("/proc/net/dev"));
    }

    @Test
    void should_drop_the_row_when_the_device_unregisters() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        host.kernel.netdevs().byName("lo").stats().add(NetStats.RX_BYTES, 3193);
        host.kernel.netdevs().byName("lo").stats().add(NetStats.RX_PACKETS, 29);
        host.kernel.netdevs().byName("lo").stats().add(NetStats.TX_BYTES, 3193);
        host.kernel.netdevs().byName("lo").stats().add(NetStats.TX_PACKETS, 29);
        host.kernel.modules().driverGone(driver);
        assertEquals(HEADER
            + "    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0\n",
            host.read("/proc/net/dev"));
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0() throws Exception {
        NodeStat st = Host.bare("4.4").fs.stat("/proc/net/dev");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
    }
}
