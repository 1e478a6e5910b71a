package io.netmodel.netlink;

import io.netmodel.testkit.Attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.sched.NapiThread;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.sched.TaskService;
import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.NapiDriver;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The netdev family's operations, errors and version switches (netdev-genl.c, kernel-interfaces.md §6). */
class NetdevFamilyTest {

    private static NetlinkException nlerr(Executable e) {
        return assertThrows(NetlinkException.class, e);
    }

    private static NetdevFamily family(String version, int queues) {
        return Host.with(version, 2, new NapiDriver(queues)).kernel.netdevFamily();
    }

    @Test
    void queue_get_links_rx_queues_to_napis_in_wire_order() throws Exception {
        NetdevFamily f = family("6.19", 2);
        assertEquals("{id=1, type=0, ifindex=2, napi-id=258}", f.doit("queue-get", Attrs.of("ifindex", 2, "id", 1, "type", 0)).toString());
        assertEquals("{id=0, type=1, ifindex=2}", f.doit("queue-get", Attrs.of("ifindex", 2, "id", 0, "type", 1)).toString());
        assertEquals("[{id=0, type=0, ifindex=1}, {id=0, type=1, ifindex=1}, {id=0, type=0, ifindex=2, napi-id=257}, "
            + "{id=1, type=0, ifindex=2, napi-id=258}, {id=0, type=1, ifindex=2}, {id=1, type=1, ifindex=2}]",
            f.dumpit("queue-get", Attrs.of()).toString());
    }

