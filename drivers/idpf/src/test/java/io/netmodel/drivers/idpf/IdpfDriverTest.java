package io.netmodel.drivers.idpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.drivers.testkit.DriverHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** idpf bound to an IPU E2000 function on a real kernel model (idpf_lib.c, idpf_txrx.c). */
class IdpfDriverTest {

    @Test
    void should_name_the_mailbox_then_one_vector_per_queue_numbered_by_msix_entry() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "idpf");
        host.load(new IdpfDriver());
        assertEquals(List.of("idpf-Mailbox-0", "idpf-eth0-TxRx-1", "idpf-eth0-TxRx-2", "idpf-eth0-TxRx-3",
            "idpf-eth0-TxRx-4", "idpf-eth0-TxRx-5", "idpf-eth0-TxRx-6", "idpf-eth0-TxRx-7", "idpf-eth0-TxRx-8"),
            host.irqNames());
        assertEquals(8, host.napiIds("eth0").size(), "one NAPI per q_vector, none for the mailbox");
        assertEquals("200000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @Test
    void should_match_seed_001s_gawk_on_queue_0s_irq() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "idpf");
        host.load(new IdpfDriver());
        // IRQS="$(gawk '/eth0-(TxRx-)?1/ ...' < /proc/interrupts)"
        List<String> rows = host.irqRows().stream().filter(r -> r.matches(".*eth0-(TxRx-)?1.*")).toList();
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).endsWith("idpf-eth0-TxRx-1"), rows.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6.7", "6.10", "6.15", "6.18", "6.19"})
    void should_add_hashed_napis_without_ndo_busy_poll(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "idpf");
        host.load(new IdpfDriver());
        assertEquals("257 258", String.join(" ", host.napiIds("eth0").stream().map(String::valueOf).toList()));
        assertEquals(false, host.hasNdoBusyPoll("eth0"));
        for (var napi : host.netdev("eth0").napis()) {
            assertEquals(64, napi.weight());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.13", "4.4", "5.15", "6.6"})
    void should_not_bind_before_6_7(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "idpf");
        host.load(new IdpfDriver());
        assertEquals(List.of("lo"), host.netdevNames());
        assertEquals(List.of(), host.irqRows());
        assertTrue(host.dmesg().stream().noneMatch(l -> l.contains("failed with error")),
            "-ENODEV rejects the match: a debug message, not in the log: " + host.dmesg());
    }

    @Test
    void should_cap_queues_at_16_per_vport_and_at_the_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 24, "idpf", 64);
        host.load(new IdpfDriver());
        assertEquals(16, host.napiIds("eth0").size());
        assertEquals("idpf-eth0-TxRx-16", host.irqNames().get(16));
        assertEquals(32, host.list("/sys/class/net/eth0/queues").size());
    }

    @Test
    void should_share_vectors_when_the_device_has_fewer() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "idpf", 2);
        host.load(new IdpfDriver());
        assertEquals(List.of("idpf-Mailbox-0", "idpf-eth0-TxRx-1", "idpf-eth0-TxRx-2"), host.irqNames());
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1"), host.list("/sys/class/net/eth0/queues"));
    }

    @Test
    void should_show_proc_interrupts_of_a_6_18_guest_with_2_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "idpf");
        host.load(new IdpfDriver());
        assertEquals(golden("proc-interrupts-6.18-2cpus.txt"), host.read("/proc/interrupts"));
    }

    @Test
    void should_leave_the_same_tree_after_rmmod_modprobe_with_two_nics() throws Exception {
        DriverHost.boot("6.18", 2, "idpf:2").assertReloadsTheSame(IdpfDriver::new, 20);
    }

    @Test
    void should_follow_the_vector_layout_of_idpf_vport_intr_map_vector_to_qs() {
        List<IdpfQVector> v = IdpfQVector.alloc(4, 3, 4);
        assertEquals(List.of("idpf-eth1-TxRx-1", "idpf-eth1-TxRx-2", "idpf-eth1-TxRx-3", "idpf-eth1-Tx-4"),
            v.stream().map(q -> q.name("idpf", "eth1")).toList());
        assertEquals(List.of(2, 1), List.of(IdpfQVector.alloc(2, 3, 3).get(0).rxqs(), IdpfQVector.alloc(2, 3, 3).get(1).rxqs()));
    }

    private static String golden(String name) throws Exception {
        try (InputStream in = IdpfDriverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Seed 001's {@code queue-get ... | jq '."napi-id"'} needs queue 0 linked to its NAPI. */
    @org.junit.jupiter.params.ParameterizedTest(name = "kernel {0}: queue-get has a napi-id: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"6.17, false", "6.18, true", "6.19, true"})
    void should_link_queues_to_napis_and_napis_to_irqs_from_6_18(String kernel, boolean linked) throws Exception {
        DriverHost host = DriverHost.boot(kernel, 8, "idpf");
        host.load(new IdpfDriver());
        var reply = host.kernel().netdevFamily().doit("queue-get", java.util.Map.of("ifindex", 2L, "id", 0L, "type", 0L));
        int firstNapi = host.napiIds("eth0").get(0);
        assertEquals(linked ? Long.valueOf(firstNapi) : null, reply.get("napi-id"), reply.toString());
        var napi = host.kernel().netdevFamily().doit("napi-get", java.util.Map.of("id", (long) firstNapi));
        assertEquals(linked, napi.containsKey("irq"), napi.toString());
    }
}
