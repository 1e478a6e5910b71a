package io.netmodel.net;

import static io.netmodel.testkit.Host.bytes;
import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Caller;
import io.netmodel.kobj.KAttr;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code queues/tx-N/byte_queue_limits/} (kernel-interfaces.md §2.6): {@code bql_set} with its
 * {@code max} keyword and DQL_MAX_LIMIT, hold_time and stall_thrs through
 * {@code msecs_to_jiffies} with HZ=250, stall_max reset by any write, no capability check.
 */
class BqlSysfsTest {
    private static final String BQL = "/sys/class/net/eth0/queues/tx-0/byte_queue_limits/";

    private Host host;

    @BeforeEach
    void boot() {
        host = Host.withEth0();
    }

    private Dql dql() {
        return host.kernel.netdevs().byName("eth0").txQueues().get(0).dql();
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({"limit, 0", "limit_max, 1879048192", "limit_min, 0", "hold_time, 1000", "inflight, 0",
        "stall_thrs, 0", "stall_cnt, 0", "stall_max, 0"})
    void should_start_with_dql_init_defaults(String name, String expected) throws Exception {
        assertEquals(expected + "\n", host.read(BQL + name));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" reads {2}")
    @CsvSource({
        "limit,     max,        1879048192",
        "limit,     max\\n,     1879048192",
        "limit_max, max,        1879048192",
        "limit_min, max\\n,     1879048192",
        "limit,     1879048192, 1879048192",
        "limit,     1500\\n,    1500",
        "limit_max, 0,          0",
        "limit_min, +42,        42",
        "limit_min, 007,        7",
    })
    void should_accept_max_and_decimal_limits(String name, String input, String expected) throws Exception {
        String text = input.replace("\\n", "\n");
        assertEquals(text.length(), host.write(BQL + name, text));
        assertEquals(expected + "\n", host.read(BQL + name));
    }

    @ParameterizedTest(name = "limit_max <- \"{0}\" -> {1}, value unchanged")
    @CsvSource({"1879048193, EINVAL", "4294967295, EINVAL", "4294967296, ERANGE", "0x10, EINVAL", "-1, EINVAL",
        "MAX, EINVAL", "maxx, EINVAL", "' max', EINVAL", "max\\n\\n, EINVAL", "' 1', EINVAL", "1k, EINVAL"})
    void should_reject_bad_limits(String input, String expected) throws Exception {
        host.write(BQL + "limit_max", "5000");
        assertEquals(errnoNamed(expected), errno(() -> host.write(BQL + "limit_max", input.replace("\\n", "\n"))));
        assertEquals("5000\n", host.read(BQL + "limit_max"));
    }

    @Test
    void should_read_max_up_to_the_nul_like_strcmp() throws Exception {
        KAttr limit = (KAttr) host.kernel.tree().lookupFollow(BQL + "limit");
        assertEquals(7, limit.store(bytes("max\\0zzz"), Caller.ROOT));
        assertEquals(1879048192L, dql().limit());
    }

    @ParameterizedTest(name = "hold_time <- {0} ms reads {1} (whole jiffies of 4 ms)")
    @CsvSource({"1000, 1000", "1001, 1004", "1, 4", "4, 4", "0, 0", "2147483647, 2147483648",
        "2147483648, 4294967288", "4294967295, 4294967288"})
    void should_keep_hold_time_in_jiffies(String input, String expected) throws Exception {
        host.write(BQL + "hold_time", input);
        assertEquals(expected + "\n", host.read(BQL + "hold_time"));
    }

    @ParameterizedTest(name = "hold_time <- \"{0}\" -> {1}")
    @CsvSource({"4294967296, ERANGE", "max, EINVAL", "-1, EINVAL", "0x10, EINVAL"})
    void should_parse_hold_time_as_a_decimal_u32(String input, String expected) throws Exception {
        assertEquals(errnoNamed(expected), errno(() -> host.write(BQL + "hold_time", input)));
        assertEquals("1000\n", host.read(BQL + "hold_time"));
    }

    @ParameterizedTest(name = "stall_thrs <- {0} ms reads {1}")
    @CsvSource({"0, 0", "13, 16", "16, 16", "100, 100", "101, 104", "509, 512", "512, 512"})
    void should_accept_stall_thresholds_of_4_to_128_jiffies(String input, String expected) throws Exception {
        host.write(BQL + "stall_thrs", input + "\n");
        assertEquals(expected + "\n", host.read(BQL + "stall_thrs"));
        assertEquals(Long.parseLong(expected) / 4, dql().stallThrsJiffies());
    }

    @ParameterizedTest(name = "stall_thrs <- \"{0}\" -> {1}, value unchanged")
    @CsvSource({"1, ERANGE", "12, ERANGE", "513, ERANGE", "2147483647, ERANGE", "2147483648, ERANGE",
        "4294967295, ERANGE", "4294967296, ERANGE", "max, EINVAL", "-4, EINVAL"})
    void should_reject_stall_thresholds_out_of_range(String input, String expected) throws Exception {
        host.write(BQL + "stall_thrs", "100");
        assertEquals(errnoNamed(expected), errno(() -> host.write(BQL + "stall_thrs", input)));
        assertEquals("100\n", host.read(BQL + "stall_thrs"));
    }

    @ParameterizedTest(name = "stall_max <- \"{0}\" resets it")
    @ValueSource(strings = {"0", "123", "garbage", "\n"})
    void should_reset_stall_max_on_any_write(String input) throws Exception {
        dql().stallMax = 9;
        assertEquals("9\n", host.read(BQL + "stall_max"));
        assertEquals(input.length(), host.write(BQL + "stall_max", input));
        assertEquals("0\n", host.read(BQL + "stall_max"));
    }

    @Test
    void should_show_inflight_as_queued_minus_completed_in_u32() throws Exception {
        dql().numQueued = 5000;
        dql().numCompleted = 3500;
        assertEquals("1500\n", host.read(BQL + "inflight"));
        dql().numQueued = 10;
        dql().numCompleted = 0xFFFF_FFF0L;
        assertEquals("26\n", host.read(BQL + "inflight"), "the counters wrap");
    }

    @ParameterizedTest(name = "{0} by uid 1000 past DAC: no capability check")
    @CsvSource({"limit, 100", "limit_max, max", "limit_min, 1", "hold_time, 8", "stall_thrs, 16", "stall_max, 1"})
    void should_not_check_capabilities(String name, String input) throws Exception {
        KAttr a = (KAttr) host.kernel.tree().lookupFollow(BQL + name);
        assertEquals(input.length(), a.store(bytes(input), new Caller(1000, 1000, 1)));
    }
}