    @Test
    void queue_get_errors() {
        NetdevFamily f = family("6.19", 1);
        NetlinkException e = nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 2, "type", 0)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("id", e.extack().missType(), "id is checked first");
        assertEquals(Errno.ENODEV, nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 9, "id", 0, "type", 0))).errno());
        assertEquals(Errno.EINVAL, nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 2, "id", 1, "type", 0))).errno());
        NetlinkException range = nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 2, "id", 0, "type", 2)));
        assertEquals(Errno.ERANGE, range.errno());
        assertEquals(new Extack("integer out of range", "type", Map.of("min-value", 0L, "max-value", 1L, "type", "u32"),
            null), range.extack());
        NetlinkException min = nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 0, "id", 0, "type", 0)));
        assertEquals(Errno.ERANGE, min.errno(), "ifindex has min 1");
        NetlinkException unknown = nlerr(() -> f.doit("queue-get", Attrs.of("ifindex", 2, "id", 0, "type", 0, "napi-id", 1)));
        assertEquals(new Extack("Unknown attribute type", "napi-id", null, null), unknown.extack());
        assertEquals(Errno.ENODEV, nlerr(() -> f.dumpit("queue-get", Attrs.of("ifindex", 7))).errno());
    }

    @Test
    void napi_get_and_set_with_threaded_busy_poll_on_6_19() throws Exception {
        Host h = Host.with("6.19", 2, new NapiDriver(2));
        NetdevFamily f = h.kernel.netdevFamily();
        TaskService tasks = h.kernel.taskService();
        Map<String, Object> before = f.doit("napi-get", Attrs.of("id", 257));
        assertEquals(List.of("id", "ifindex", "irq", "threaded", "defer-hard-irqs", "irq-suspend-timeout",
            "gro-flush-timeout"), List.copyOf(before.keySet()));
        assertEquals(0L, before.get("threaded"));
        assertNull(f.doit("napi-set", Attrs.of("id", 257, "threaded", 2, "defer-hard-irqs", 100, "gro-flush-timeout", 15000)));
        Map<String, Object> after = f.doit("napi-get", Attrs.of("id", 257));
        assertEquals(2L, after.get("threaded"));
        assertEquals(100L, after.get("defer-hard-irqs"));
        assertEquals(15000L, after.get("gro-flush-timeout"));
        int pid = ((Long) after.get("pid")).intValue();
        assertEquals("napi/eth0-257", tasks.task(pid).comm());
        assertEquals("0\n", h.read("/sys/class/net/eth0/threaded"), "sysfs keeps the device value");
        assertEquals("0\n", h.read("/sys/class/net/eth0/napi_defer_hard_irqs"));
        assertFalse(f.doit("napi-get", Attrs.of("id", 258)).containsKey("pid"), "only the NAPI that was set");
        // the bench reads the NAPI's mode and its kthread's scheduling through the API
        tasks.setScheduler(pid, SchedPolicy.FIFO, 50);
        BitSet cpu2 = new BitSet();
        cpu2.set(1);
        tasks.setAffinity(pid, cpu2);
        NapiThread t = tasks.napiThreads().get(0);
        assertEquals(257, t.napiId());
        assertEquals(NapiThreaded.BUSY_POLL, t.threaded());
        assertEquals(SchedPolicy.FIFO, t.kthread().policy());
        assertEquals(50, t.kthread().rtPriority());
        assertEquals(cpu2, t.kthread().cpusAllowed());
        List<Map<String, Object>> dump = f.dumpit("napi-get", Attrs.of());
        assertEquals(258L, dump.get(0).get("id"), "descending ids within a device");
        assertEquals(257L, dump.get(1).get("id"));
        assertNull(f.doit("napi-set", Attrs.of("id", 257, "threaded", 0)));
        assertFalse(f.doit("napi-get", Attrs.of("id", 257)).containsKey("pid"), "disabled stops the kthread");
    }

    @Test
    void napi_errors() {
        NetdevFamily f = family("6.19", 1);
        NetlinkException e = nlerr(() -> f.doit("napi-get", Attrs.of("id", 999)));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals(new Extack(null, "id", null, null), e.extack());
        assertEquals(Errno.ENOENT, nlerr(() -> f.doit("napi-set", Attrs.of("id", 999, "threaded", 1))).errno());
        NetlinkException range = nlerr(() -> f.doit("napi-set", Attrs.of("id", 257, "threaded", 3)));
        assertEquals(Errno.ERANGE, range.errno());
        assertEquals(Map.of("min-value", 0L, "max-value", 2L, "type", "u32"), range.extack().policy());
        NetlinkException defer = nlerr(() -> f.doit("napi-set", Attrs.of("id", 257, "defer-hard-irqs", 2147483648L)));
        assertEquals(Errno.ERANGE, defer.errno());
        assertEquals("defer-hard-irqs", defer.extack().badAttr());
        NetlinkException missing = nlerr(() -> f.doit("napi-get", Attrs.of()));
        assertEquals(Errno.EINVAL, missing.errno());
        assertEquals("id", missing.extack().missType());
        assertEquals(Errno.EOPNOTSUPP, nlerr(() -> f.dumpit("napi-set", Attrs.of())).errno());
        NetlinkException nothing = nlerr(() -> f.doit("napi-set", Attrs.of("id", 257, "ifindex", 2)));
        assertEquals(new Extack("Unsupported attribute", "ifindex", null, null), nothing.extack());
    }

    @Test
    void a_refused_napi_set_changes_nothing() throws Exception {
        NetdevFamily f = family("6.19", 1);
        nlerr(() -> f.doit("napi-set", Attrs.of("id", 257, "defer-hard-irqs", 5, "threaded", 9)));
        assertEquals(0L, f.doit("napi-get", Attrs.of("id", 257)).get("defer-hard-irqs"));
    }

    @Test
    void versions() throws Exception {
        NetdevFamily v618 = family("6.18", 1);
        assertEquals(1L, ((NetlinkException) assertThrows(NetlinkException.class,
            () -> v618.doit("napi-set", Attrs.of("id", 257, "threaded", 2)))).extack().policy().get("max-value"),
            "busy-poll only from 6.19");
        assertNull(v618.doit("napi-set", Attrs.of("id", 257, "threaded", 1)));

        NetdevFamily v616 = family("6.16", 1);
        assertEquals(new Extack("Unknown attribute type", "threaded", null, null),
            nlerr(() -> v616.doit("napi-set", Attrs.of("id", 257, "threaded", 1))).extack(), "no threaded before 6.17");
        assertFalse(v616.doit("napi-get", Attrs.of("id", 257)).containsKey("threaded"));
        assertTrue(v616.doit("napi-get", Attrs.of("id", 257)).containsKey("irq-suspend-timeout"));

        NetdevFamily v612 = family("6.12", 1);
        assertEquals(Errno.EOPNOTSUPP, nlerr(() -> v612.doit("napi-set", Attrs.of("id", 257))).errno(), "napi-set from 6.13");
        assertEquals("{id=257, ifindex=2, irq=" , v612.doit("napi-get", Attrs.of("id", 257)).toString().substring(0, 24));
        assertEquals(List.of("id", "ifindex", "irq"), List.copyOf(v612.doit("napi-get", Attrs.of("id", 257)).keySet()));

        NetdevFamily v67 = family("6.7", 1);
        assertTrue(v67.registered());
        assertEquals(Errno.EOPNOTSUPP, nlerr(() -> v67.doit("queue-get", Attrs.of("ifindex", 2, "id", 0, "type", 0))).errno());
        assertEquals(1, v67.dumpit("dev-get", Attrs.of()).size() - 1, "lo and eth0");

        assertFalse(family("6.2", 1).registered());
    }
}
