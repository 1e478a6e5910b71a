package io.netmodel.net;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.kobj.Bitmap;
import io.netmodel.kobj.KAttr;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code queues/tx-N/}: {@code tx_timeout}, {@code traffic_class}, {@code xps_cpus},
 * {@code xps_rxqs}, {@code tx_maxrate} (kernel-interfaces.md §2.6): single-queue devices refuse
 * XPS and traffic classes with ENOENT, multiqueue ones (4 tx, 2 rx here) take CPU masks over
 * nr_cpu_ids and rx-queue masks over num_rx_queues.
 */
class QueueSysfsTxTest {
    private static final String Q = "/sys/class/net/eth0/queues/";
    private static final Caller USER = new Caller(1000, 1000, 1);

    private static Host multiqueue() {
        return Host.with("6.19", TinyDriver.multiqueue(4, 2));
    }

    private static TxQueue tx(Host host, int index) {
        return host.kernel.netdevs().byName("eth0").txQueues().get(index);
    }

    private static KAttr attr(Host host, String path) throws Exception {
        return (KAttr) host.kernel.tree().lookupFollow(path);
    }

    @ParameterizedTest(name = "{0}: tx_timeout reads \"{1}\"")
    @CsvSource({"6.19, 0\\n", "5.8, 0\\n", "5.7, 0", "4.4, 0"})
    void should_print_tx_timeout_with_a_newline_from_5_8(String version, String expected) throws Exception {
        Host host = Host.with(version, TinyDriver.plain());
        assertEquals(expected.replace("\\n", "\n"), host.read(Q + "tx-0/tx_timeout"));
    }

    @ParameterizedTest(name = "single-queue {0}: read and write -> ENOENT")
    @ValueSource(strings = {"/sys/class/net/eth0/queues/tx-0/xps_cpus", "/sys/class/net/lo/queues/tx-0/xps_cpus"})
    void should_refuse_xps_cpus_on_a_single_queue_device(String path) throws Exception {
        Host host = Host.withEth0();
        assertEquals(Errno.ENOENT, errno(() -> host.read(path)));
        assertEquals(Errno.ENOENT, errno(() -> host.write(path, "1")));
        assertEquals(Errno.ENOENT, errno(() -> attr(host, path).store(bytes("1"), USER)), "ENOENT before EPERM");
    }

    @Test
    void should_refuse_traffic_class_on_a_single_queue_device_and_show_0_otherwise() throws Exception {
        assertEquals(Errno.ENOENT, errno(() -> Host.withEth0().read(Q + "tx-0/traffic_class")));
        assertEquals(Errno.ENOENT, errno(() -> Host.withEth0().read("/sys/class/net/lo/queues/tx-0/traffic_class")));
        Host host = multiqueue();
        assertEquals("0\n", host.read(Q + "tx-3/traffic_class"));
        assertEquals(Errno.EACCES, errno(() -> host.write(Q + "tx-3/traffic_class", "1")));
    }

    @Test
    void should_store_xps_cpus_per_queue() throws Exception {
        Host host = multiqueue();
        assertEquals("0\n", host.read(Q + "tx-0/xps_cpus"));
        assertEquals(2, host.write(Q + "tx-0/xps_cpus", "1\n"));
        host.write(Q + "tx-1/xps_cpus", "2");
        host.write(Q + "tx-2/xps_cpus", "3");
        assertEquals("1\n", host.read(Q + "tx-0/xps_cpus"));
        assertEquals("2\n", host.read(Q + "tx-1/xps_cpus"));
        assertEquals("3\n", host.read(Q + "tx-2/xps_cpus"));
        assertEquals("0\n", host.read(Q + "tx-3/xps_cpus"));
        assertEquals(Bitmap.ofLong(2), tx(host, 1).xpsCpus());
        host.write(Q + "tx-2/xps_cpus", "\n");
        assertEquals("0\n", host.read(Q + "tx-2/xps_cpus"));
    }

    @ParameterizedTest(name = "multiqueue xps_cpus <- \"{0}\" -> {1}, map unchanged")
    @CsvSource({"4, EOVERFLOW", "'1,0', EOVERFLOW", "x, EINVAL", "0x1, EINVAL"})
    void should_reject_bad_xps_cpus(String input, String expected) throws Exception {
        Host host = multiqueue();
        host.write(Q + "tx-1/xps_cpus", "2");
        assertEquals(errnoNamed(expected), errno(() -> host.write(Q + "tx-1/xps_cpus", input)));
        assertEquals("2\n", host.read(Q + "tx-1/xps_cpus"));
    }

    @Test
    void should_size_xps_cpus_by_nr_cpu_ids() throws Exception {
        Host host = Host.with("6.19", 40, TinyDriver.multiqueue(2, 1));
        assertEquals("00,00000000\n", host.read(Q + "tx-1/xps_cpus"));
        host.write(Q + "tx-1/xps_cpus", "80,0");
        assertEquals("80,00000000\n", host.read(Q + "tx-1/xps_cpus"));
    }

