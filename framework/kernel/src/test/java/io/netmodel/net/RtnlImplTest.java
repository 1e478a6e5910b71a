package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.rtnl.LinkInfo;
import io.netmodel.api.rtnl.RtnlException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/** {@code rtnl_fill_ifinfo} and the link changes {@code ip link set} makes ({@code do_setlink}). */
class RtnlImplTest {
    private static LinkInfo link(Host h, String name) {
        return h.kernel.rtnl().links().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void links_carry_dev_get_flags_qdisc_and_operstate() {
        Host h = Host.withEth0();
        LinkInfo lo = link(h, "lo");
        assertEquals(0x10049, lo.flags()); // LOOPBACK|UP|RUNNING|LOWER_UP
        assertEquals("noqueue", lo.qdisc());
        assertEquals("UNKNOWN", lo.operstate());
        LinkInfo eth0 = link(h, "eth0");
        assertEquals(0x11043, eth0.flags());
        assertEquals("pfifo_fast", eth0.qdisc());
        assertEquals("UP", eth0.operstate());
        assertEquals(2, eth0.ifindex());
    }

    @Test
    void down_clears_up_running_and_lower_up_and_the_files_follow() throws Exception {
        Host h = Host.withEth0();
        h.kernel.rtnl().setUp("eth0", false);
        assertEquals(0x1002, link(h, "eth0").flags());
        assertEquals("DOWN", link(h, "eth0").operstate());
        assertEquals("0x1002\n", h.read("/sys/class/net/eth0/flags"));
        assertEquals("down\n", h.read("/sys/class/net/eth0/operstate"));
        assertEquals(Errno.EINVAL, Host.errno(() -> h.read("/sys/class/net/eth0/carrier")));
        assertEquals("pfifo_fast", link(h, "eth0").qdisc()); // the qdisc stays attached
        h.kernel.rtnl().setUp("eth0", true);
        assertEquals("up\n", h.read("/sys/class/net/eth0/operstate"));
        assertEquals("1\n", h.read("/sys/class/net/eth0/carrier"));
        assertEquals("3\n", h.read("/sys/class/net/eth0/carrier_changes")); // up at registration, down, up
    }

    @Test
    void the_qdisc_attached_at_the_first_up_is_kept_when_default_qdisc_changes() throws Exception {
        Host h = Host.withEth0();
        h.write("/proc/sys/net/core/default_qdisc", "fq_codel\n");
        h.kernel.rtnl().setUp("eth0", false);
        h.kernel.rtnl().setUp("eth0", true);
        assertEquals("pfifo_fast", link(h, "eth0").qdisc()); // attached at registration, kept
    }

    @Test
    void mtu_range_errors_carry_the_extack_and_change_nothing() throws Exception {
        Host h = Host.withEth0();
        int max = link(h, "eth0").maxMtu();
        RtnlException big = assertThrows(RtnlException.class, () -> h.kernel.rtnl().setMtu("eth0", max + 1));
        assertEquals(Errno.EINVAL, big.errno());
        assertEquals("mtu greater than device maximum", big.extack());
        RtnlException small = assertThrows(RtnlException.class, () -> h.kernel.rtnl().setMtu("eth0", 10));
        assertEquals("mtu less than device minimum", small.extack());
        assertEquals("1500\n", h.read("/sys/class/net/eth0/mtu"));
        h.kernel.rtnl().setMtu("eth0", max);
        assertEquals(max + "\n", h.read("/sys/class/net/eth0/mtu"));
        assertEquals(Errno.ENODEV, assertThrows(RtnlException.class, () -> h.kernel.rtnl().setUp("eth9", true)).errno());
    }
}
