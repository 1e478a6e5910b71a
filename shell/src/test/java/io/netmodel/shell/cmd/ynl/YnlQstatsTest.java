package io.netmodel.shell.cmd.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.netlink.NetlinkException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ynl --dump qstats-get}: how the request is encoded ({@code scope} is a flags enum) and
 * how the reply prints. The reference output is the real cli.py's, quoted in the commit message of
 * "virtio-net: support queue stat" (Xuan Zhuo, net-next v5 of 2024-03-18): the same messages, in
 * the kernel's wire order, must print the same text.
 */
class YnlQstatsTest {
    /** A family that answers one dump with fixed messages and records the request. */
    static final class Fixed implements NetdevFamily {
        final List<Map<String, Object>> reply;
        Map<String, Long> request;

        Fixed(List<Map<String, Object>> reply) {
            this.reply = reply;
        }

        @Override
        public boolean registered() {
            return true;
        }

        @Override
        public Map<String, Object> doit(String op, Map<String, Long> req) throws NetlinkException {
            throw new NetlinkException(95, null);
        }

        @Override
        public List<Map<String, Object>> dumpit(String op, Map<String, Long> req) {
            request = req;
            return reply;
        }
    }

    private static Map<String, Object> msg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    /** The two messages of the commit message, attributes in netdev_nl_stats_write_rx/tx order. */
    static List<Map<String, Object>> virtioReply() {
        List<Map<String, Object>> l = new ArrayList<>();
        l.add(msg("ifindex", 2, "queue-type", 0, "queue-id", 0, "rx-packets", 598929, "rx-bytes", 157844011,
            "rx-hw-drops", 12964, "rx-hw-drop-overruns", 0, "rx-csum-unnecessary", 2195386, "rx-csum-none", 0,
            "rx-csum-bad", 0, "rx-hw-drop-ratelimits", 0));
        l.add(msg("ifindex", 2, "queue-type", 1, "queue-id", 0, "tx-packets", 15515, "tx-bytes", 1938511, "tx-hw-drops", 0,
            "tx-hw-drop-errors", 0, "tx-csum-none", 0, "tx-needs-csum", 61263, "tx-hw-drop-ratelimits", 0));
        return l;
    }

    private static String run(NetdevFamily f, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new Ynl(f).run(List.of(args), new PrintWriter(o, true), new PrintWriter(e, true));
        return code + "\n" + o + e;
    }

    @Test
    void prints_as_cli_py_does() throws Exception {
        Fixed f = new Fixed(virtioReply());
        String expected;
        try (InputStream in = YnlQstatsTest.class.getResourceAsStream("qstats-virtio-queue.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals("0\n" + expected, run(f, "--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": \"queue\"}"));
        assertEquals(Map.of("scope", 1L), f.request);
    }

    @Test
    void output_json_keeps_wire_order() {
        Fixed f = new Fixed(List.of(virtioReply().get(1)));
        assertEquals("0\n[{\"ifindex\": 2, \"queue-type\": \"tx\", \"queue-id\": 0, \"tx-packets\": 15515, \"tx-bytes\": 1938511, "
            + "\"tx-hw-drops\": 0, \"tx-hw-drop-errors\": 0, \"tx-csum-none\": 0, \"tx-needs-csum\": 61263, "
            + "\"tx-hw-drop-ratelimits\": 0}]\n", run(f, "--family", "netdev", "--output-json", "--dump", "qstats-get"));
        assertEquals(Map.of(), f.request);
    }

    @Test
    void scope_encodes_as_flags() {
        Fixed f = new Fixed(List.of());
        assertEquals("0\n[]\n", run(f, "--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": [\"queue\"], \"ifindex\": 2}"));
        assertEquals(Map.of("scope", 1L, "ifindex", 2L), f.request);
        assertEquals("0\n[]\n", run(f, "--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": 0}"));
        assertEquals(Map.of("scope", 0L), f.request);
        String bad = run(f, "--family", "netdev", "--dump", "qstats-get", "--json", "{\"scope\": \"device\"}");
        assertEquals("1\nTraceback (most recent call last):\n  File \"/usr/bin/ynl\", line 8, in <module>\n    sys.exit(main())\n"
            + "KeyError: 'device'\n", bad);
    }
}
