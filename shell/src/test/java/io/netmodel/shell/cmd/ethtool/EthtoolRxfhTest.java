package io.netmodel.shell.cmd.ethtool;

import static io.netmodel.shell.cmd.ethtool.EthtoolGoldenTest.golden;
import static io.netmodel.shell.cmd.ethtool.EthtoolGoldenTest.run;
import static io.netmodel.shell.cmd.ethtool.EthtoolGoldenTest.withHost;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.shell.cmd.ethtool.EthtoolGoldenTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netmodel ethtool -X} on the real model: ethtool 6.1's argument checks and messages
 * ({@code do_srxfh}, {@code fill_indir_table}), the kernel's EINVAL for entries beyond the rings,
 * the table that results, and {@code -L} refused below a configured table. The {@code -x} output
 * of every NIC is in {@link EthtoolGoldenTest}'s goldens ({@code NIC-x.txt}).
 */
@Timeout(180)
class EthtoolRxfhTest {
    private static final String BAD_ARGS = "ethtool: bad command line argument(s)\nFor more information run ethtool -h\n";

    /** One command and what it printed, for the transcript golden. */
    private static String step(StringBuilder t, EthtoolService svc, String... args) {
        Result r = run(svc, args);
        t.append("$ ethtool ").append(String.join(" ", args)).append('\n').append(r.out());
        if (!r.err().isEmpty()) {
            t.append("--- stderr\n").append(r.err());
        }
        t.append("--- exit ").append(r.code()).append('\n');
        return r.out();
    }

    @Test
    void ixgbe_X_transcript() throws Exception {
        withHost("ixgbe", (host, svc) -> {
            StringBuilder t = new StringBuilder();
            step(t, svc, "-X", "eth0", "weight", "0", "1");
            step(t, svc, "-x", "eth0");
            step(t, svc, "-L", "eth0", "combined", "1");
            step(t, svc, "-X", "eth0", "default");
            step(t, svc, "-L", "eth0", "combined", "1");
            step(t, svc, "-X", "eth0", "equal", "2");
            step(t, svc, "-x", "eth0");
            golden("ixgbe-X-transcript.txt", t.toString());
        });
    }

    @Test
    void the_key_ixgbe_shows_is_the_kernels_netdev_rss_key() throws Exception {
        withHost("ixgbe", (host, svc) -> {
            io.netmodel.api.vfs.VirtualFs fs = host.fs();
            io.netmodel.api.vfs.OpenFile f = fs.open("/proc/sys/net/core/netdev_rss_key", false, io.netmodel.api.vfs.Caller.ROOT);
            String sysctl;
            try {
                sysctl = new String(f.read(0, 4096), java.nio.charset.StandardCharsets.US_ASCII).trim();
            } finally {
                f.release();
            }
            String key = java.util.HexFormat.ofDelimiter(":").formatHex(svc.getRxfh("eth0").key());
            assertEquals(40 * 3 - 1, key.length(), "IXGBE_RSS_KEY_SIZE");
            assertEquals(52 * 3 - 1, sysctl.length());
            assertEquals(sysctl.substring(0, key.length()), key, "netdev_rss_key_fill: the first 40 of the kernel's 52 bytes");
            org.junit.jupiter.api.Assertions.assertNotEquals("00:".repeat(51) + "00", sysctl, "filled at probe");
        });
    }

    @Test
    void ixgbe_X_refusals_change_nothing() throws Exception {
        withHost("ixgbe", (host, svc) -> {
            int[] before = svc.getRxfh("eth0").indir();
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0"));
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0", "equal", "0"));
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0", "equal"));
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0", "weight"));
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0", "weight", "1", "1x"));
            assertEquals(new Result(1, "", BAD_ARGS), run(svc, "-X", "eth0", "hkey"));
            assertEquals(new Result(1, "", "Equal and weight options are mutually exclusive\n"),
                run(svc, "-X", "eth0", "equal", "2", "weight", "1", "1"));
            assertEquals(new Result(1, "", "Equal and default options are mutually exclusive\n"),
                run(svc, "-X", "eth0", "equal", "2", "default"));
            assertEquals(new Result(1, "", "Weight and default options are mutually exclusive\n"),
                run(svc, "-X", "eth0", "weight", "1", "default"));
            assertEquals(new Result(1, "", "At least one weight must be non-zero\n"),
                run(svc, "-X", "eth0", "weight", "0", "0"));
            assertEquals(new Result(1, "", "Total weight exceeds the size of the indirection table\n"),
                run(svc, "-X", "eth0", "weight", "100", "29"));
            // two rings in use: an entry 2 is the kernel's EINVAL (ethtool_copy_validate_indir)
            assertEquals(new Result(1, "", "Cannot set RX flow hash configuration: Invalid argument\n"),
                run(svc, "-X", "eth0", "equal", "3"));
            assertEquals(new Result(1, "", "Cannot set RX flow hash configuration: Invalid argument\n"),
                run(svc, "-X", "eth0", "weight", "1", "1", "1"));
            assertEquals(new Result(1, "", "Cannot get RX ring count: No such device\n"), run(svc, "-x", "eth9"));
            assertArrayEquals(before, svc.getRxfh("eth0").indir());
        });
    }

