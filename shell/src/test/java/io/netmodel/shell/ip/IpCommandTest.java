package io.netmodel.shell.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code netmodel ip} against a model booted in Felix: arguments, messages and exit codes of iproute2 6.1. */
@Timeout(120)
class IpCommandTest {
    private static ModelHost host;

    @BeforeAll
    static void boot() throws Exception {
        Layout layout = Layout.fromEnvironment();
        host = ModelHost.boot(new ModelHost.Config("6.19", 2, "virtio_net", 0), layout.systemDir(), layout.bundlesDir(),
            TestDirs.felixCache());
        host.modprobe("virtio_net", java.util.Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private static String ip(String... args) throws ToolError {
        IpCommand c = new IpCommand();
        c.args = new java.util.ArrayList<>(List.of(args));
        StringWriter out = new StringWriter();
        int rc = c.execute(host.rtnl().orElseThrow(), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, rc);
        return out.toString();
    }

    private static void fails(int code, String message, String... args) {
        ToolError e = assertThrows(ToolError.class, () -> ip(args));
        assertEquals(message, e.getMessage());
        assertEquals(code, e.exitCode());
    }

    private static String file(String path) throws Exception {
        var f = host.fs().open(path, false, io.netmodel.api.vfs.Caller.ROOT);
        try {
            return new String(f.read(0, 4096));
        } finally {
            f.release();
        }
    }

    @Test
    void show_prints_both_links_from_the_model() throws Exception {
        assertEquals("""
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
                link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000
                link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
            """, ip("link"));
        assertEquals(ip("link", "show", "dev", "eth0"), ip("l", "sh", "eth0"));
    }

    @Test
    void down_and_up_move_flags_operstate_and_carrier_files_together() throws Exception {
        ip("link", "set", "dev", "eth0", "down");
        try {
            assertEquals("0x1002\n", file("/sys/class/net/eth0/flags"));
            assertEquals("down\n", file("/sys/class/net/eth0/operstate"));
            assertEquals(io.netmodel.api.vfs.Errno.EINVAL, assertThrows(io.netmodel.api.vfs.VfsException.class,
                () -> file("/sys/class/net/eth0/carrier")).errno());
            assertEquals("2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc pfifo_fast state DOWN mode DEFAULT group default qlen 1000\n",
                ip("link", "show", "eth0").lines().findFirst().orElseThrow() + "\n");
        } finally {
            ip("link", "set", "eth0", "up");
        }
        assertEquals("0x1003\n", file("/sys/class/net/eth0/flags"));
        assertEquals("up\n", file("/sys/class/net/eth0/operstate"));
        assertEquals("1\n", file("/sys/class/net/eth0/carrier"));
    }

    @Test
    void mtu_is_checked_against_the_device_range_and_a_refusal_leaves_the_flags() throws Exception {
        fails(2, "Error: mtu greater than device maximum.", "link", "set", "dev", "eth0", "mtu", "70000", "down");
        assertEquals("0x1003\n", file("/sys/class/net/eth0/flags"));
        fails(2, "Error: mtu less than device minimum.", "link", "set", "dev", "eth0", "mtu", "10");
        ip("link", "set", "eth0", "mtu", "9000");
        assertEquals("9000\n", file("/sys/class/net/eth0/mtu"));
        ip("link", "set", "eth0", "mtu", "0x5dc");
        assertEquals("1500\n", file("/sys/class/net/eth0/mtu"));
    }

    @Test
    void errors_read_like_iproute2() {
        fails(1, "Device \"eth9\" does not exist.", "link", "show", "dev", "eth9");
        fails(1, "Cannot find device \"eth9\"", "link", "set", "dev", "eth9", "up");
        fails(255, "Error: argument \"abc\" is wrong: Invalid \"mtu\" value", "link", "set", "eth0", "mtu", "abc");
        fails(255, "Not enough information: \"dev\" argument is required.", "link", "set", "up");
        fails(255, "Error: either \"dev\" is duplicate, or \"bar\" is a garbage.", "link", "show", "eth0", "bar");
        fails(255, "Command line is not complete. Try option \"help\"", "link", "set", "eth0", "mtu");
        fails(255, "Command \"foo\" is unknown, try \"ip link help\".", "link", "foo");
        fails(1, "Object \"foo\" is unknown, try \"ip help\".", "foo");
        fails(255, "Option \"-z\" is unknown, try \"ip -help\".", "-z", "link");
        fails(1, "netmodel ip: \"ip address\" is not modelled; only \"ip link\" is", "addr");
        fails(1, "netmodel ip: option \"-d\" is an iproute2 option this model does not offer (it has -s, -j, -p, -br, -o "
            + "and the family options)", "-d", "link", "show", "lo");
    }

    /** -o puts each record on one line ("\\" for its line break, as on a 6.1 host), -4 and -V are iproute2's too. */
    @Test
    void oneline_family_and_version_options_work_as_iproute2s() throws ToolError {
        String two = ip("link", "show", "lo");
        assertEquals(two.substring(0, two.length() - 1).replace("\n", "\\") + "\n", ip("-o", "link", "show", "lo"));
        assertTrue(ip("-o", "link", "show", "lo").startsWith("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536"), two);
        assertEquals(two, ip("-4", "link", "show", "lo"));
        assertEquals(two, ip("-family", "inet6", "link", "show", "lo"));
        assertEquals("ip utility, iproute2-6.1.0\n", ip("-V"));
        IpCommand help = new IpCommand();
        help.args = new java.util.ArrayList<>(List.of("link", "help"));
        assertEquals(255, help.execute(host.rtnl().orElseThrow(), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())), "usage() exits -1");
    }

    /** A driver's ndo_open that fails (here -EBUSY): do_setlink returns its errno, no extack. */
    @Test
    void an_up_the_driver_refuses_prints_rtnetlink_answers() {
        io.netmodel.api.rtnl.Rtnl live = host.rtnl().orElseThrow();
        io.netmodel.api.rtnl.Rtnl refusing = new io.netmodel.api.rtnl.Rtnl() {
            @Override
            public List<io.netmodel.api.rtnl.LinkInfo> links() {
                return live.links();
            }

            @Override
            public void setUp(String name, boolean up) throws io.netmodel.api.rtnl.RtnlException {
                throw new io.netmodel.api.rtnl.RtnlException(io.netmodel.api.vfs.Errno.EBUSY, null);
            }

            @Override
            public void setMtu(String name, int mtu) throws io.netmodel.api.rtnl.RtnlException {
                live.setMtu(name, mtu);
            }
        };
        IpCommand c = new IpCommand();
        c.args = new java.util.ArrayList<>(List.of("link", "set", "eth0", "up"));
        ToolError e = assertThrows(ToolError.class,
            () -> c.execute(refusing, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertEquals("RTNETLINK answers: Device or resource busy", e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void json_lists_the_same_links() throws Exception {
        String j = ip("-j", "link", "show", "lo");
        assertEquals("[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"mtu\":65536,"
            + "\"qdisc\":\"noqueue\",\"operstate\":\"UNKNOWN\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,"
            + "\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\",\"broadcast\":\"00:00:00:00:00:00\"}]\n", j);
    }
}
