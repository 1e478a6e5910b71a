package io.netmodel.net;

import static io.netmodel.testkit.Host.errno;
import static io.netmodel.testkit.Host.errnoNamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rest of {@code /proc/sys/net/core} (kernel-interfaces.md §3.2): socket-memory rows,
 * housekeeping rows, the u8 rows, {@code netdev_rss_key}, {@code default_qdisc} and the two CPU
 * masks, on a 6.19 host with 2 CPUs unless a row names a release.
 */
class SysctlNetCoreMoreTest {
    private static final String CORE = "/proc/sys/net/core/";
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.bare("6.19");
    }

    @ParameterizedTest(name = "{0} defaults to {1}")
    @CsvSource({
        "rmem_default, 212992", "wmem_default, 212992", "rmem_max, 4194304", "wmem_max, 4194304",
        "optmem_max, 131072", "mem_pcpu_rsv, 256", "skb_defer_max, 128", "max_skb_frags, 17",
        "message_cost, 5", "message_burst, 10", "warnings, 0", "netdev_unregister_timeout_secs, 10",
        "high_order_alloc_disable, 0", "fb_tunnels_only_for_init_net, 0", "devconf_inherit_init_net, 0",
        "txrehash, 1", "tstamp_allow_data, 1", "default_qdisc, pfifo_fast", "flow_limit_cpu_bitmap, 0",
        "rps_default_mask, 0",
    })
    void should_start_at_the_kernel_default(String name, String value) throws Exception {
        assertEquals(value + "\n", host.read(CORE + name));
    }

    @ParameterizedTest(name = "{1} on {0} defaults to {2}")
    @CsvSource({
        "6.17, rmem_max, 212992", "6.17, wmem_max, 212992", "6.18, rmem_max, 4194304",
        "6.7, optmem_max, 20480", "6.8, optmem_max, 131072",
    })
    void should_take_the_default_of_the_release(String version, String name, String value) throws Exception {
        assertEquals(value + "\n", Host.bare(version).read(CORE + name));
    }

    @ParameterizedTest(name = "{0}: {1} present = {2}")
    @CsvSource({
        "6.8,  mem_pcpu_rsv, false", "6.9,  mem_pcpu_rsv, true",
        "5.18, skb_defer_max, false", "5.19, skb_defer_max, true",
        "5.17, txrehash, false", "5.18, txrehash, true",
        "5.10, netdev_unregister_timeout_secs, false", "5.11, netdev_unregister_timeout_secs, true",
        "6.2,  rps_default_mask, false", "6.3,  rps_default_mask, true",
        "4.4,  default_qdisc, true", "4.4,  netdev_rss_key, true", "4.4, flow_limit_cpu_bitmap, true",
        "3.11, default_qdisc, false", "3.12, default_qdisc, true", "3.18, netdev_rss_key, false",
        "3.19, netdev_rss_key, true",
    })
    void should_create_rows_only_from_their_release(String version, String name, boolean present) {
        assertEquals(present, Host.bare(version).exists(CORE + name));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" reads {2}")
    @CsvSource({
        "rmem_default,                   2304,        2304",
        "wmem_default,                   4608,        4608",
        "rmem_max,                       2147483647,  2147483647",
        "wmem_max,                       0x400000,    4194304",
        "optmem_max,                     0,           0",
        "mem_pcpu_rsv,                   256,         256",
        "mem_pcpu_rsv,                   1024,        1024",
        "skb_defer_max,                  0,           0",
        "max_skb_frags,                  1,           1",
        "max_skb_frags,                  17,          17",
        "message_cost,                   -5,          -5",
        "message_cost,                   8589934,     8589934",
        "message_burst,                  -1,          -1",
        "warnings,                       7,           7",
        "netdev_unregister_timeout_secs, 1,           1",
        "netdev_unregister_timeout_secs, 3600,        3600",
        "high_order_alloc_disable,       1,           1",
        "fb_tunnels_only_for_init_net,   2,           2",
        "devconf_inherit_init_net,       3,           3",
        "txrehash,                       0,           0",
        "tstamp_allow_data,              '  0',       0",
    })
    void should_store_accepted_values(String name, String input, String readBack) throws Exception {
        assertEquals(input.length() + 1, host.write(CORE + name, input + "\n"));
        assertEquals(readBack + "\n", host.read(CORE + name));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" -> EINVAL, still {2}")
    @CsvSource({
        "rmem_default,                   2303,        212992",
        "wmem_default,                   4607,        212992",
        "rmem_max,                       -1,          4194304",
        "wmem_max,                       2147483648,  4194304",
        "optmem_max,                     -1,          131072",
        "mem_pcpu_rsv,                   255,         256",
        "skb_defer_max,                  -1,          128",
        "max_skb_frags,                  0,           17",
        "max_skb_frags,                  18,          17",
        "message_cost,                   8589935,     5",
        "message_cost,                   5s,          5",
        "message_burst,                  +1,          10",
        "warnings,                       '',          0",
        "netdev_unregister_timeout_secs, 0,           10",
        "netdev_unregister_timeout_secs, 3601,        10",
        "high_order_alloc_disable,       2,           0",
        "high_order_alloc_disable,       -1,          0",
        "fb_tunnels_only_for_init_net,   3,           0",
        "devconf_inherit_init_net,       4,           0",
        "devconf_inherit_init_net,       -1,          0",
        "txrehash,                       2,           1",
        "txrehash,                       -0,          1",
        "tstamp_allow_data,              -1,          1",
        "tstamp_allow_data,              256,         1",
        "tstamp_allow_data,              4294967296,  1",
    })
    void should_reject_with_EINVAL(String name, String input, String unchanged) throws Exception {
        assertEquals(Errno.EINVAL, errno(() -> host.write(CORE + name, input + "\n")));
        assertEquals(unchanged + "\n", host.read(CORE + name));
    }

    @Test
    void should_print_the_rss_key_as_52_colon_separated_zero_bytes() throws Exception {
        String key = host.read(CORE + "netdev_rss_key");
        assertEquals(156, key.length());
        assertEquals("00:".repeat(51) + "00\n", key);
        assertEquals(0444, host.fs.stat(CORE + "netdev_rss_key").mode());
        assertEquals(0, host.fs.stat(CORE + "netdev_rss_key").size());
    }

    @Test
    void should_print_the_key_the_first_driver_filled_and_give_every_driver_the_same() throws Exception {
        byte[] first = host.kernel.sysctlsMore().netdevRssKeyFill(40); // ixgbe's IXGBE_RSS_KEY_SIZE
        byte[] again = host.kernel.sysctlsMore().netdevRssKeyFill(52);
        assertEquals(java.util.HexFormat.ofDelimiter(":").formatHex(first),
            java.util.HexFormat.ofDelimiter(":").formatHex(again, 0, 40));
        String shown = host.read(CORE + "netdev_rss_key");
        assertEquals(java.util.HexFormat.ofDelimiter(":").formatHex(again) + "\n", shown);
        assertNotEquals("00:".repeat(51) + "00\n", shown);
        assertThrows(IllegalArgumentException.class, () -> host.kernel.sysctlsMore().netdevRssKeyFill(53));
    }

    @Test
    void should_refuse_to_open_the_rss_key_for_writing() {
        assertEquals(Errno.EACCES, errno(() -> host.write(CORE + "netdev_rss_key", "00\n")));
    }

    @ParameterizedTest(name = "default_qdisc <- \"{0}\" reads {1}")
    @CsvSource({
        "fq\\n,            fq",
        "fq_codel,         fq_codel",
        "noqueue\\n,       noqueue",
        "pfifo_fast\\n,    pfifo_fast",
        "sfq\\nrest,       sfq",
        "fq\\0junk,        fq",
    })
    void should_set_a_known_default_qdisc(String input, String readBack) throws Exception {
        byte[] data = Host.bytes(input);
        assertEquals(data.length, writeBytes(CORE + "default_qdisc", data));
        assertEquals(readBack + "\n", host.read(CORE + "default_qdisc"));
        assertEquals(readBack, host.kernel.sysctlsMore().defaultQdisc());
    }

    @ParameterizedTest(name = "default_qdisc <- \"{0}\" -> {1}")
    @CsvSource({
        "nosuchqdisc\\n,      ENOENT",
        "\\n,                 ENOENT",
        "' fq\\n',            ENOENT",
        "fq\\x20\\n,          ENOENT",
        "FQ\\n,               ENOENT",
        // proc_dostring keeps 15 characters: "pfifo_fastxxxxx" is no qdisc
        "pfifo_fastxxxxxxxxx\\n, ENOENT",
    })
    void should_refuse_an_unknown_qdisc_and_keep_the_old_one(String input, String errnoName) throws Exception {
        byte[] data = Host.bytes(input.replace("\\x20", " "));
        assertEquals(errnoNamed(errnoName), errno(() -> writeBytes(CORE + "default_qdisc", data)));
        assertEquals("pfifo_fast\n", host.read(CORE + "default_qdisc"));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" reads {2}")
    @CsvSource({
        "flow_limit_cpu_bitmap, 3,       3",
        "flow_limit_cpu_bitmap, 1\\n,    1",
        "flow_limit_cpu_bitmap, 0,       0",
        "flow_limit_cpu_bitmap, '',      0",
        "flow_limit_cpu_bitmap, '\\n',   0",
        "flow_limit_cpu_bitmap, ',2',    2",
        "rps_default_mask,      2,       2",
        "rps_default_mask,      3\\n,    3",
        "rps_default_mask,      ',',     0",
    })
    void should_store_cpu_masks(String name, String input, String readBack) throws Exception {
        byte[] data = Host.bytes(input);
        assertEquals(data.length, writeBytes(CORE + name, data));
        assertEquals(readBack + "\n", host.read(CORE + name));
    }

    @ParameterizedTest(name = "{0} <- \"{1}\" -> {2}")
    @CsvSource({
        "flow_limit_cpu_bitmap, 4,          EOVERFLOW",
        "flow_limit_cpu_bitmap, '1,0',      EOVERFLOW",
        // a second 32-bit chunk does not fit 2 CPUs even when it is zero (bitmap_parse: !chunks--)
        "flow_limit_cpu_bitmap, '0,2',      EOVERFLOW",
        "flow_limit_cpu_bitmap, x,          EINVAL",
        "flow_limit_cpu_bitmap, 0x1,        EINVAL",
        "flow_limit_cpu_bitmap, 123456789,  EOVERFLOW",
        "rps_default_mask,      4,          EOVERFLOW",
        "rps_default_mask,      g,          EINVAL",
        "rps_default_mask,      -1,         EINVAL",
    })
    void should_refuse_bad_cpu_masks_and_change_nothing(String name, String input, String errnoName)
            throws Exception {
        host.write(CORE + name, "1\n");
        assertEquals(errnoNamed(errnoName), errno(() -> writeBytes(CORE + name, Host.bytes(input))));
        assertEquals("1\n", host.read(CORE + name));
    }

    @Test
    void should_expose_the_masks_to_the_model() throws Exception {
        host.write(CORE + "rps_default_mask", "2\n");
        host.write(CORE + "flow_limit_cpu_bitmap", "3\n");
        assertEquals(java.util.BitSet.valueOf(new long[] {2}), host.kernel.sysctlsMore().rpsDefaultMask());
        assertEquals(java.util.BitSet.valueOf(new long[] {3}), host.kernel.sysctlsMore().flowLimitCpus());
    }

    private int writeBytes(String path, byte[] data) throws Exception {
        OpenFile f = host.fs.open(path, true, Caller.ROOT);
        try {
            return f.write(data, 0);
        } finally {
            f.release();
        }
    }

    @Test
    void skb_defer_max_defaulted_to_64_before_6_19() throws Exception {
        assertEquals("64\n", Host.bare("6.18").read(CORE + "skb_defer_max"));
        assertEquals("128\n", Host.bare("6.19").read(CORE + "skb_defer_max"));
    }

    /** proc_dostring serves reads at any offset (dd bs=4 reads the whole name), as 6.18 does. */
    @Test
    void string_rows_read_on_at_an_offset() throws Exception {
        OpenFile f = host.fs.open(CORE + "default_qdisc", false, Caller.ROOT);
        StringBuilder sb = new StringBuilder();
        for (long off = 0; ; off += 4) {
            byte[] b = f.read(off, 4);
            if (b.length == 0) {
                break;
            }
            sb.append(new String(b, StandardCharsets.US_ASCII));
        }
        assertEquals("pfifo_fast\n", sb.toString());
        assertEquals("fifo_fast\n", new String(f.read(1, 100), StandardCharsets.US_ASCII));
        assertEquals(156, host.read(CORE + "netdev_rss_key").length());
    }

    /**
     * With sysctl_writes_strict 1, proc_dostring continues the name from the write's offset and
     * set_default_qdisc looks the result up: "pfi" + "XX" is no qdisc (ENOENT, nothing changes),
     * "fq" + "_codel" at 2 is fq_codel; past the end the write is ignored.
     */
    @Test
    void default_qdisc_written_at_an_offset_continues_the_name() throws Exception {
        assertEquals(Errno.ENOENT, errno(() -> host.writeAt(CORE + "default_qdisc", "XX", 3)));
        assertEquals("pfifo_fast\n", host.read(CORE + "default_qdisc"));
        host.write(CORE + "default_qdisc", "fq");
        assertEquals(6, host.writeAt(CORE + "default_qdisc", "_codel", 2));
        assertEquals("fq_codel\n", host.read(CORE + "default_qdisc"));
        assertEquals(2, host.writeAt(CORE + "default_qdisc", "fq", 9));
        assertEquals("fq_codel\n", host.read(CORE + "default_qdisc"));
    }

    /**
     * dump_cpumask: scnprintf into min(127, size) bytes, a newline if room is left, EOF past offset 0.
     * On 8 CPUs "%*pb" prints two digits: 3 reads "03".
     */
    @ParameterizedTest(name = "rps_default_mask {0}: read({1}) = \"{2}\"")
    @CsvSource(delimiter = '|', value = {"3|1|", "3|2|0\\n", "3|3|03\\n", "3|64|03\\n", "ff|2|f\\n", "ff|3|ff\\n"})
    void cpumask_rows_fit_the_reader_buffer(String mask, int size, String expected) throws Exception {
        Host big = Host.with("6.19", 8, io.netmodel.testkit.TinyDriver.plain());
        big.write(CORE + "rps_default_mask", mask);
        OpenFile f = big.fs.open(CORE + "rps_default_mask", false, Caller.ROOT);
        assertEquals(expected == null ? "" : expected.replace("\\n", "\n"), new String(f.read(0, size), StandardCharsets.US_ASCII));
        assertEquals(0, f.read(1, 64).length);
    }
}
