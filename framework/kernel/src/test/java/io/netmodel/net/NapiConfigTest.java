package io.netmodel.net;

import io.netmodel.testkit.Attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.netdev.Napi;
import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.sched.Task;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code dev->napi_config} (6.13, {@code netif_napi_add_config}): a NAPI deleted and added again
 * for the same index keeps its id and per-NAPI settings; a plain {@code netif_napi_add}, or any
 * NAPI before 6.13, gets a new id; a new netdev (rmmod, modprobe) starts afresh.
 */
class NapiConfigTest {

    private static List<Integer> ids(ConfigNapiDriver drv) {
        return drv.napis.stream().map(Napi::napiId).collect(Collectors.toList());
    }

    private static List<String> napiThreads(Host h) {
        return h.kernel.tasks().tasks().stream().map(Task::comm).filter(c -> c.startsWith("napi/"))
            .collect(Collectors.toList());
    }

    @Test
    void config_napis_keep_their_ids_across_a_queue_rebuild_on_6_13() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(4, true);
        Host h = Host.with("6.13", 4, 4, drv);
        assertEquals(List.of(257, 258, 259, 260), ids(drv));
        drv.setQueues(2);
        assertEquals(List.of(257, 258), ids(drv));
        drv.setQueues(4);
        assertEquals(List.of(257, 258, 259, 260), ids(drv), "entries 2 and 3 kept their ids while unused");
        assertEquals(drv.napis.get(3), h.kernel.netdevs().napiHash().byId(260));
        assertEquals(null, h.kernel.netdevs().napiHash().byId(261));
    }

    @Test
    void plain_napis_get_fresh_ids_and_so_does_everyone_before_6_13() throws Exception {
        for (Object[] c : new Object[][] {{"6.13", false}, {"6.18", false}, {"6.12", false}}) {
            ConfigNapiDriver drv = new ConfigNapiDriver(2, (Boolean) c[1]);
            Host h = Host.with((String) c[0], 2, 2, drv);
            assertEquals(List.of(257, 258), ids(drv), (String) c[0]);
            drv.setQueues(2);
            assertEquals(List.of(259, 260), ids(drv), (String) c[0]);
            assertEquals(null, h.kernel.netdevs().napiHash().byId(257), "the old ids are gone from the hash");
        }
    }

    @Test
    void netif_napi_add_config_does_not_exist_before_6_13() {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, true);
        Host h = Host.with("6.12", 2, 2, drv);
        assertEquals(null, h.kernel.netdevs().byName("eth0"), "probe failed and its devres was unwound");
        assertEquals(null, h.kernel.netdevs().napiHash().byId(257));
    }

    @Test
    void napi_set_values_survive_the_rebuild_and_sysfs_reaches_unused_entries() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(4, true);
        Host h = Host.with("6.18", 4, 4, drv);
        NetdevFamily f = h.kernel.netdevFamily();
        f.doit("napi-set", Attrs.of("id", 258, "defer-hard-irqs", 7, "gro-flush-timeout", 20000, "irq-suspend-timeout", 5000000));
        drv.setQueues(1);
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "3\n"); // every NAPI and every config entry
        drv.setQueues(4);
        Map<String, Object> n258 = f.doit("napi-get", Attrs.of("id", 258));
        assertEquals(3L, n258.get("defer-hard-irqs"), "the sysfs write reached the unused entry");
        assertEquals(20000L, n258.get("gro-flush-timeout"), "napi-set's value came back with the NAPI");
        assertEquals(5000000L, n258.get("irq-suspend-timeout"));
        assertEquals(0L, f.doit("napi-get", Attrs.of("id", 259)).get("gro-flush-timeout"));
        f.doit("napi-set", Attrs.of("id", 259, "defer-hard-irqs", 9));
        drv.setQueues(4);
        assertEquals(9L, f.doit("napi-get", Attrs.of("id", 259)).get("defer-hard-irqs"));
        assertEquals(3L, f.doit("napi-get", Attrs.of("id", 257)).get("defer-hard-irqs"));
    }

    @Test
    void napi_set_values_are_lost_with_a_plain_napi() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, false);
        Host h = Host.with("6.18", 2, 2, drv);
        NetdevFamily f = h.kernel.netdevFamily();
        f.doit("napi-set", Attrs.of("id", 257, "defer-hard-irqs", 7));
        drv.setQueues(2);
        assertEquals(0L, f.doit("napi-get", Attrs.of("id", 259)).get("defer-hard-irqs"), "the device's value, not 7");
    }

    @Test
    void rmmod_and_modprobe_give_fresh_ids_even_with_config() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, true);
        Host h = Host.with("6.18", 2, 2, drv);
        h.kernel.netdevFamily().doit("napi-set", Attrs.of("id", 257, "defer-hard-irqs", 7));
        h.kernel.modules().driverGone(drv);
        ConfigNapiDriver again = new ConfigNapiDriver(2, true);
        h.kernel.modules().driverAppeared(again);
        assertEquals(List.of(259, 260), ids(again), "free_netdev freed napi_config");
        assertEquals(0, ((NapiImpl) again.napis.get(0)).deferHardIrqs());
    }

    @Test
    void threaded_kthreads_stop_and_start_again_with_the_rebuild() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(3, true);
        Host h = Host.with("6.18", 4, 3, drv);
        h.write("/sys/class/net/eth0/threaded", "1\n");
        List<Integer> pids = new ArrayList<>();
        drv.napis.forEach(n -> pids.add(((NapiImpl) n).thread().pid()));
        drv.setQueues(2);
        assertEquals(List.of("napi/eth0-257", "napi/eth0-258"), napiThreads(h));
        int newPid = ((NapiImpl) drv.napis.get(0)).thread().pid();
        assertTrue(newPid > Collections.max(pids), "a new kthread (netif_napi_del stopped the old one)");
    }

    @Test
    void per_napi_threaded_is_kept_in_the_config_from_6_17() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, true);
        Host h = Host.with("6.18", 2, 2, drv);
        NetdevFamily f = h.kernel.netdevFamily();
        f.doit("napi-set", Attrs.of("id", 258, "threaded", 1));
        drv.setQueues(2);
        assertEquals(List.of("napi/eth0-258"), napiThreads(h));
        assertEquals(NapiThreaded.ENABLED, ((NapiImpl) drv.napis.get(1)).threaded());
        assertEquals(NapiThreaded.DISABLED, ((NapiImpl) drv.napis.get(0)).threaded());

        ConfigNapiDriver old = new ConfigNapiDriver(2, true);
        Host h16 = Host.with("6.16", 2, 2, old);
        h16.write("/sys/class/net/eth0/threaded", "1\n");
        h16.write("/sys/class/net/eth0/threaded", "0\n");
        old.setQueues(2);
        assertEquals(List.of(), napiThreads(h16), "the device's threaded is 0; 6.16 keeps no per-NAPI mode");
    }

    @Test
    void irqs_and_queue_links_follow_the_rebuild_and_rmmod_leaves_nothing() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(4, true);
        Host h = Host.with("6.18", 4, 4, drv);
        String before = h.read("/proc/interrupts");
        drv.setQueues(2);
        String two = h.read("/proc/interrupts");
        assertTrue(two.contains("cfgnet-TxRx-1") && !two.contains("cfgnet-TxRx-2"), two);
        NetdevFamily f = h.kernel.netdevFamily();
        assertEquals(258L, f.doit("queue-get", Attrs.of("ifindex", 2, "id", 1, "type", 0)).get("napi-id"));
        drv.setQueues(4);
        assertEquals(before, h.read("/proc/interrupts"));
        assertEquals(260L, f.doit("queue-get", Attrs.of("ifindex", 2, "id", 3, "type", 0)).get("napi-id"));
        assertEquals((long) drv.irqs.get(3).number(), f.doit("napi-get", Attrs.of("id", 260)).get("irq"));
        drv.ctx().netifNapiDel(drv.napis.get(0));
        drv.ctx().netifNapiDel(drv.napis.get(0)); // a second delete does nothing
        drv.ctx().freeIrq(drv.irqs.get(0));
        drv.ctx().freeIrq(drv.irqs.get(0));
        h.kernel.modules().driverGone(drv);
        assertEquals(null, h.kernel.netdevs().byName("eth0"));
        for (int id = 257; id <= 262; id++) {
            assertEquals(null, h.kernel.netdevs().napiHash().byId(id));
        }
        assertTrue(!h.read("/proc/interrupts").contains("cfgnet"));
    }

    @Test
    void netif_napi_add_trace_prints_the_restored_id() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, true);
        Host h = Host.with("6.18", 2, 2, drv);
        List<String> hits = new ArrayList<>();
        h.kernel.trace().subscribe("netif_napi_add", e -> hits.add(e.args().toString()));
        drv.setQueues(2);
        assertEquals(List.of("{dev=eth0, weight=64, napi_id=257}", "{dev=eth0, weight=64, napi_id=258}"), hits);
        assertNotEquals(0, drv.napis.get(0).napiId());
    }

    @Test
    void an_index_beyond_the_queues_or_in_use_is_refused() {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, true);
        Host.with("6.18", 2, 2, drv);
        assertThrows(IllegalArgumentException.class,
            () -> drv.ctx().netifNapiAddConfig(drv.dev, (n, b) -> 0, 64, 2));
        assertThrows(IllegalStateException.class,
            () -> drv.ctx().netifNapiAddConfig(drv.dev, (n, b) -> 0, 64, 1), "index 1 is taken by a listed NAPI");
    }
}