    @Test
    void should_size_xps_rxqs_by_the_number_of_rx_queues() throws Exception {
        Host host = multiqueue();
        assertEquals("0\n", host.read(Q + "tx-0/xps_rxqs"));
        host.write(Q + "tx-0/xps_rxqs", "3");
        assertEquals("3\n", host.read(Q + "tx-0/xps_rxqs"));
        assertEquals(Bitmap.ofLong(3), tx(host, 0).xpsRxqs());
        assertEquals(Errno.EOVERFLOW, errno(() -> host.write(Q + "tx-0/xps_rxqs", "4")));
        assertEquals(Errno.EINVAL, errno(() -> host.write(Q + "tx-0/xps_rxqs", "z")));
        assertEquals("3\n", host.read(Q + "tx-0/xps_rxqs"));
    }

    @Test
    void should_allow_xps_rxqs_on_a_single_queue_device() throws Exception {
        Host host = Host.withEth0();
        assertEquals("0\n", host.read("/sys/class/net/lo/queues/tx-0/xps_rxqs"));
        host.write(Q + "tx-0/xps_rxqs", "1");
        assertEquals("1\n", host.read(Q + "tx-0/xps_rxqs"));
        assertEquals(Errno.EOVERFLOW, errno(() -> host.write(Q + "tx-0/xps_rxqs", "2")));
    }

    @ParameterizedTest(name = "{0} by a caller without CAP_NET_ADMIN -> EPERM before parsing")
    @ValueSource(strings = {"xps_cpus", "xps_rxqs", "tx_maxrate"})
    void should_check_the_capability_before_parsing(String name) throws Exception {
        KAttr a = attr(multiqueue(), Q + "tx-1/" + name);
        assertEquals(Errno.EPERM, errno(() -> a.store(bytes("1"), USER)));
        assertEquals(Errno.EPERM, errno(() -> a.store(bytes("junk"), USER)));
    }

    @ParameterizedTest(name = "tx_maxrate <- \"{0}\" without ndo_set_tx_maxrate -> EOPNOTSUPP")
    @ValueSource(strings = {"100", "0", "junk", "4294967296"})
    void should_refuse_tx_maxrate_without_the_driver_op_before_parsing(String input) throws Exception {
        Host host = Host.withEth0();
        assertEquals(Errno.EOPNOTSUPP, errno(() -> host.write(Q + "tx-0/tx_maxrate", input)));
        assertEquals("0\n", host.read(Q + "tx-0/tx_maxrate"));
    }

    @ParameterizedTest(name = "tx_maxrate with the driver op <- \"{0}\" -> {1}")
    @CsvSource({"100, 100", "100\\n, 100", "+7, 7", "4294967295, 4294967295", "0, 0", "0x10, EINVAL", "-1, EINVAL",
        "' 1', EINVAL", "4294967296, ERANGE"})
    void should_parse_tx_maxrate_as_a_decimal_u32(String input, String expected) throws Exception {
        Host host = Host.withEth0();
        host.kernel.netdevs().byName("eth0").ndoSetTxMaxrate = true;
        String text = input.replace("\\n", "\n");
        if (expected.startsWith("E")) {
            assertEquals(errnoNamed(expected), errno(() -> host.write(Q + "tx-0/tx_maxrate", text)));
            assertEquals("0\n", host.read(Q + "tx-0/tx_maxrate"));
        } else {
            assertEquals(text.length(), host.write(Q + "tx-0/tx_maxrate", text));
            assertEquals(expected + "\n", host.read(Q + "tx-0/tx_maxrate"));
            assertEquals(Long.parseLong(expected), tx(host, 0).txMaxrate());
        }
    }

    @ParameterizedTest(name = "{0}: a queue file of a device being unregistered -> {1}")
    @CsvSource({"6.19, ENODEV", "6.15, ENODEV", "6.14, OK"})
    void should_report_a_dead_device_through_sysfs_rtnl_lock(String version, String outcome) throws Exception {
        TinyDriver driver = TinyDriver.multiqueue(2, 1);
        Host host = Host.with(version, driver);
        KAttr xps = attr(host, Q + "tx-1/xps_cpus");
        KAttr rps = attr(host, Q + "rx-0/rps_cpus");
        host.kernel.modules().driverGone(driver);
        if (outcome.equals("ENODEV")) {
            assertEquals(Errno.ENODEV, errno(() -> xps.store(bytes("1"), Caller.ROOT)));
            assertEquals(Errno.ENODEV, errno(xps::show));
        } else {
            assertEquals(1, xps.store(bytes("1"), Caller.ROOT));
            assertEquals("1\n", xps.show());
        }
        // the parse still comes first, and rps_cpus takes no lock at all
        assertEquals(Errno.EINVAL, errno(() -> xps.store(bytes("x"), Caller.ROOT)));
        assertEquals(1, rps.store(bytes("1"), Caller.ROOT));
    }
}