    @Test
    void weights_follow_fill_indir_table() throws Exception {
        withHost("igb", (host, svc) -> {
            assertEquals(new Result(0, "", ""), run(svc, "-X", "eth0", "weight", "3", "1"));
            int[] t = svc.getRxfh("eth0").indir();
            assertEquals(96, java.util.Arrays.stream(t).filter(q -> q == 0).count(), "3/4 of 128 on queue 0");
            assertEquals(0, t[95]);
            assertEquals(1, t[96]);
            assertEquals(new Result(0, "", ""), run(svc, "-X", "eth0", "default"));
            assertArrayEquals(Rxfh.defaultTable(128, 2), svc.getRxfh("eth0").indir(), "the core's i % n, not igb's blocks");
            // igb_setup_mrqc refills its own block default on a queue-count change, configured or not
            assertEquals(0, run(svc, "-L", "eth0", "combined", "1").code());
            assertEquals(new Result(0, "", ""), run(svc, "-X", "eth0", "equal", "1"));
            assertEquals(0, run(svc, "-L", "eth0", "combined", "2").code());
            int[] blocks = svc.getRxfh("eth0").indir();
            assertEquals(0, blocks[63]);
            assertEquals(1, blocks[64]);
        });
    }

    @Test
    void mlx4_takes_only_power_of_two_modulo_tables() throws Exception {
        withHost("mlx4_en", (host, svc) -> {
            // two RX rings: a table of 2 entries; weight 0 1 = [1, 1] is no i % 2^k spread
            assertEquals(new Result(1, "", "Cannot set RX flow hash configuration: Invalid argument\n"),
                run(svc, "-X", "eth0", "weight", "0", "1"));
            assertArrayEquals(new int[] {0, 1}, svc.getRxfh("eth0").indir());
            assertEquals(new Result(0, "", ""), run(svc, "-X", "eth0", "equal", "1"));
            assertArrayEquals(new int[] {0, 0}, svc.getRxfh("eth0").indir(), "rss_rings 1");
        });
    }

    /** 40 bytes as {@code ethtool -X hkey} takes them, byte i = {@code first + i}. */
    private static String key40(int first) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append(i == 0 ? "" : ":").append(String.format("%02x", (first + i) & 0xff));
        }
        return b.toString();
    }

    /**
     * {@code -X hkey} on ixgbe: the key's parse errors ({@code convert_string_to_hashkey}: exit 2),
     * nothing changed by them, then a good key that {@code -x} shows, with the table left alone,
     * and a table and a key in one request.
     */
    @Test
    void ixgbe_X_hkey_transcript() throws Exception {
        withHost("ixgbe", (host, svc) -> {
            byte[] keyBefore = svc.getRxfh("eth0").key();
            StringBuilder t = new StringBuilder();
            step(t, svc, "-X", "eth0", "hkey", "00:11");
            step(t, svc, "-X", "eth0", "hkey", key40(0) + ":28");
            step(t, svc, "-X", "eth0", "hkey", "0g:" + key40(1).substring(3));
            step(t, svc, "-X", "eth0", "hkey", key40(0).replace(':', '-'));
            step(t, svc, "-X", "eth0", "hkey", "");
            assertArrayEquals(keyBefore, svc.getRxfh("eth0").key(), "bad keys change nothing");
            step(t, svc, "-X", "eth0", "weight", "0", "1");
            step(t, svc, "-X", "eth0", "hkey", key40(0x10));
            step(t, svc, "-x", "eth0");
            step(t, svc, "-X", "eth0", "equal", "2", "hkey", key40(0x80));
            step(t, svc, "-x", "eth0");
            golden("ixgbe-X-hkey-transcript.txt", t.toString());
        });
    }

    @Test
    void only_drivers_whose_set_rxfh_takes_a_key_change_it() throws Exception {
        withHost("igb", (host, svc) -> {
            Rxfh before = svc.getRxfh("eth0");
            // no igb_get_rxfh_key_size through 6.19: key size 0, so ethtool refuses before asking
            assertEquals(new Result(1, "", "Cannot set RX flow hash configuration:\n Hash key setting not supported\n"),
                run(svc, "-X", "eth0", "hkey", key40(1)), "igb reports no key size");
            assertEquals(new Result(1, "", "Cannot set RX flow hash configuration:\n Hash key setting not supported\n"),
                run(svc, "-X", "eth0", "equal", "1", "hkey", key40(1)), "the table with it neither");
            assertEquals(0, svc.getRxfh("eth0").key().length, "igb_get_rxfh fills no key");
            assertEquals(before, svc.getRxfh("eth0"), "key and table as they were");
        });
        withHost("mlx4_en", (host, svc) -> {
            assertEquals(new Result(0, "", ""), run(svc, "-X", "eth0", "hkey", key40(0xa0)));
            assertEquals(key40(0xa0), java.util.HexFormat.ofDelimiter(":").formatHex(svc.getRxfh("eth0").key()));
        });
        withHost("virtio_net", (host, svc) -> assertEquals(
            new Result(1, "", "Cannot set RX flow hash configuration:\n Hash key setting not supported\n"),
            run(svc, "-X", "eth0", "hkey", key40(0))));
        withHost("idpf", (host, svc) -> assertEquals(
            new Result(1, "", "Cannot get RX flow hash indir size and key size: Operation not supported\n"),
            run(svc, "-X", "eth0", "hkey", key40(0))));
    }

    @Test
    void without_rss_ops_the_tool_stops_where_ethtool_does() throws Exception {
        withHost("e1000", (host, svc) -> assertEquals(new Result(1, "", "Cannot get RX ring count: Operation not supported\n"),
            run(svc, "-X", "eth0", "equal", "1")));
        withHost("virtio_net", (host, svc) -> assertEquals(
            new Result(1, "", "Cannot set RX flow hash configuration: Operation not supported\n"),
            run(svc, "-X", "eth0", "equal", "1")));
        withHost("idpf", (host, svc) -> assertEquals(
            new Result(1, "", "Cannot get RX flow hash indirection table size: Operation not supported\n"),
            run(svc, "-X", "eth0", "default")));
    }
}
