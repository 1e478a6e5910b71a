package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stores of {@code /sys/class/net/<dev>/*} by root on a fresh 6.19 host: kernel-interfaces.md
 * §2.3 (mtu, flags, tx_queue_len, carrier, ifalias, gro_flush_timeout, napi_defer_hard_irqs,
 * threaded) and §9 facts 4-7. The test driver's device has min_mtu 68, max_mtu 65535.
 */
class NetSysfsWriteTest {
    private static final String ETH0 = "/sys/class/net/eth0/";
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.withEth0();
    }

    private NetDeviceImpl eth0() {
        return host.kernel.netdevs().byName("eth0");
    }

    @ParameterizedTest(name = "mtu <- \"{0}\" reads {1}")
    @CsvSource({"9000\\n, 9000", "0x2328, 9000", "0X2328\\n, 9000", "+9000, 9000", "68, 68", "65535\\n, 65535",
        "1500, 1500"})
    void should_accept_mtu_within_min_and_max(String input, int expected) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(ETH0 + "mtu", text), "store reports the full count");
        assertEquals(expected + "\n", host.read(ETH0 + "mtu"));
    }

    @ParameterizedTest(name = "mtu <- \"{0}\" -> {1}, value unchanged")
    @CsvSource({"70000, EINVAL", "65536, EINVAL", "67, EINVAL", "0, EINVAL", "010, EINVAL", "4294967295, EINVAL",
        "-1, EINVAL", "' 9000', EINVAL", "9000abc, EINVAL", "18446744073709551616, ERANGE"})
    void should_reject_bad_mtu_and_keep_the_value(String input, String expected) throws Exception {
        assertEquals(errnoNamed(expected), errno(() -> host.write(ETH0 + "mtu", input)));
        assertEquals("1500\n", host.read(ETH0 + "mtu"));
    }

    @Test
    void should_bring_eth0_down_and_up_through_flags() throws Exception {
        assertEquals(7, host.write(ETH0 + "flags", "0x1002\n"));
        assertEquals("0x1002\n", host.read(ETH0 + "flags"));
        assertEquals("down\n", host.read(ETH0 + "operstate"));
        for (String attr : new String[] {"carrier", "speed", "duplex", "dormant", "testing"}) {
            assertEquals(Errno.EINVAL, errno(() -> host.read(ETH0 + attr)), attr + " on a down device");
        }
        host.write(ETH0 + "flags", "0x1003");
        assertEquals("0x1003\n", host.read(ETH0 + "flags"));
        assertEquals("up\n", host.read(ETH0 + "operstate"));
        assertEquals("1\n", host.read(ETH0 + "carrier"));
    }

    @ParameterizedTest(name = "flags <- {0} reads {1}")
    @CsvSource({"0x1043, 0x1003", "0x11003, 0x1003", "0x1103, 0x1103", "0x1203, 0x1203", "4099, 0x1003",
        "0x0003, 0x3", "0x1083, 0x1083"})
    void should_keep_only_settable_flag_bits(String input, String expected) throws Exception {
        // RUNNING 0x40 and LOWER_UP 0x10000 are computed, never stored; BROADCAST stays as the device has it
        host.write(ETH0 + "flags", input);
        assertEquals(expected + "\n", host.read(ETH0 + "flags"));
    }

    @Test
    void should_range_check_tx_queue_len_against_unsigned_int() throws Exception {
        assertEquals(Errno.ERANGE, errno(() -> host.write(ETH0 + "tx_queue_len", "4294967296")));
        assertEquals("1000\n", host.read(ETH0 + "tx_queue_len"));
        host.write(ETH0 + "tx_queue_len", "500\n");
        assertEquals("500\n", host.read(ETH0 + "tx_queue_len"));
        host.write(ETH0 + "tx_queue_len", "4294967295");
        assertEquals("-1\n", host.read(ETH0 + "tx_queue_len"), "%d of an unsigned int");
    }

    @Test
    void should_limit_napi_defer_hard_irqs_to_S32_MAX_and_copy_it_to_every_napi() throws Exception {
        assertEquals(Errno.ERANGE, errno(() -> host.write(ETH0 + "napi_defer_hard_irqs", "2147483648")));
        assertEquals("0\n", host.read(ETH0 + "napi_defer_hard_irqs"));
        host.write(ETH0 + "napi_defer_hard_irqs", "2147483647\n");
        assertEquals("2147483647\n", host.read(ETH0 + "napi_defer_hard_irqs"));
        assertEquals(2147483647, eth0().napis().get(0).deferHardIrqs());
    }

    @Test
    void should_accept_any_u64_gro_flush_timeout_and_copy_it_to_every_napi() throws Exception {
        host.write(ETH0 + "gro_flush_timeout", "18446744073709551615\n");
        assertEquals("18446744073709551615\n", host.read(ETH0 + "gro_flush_timeout"));
        assertEquals(-1L, eth0().napis().get(0).groFlushTimeout());
        assertEquals(Errno.ERANGE, errno(() -> host.write(ETH0 + "gro_flush_timeout", "18446744073709551616")));
    }

    @Test
    void should_switch_threaded_on_with_1() throws Exception {
        host.write(ETH0 + "threaded", "1\n");
        assertEquals("1\n", host.read(ETH0 + "threaded"));
        assertEquals(io.netmodel.api.sched.NapiThreaded.ENABLED, eth0().napis().get(0).threaded());
        assertTrue(eth0().napis().get(0).thread() != null, "its kthread runs");
        host.write(ETH0 + "threaded", "0");
        assertEquals("0\n", host.read(ETH0 + "threaded"));
    }

    @ParameterizedTest(name = "eth0/threaded <- \"{0}\" -> {1}")
    @CsvSource({"2, EOPNOTSUPP", "0x2, EOPNOTSUPP", "4294967296, EOPNOTSUPP", "-1, EINVAL", "on, EINVAL",
        "18446744073709551616, ERANGE"})
    void should_reject_threaded_values_other_than_0_or_1(String input, String expected) throws Exception {
        assertEquals(errnoNamed(expected), errno(() -> host.write(ETH0 + "threaded", input)));
        assertEquals("0\n", host.read(ETH0 + "threaded"));
    }

    @ParameterizedTest(name = "lo/threaded <- {0} -> EOPNOTSUPP (no NAPI)")
    @ValueSource(strings = {"0", "1"})
    void should_refuse_threaded_on_a_device_without_napi(String input) {
        assertEquals(Errno.EOPNOTSUPP, errno(() -> host.write("/sys/class/net/lo/threaded", input)));
    }

    @ParameterizedTest(name = "carrier <- \"{0}\" -> EOPNOTSUPP")
    @ValueSource(strings = {"0", "1\n", "garbage"})
    void should_refuse_carrier_writes_without_ndo_change_carrier(String input) throws Exception {
        assertEquals(Errno.EOPNOTSUPP, errno(() -> host.write(ETH0 + "carrier", input)));
        assertEquals("1\n", host.read(ETH0 + "carrier"));
    }

    @Test
    void should_set_and_clear_ifalias() throws Exception {
        assertEquals(8, host.write(ETH0 + "ifalias", "uplink \n"));
        assertEquals("uplink \n", host.read(ETH0 + "ifalias"));
        host.write(ETH0 + "ifalias", "two words");
        assertEquals("two words\n", host.read(ETH0 + "ifalias"));
        assertEquals(1, host.write(ETH0 + "ifalias", "\n"));
        assertEquals("", host.read(ETH0 + "ifalias"));
    }

    @Test
    void should_keep_ifalias_bytes_verbatim_utf8_or_not() throws Exception {
        // dev_set_alias memcpy()s the bytes: "caf\xe9" (Latin-1, not UTF-8) reads back as written
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9, '\n'};
        OpenFile w = host.fs.open(ETH0 + "ifalias", true, Caller.ROOT);
        assertEquals(5, w.write(latin1, 0));
        w.release();
        OpenFile r = host.fs.open(ETH0 + "ifalias", false, Caller.ROOT);
        assertArrayEquals(latin1, r.read(0, 4096));
        r.release();
        byte[] utf8 = "caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        OpenFile w2 = host.fs.open(ETH0 + "ifalias", true, Caller.ROOT);
        w2.write(utf8, 0);
        w2.release();
        OpenFile r2 = host.fs.open(ETH0 + "ifalias", false, Caller.ROOT);
        assertArrayEquals(utf8, r2.read(0, 4096));
        r2.release();
    }

    @Test
    void should_limit_ifalias_to_255_bytes() throws Exception {
        host.write(ETH0 + "ifalias", "a".repeat(255) + "\n");
        assertEquals("a".repeat(255) + "\n", host.read(ETH0 + "ifalias"));
        assertEquals(Errno.EINVAL, errno(() -> host.write(ETH0 + "ifalias", "b".repeat(256))));
        assertEquals("a".repeat(255) + "\n", host.read(ETH0 + "ifalias"));
    }
}
