package io.netmodel.drivers.mlx4_en;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.drivers.testkit.DriverHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mlx4_en (with mlx4_core) bound to a one-port ConnectX-3 on a real kernel model, per release (kernel-algorithms.md §3.5). */
class Mlx4EnDriverTest {
    private static final String BDF = "0000:00:03.0";

    @ParameterizedTest(name = "{0}: napi_ids {1}, ndo_busy_poll {2}")
    @CsvSource(delimiter = '|', value = {
        "3.13 | 1 2     | true",  // explicit napi_hash_add after netif_napi_add, mlx4_en_low_latency_recv
        "4.4  | 1 2     | true",
        "4.5  | 1 2     | false", // 868fdb06063d: generic busy polling, the hook goes a release before ixgbe's
        "4.11 | 1 2     | false",
        "6.18 | 257 258 | false",
    })
    void should_have_napi_ids_on_every_release_and_ndo_busy_poll_until_4_4(String version, String ids,
                                                                           boolean ndoBusyPoll) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "mlx4_en");
        host.load(new Mlx4EnDriver());
        assertEquals(ids, join(host.napiIds("eth0")));
        assertEquals(ndoBusyPoll, host.hasNdoBusyPoll("eth0"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "3.13 | mlx4-comp-0@pci:0000:00:03.0 mlx4-comp-1@pci:0000:00:03.0 mlx4-async@pci:0000:00:03.0",
        "4.1  | mlx4-comp-0@pci:0000:00:03.0 mlx4-comp-1@pci:0000:00:03.0 mlx4-async@pci:0000:00:03.0",
        "4.4  | mlx4-async@pci:0000:00:03.0 mlx4-1@0000:00:03.0 mlx4-2@0000:00:03.0",
        "4.5  | mlx4-async@pci:0000:00:03.0 mlx4-1@0000:00:03.0 mlx4-2@0000:00:03.0",
        "4.11 | mlx4-async@pci:0000:00:03.0 mlx4-1@0000:00:03.0 mlx4-2@0000:00:03.0",
        "6.18 | mlx4-async@pci:0000:00:03.0 mlx4-1@0000:00:03.0 mlx4-2@0000:00:03.0",
    })
    void should_name_irqs_after_the_pci_function_by_era(String version, String names) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "mlx4_en");
        host.load(new Mlx4EnDriver());
        assertEquals(List.of(names.split(" ")), host.irqNames());
        for (String row : host.irqRows()) {
            assertTrue(row.contains(" PCI-MSIX-" + BDF + " "), row);
        }
        assertEquals("40000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @ParameterizedTest(name = "{0}: {1} tx queues")
    @CsvSource({"3.13, 16", "4.12, 16", "4.13, 2", "6.18, 2"})
    void should_have_tx_rings_per_user_priority(String version, int txQueues) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "mlx4_en");
        host.load(new Mlx4EnDriver());
        List<String> queues = host.list("/sys/class/net/eth0/queues");
        assertEquals(txQueues, queues.stream().filter(q -> q.startsWith("tx-")).count());
        assertEquals(List.of("rx-0", "rx-1"), queues.subList(0, 2));
        assertTrue(host.dmesg().contains("mlx4_en " + BDF + ": Port 1: Using " + txQueues + " TX rings"));
    }

    @Test
    void should_show_proc_interrupts_of_a_6_18_guest_with_2_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "mlx4_en");
        host.load(new Mlx4EnDriver());
        assertEquals(golden("proc-interrupts-6.18-2cpus.txt"), host.read("/proc/interrupts"));
    }

    @Test
    void should_request_only_the_completion_eqs_rings_use() throws Exception {
        // 3 CPUs: 3 completion EQs, but rounddown_pow_of_two(3) = 2 RX rings, so EQ 3 never gets an IRQ.
        DriverHost host = DriverHost.boot("6.18", 3, "mlx4_en");
        host.load(new Mlx4EnDriver());
        assertEquals(List.of("mlx4-async@pci:" + BDF, "mlx4-1@" + BDF, "mlx4-2@" + BDF), host.irqNames());
        assertEquals(2, host.napiIds("eth0").size());

        DriverHost old = DriverHost.boot("3.13", 3, "mlx4_en");
        old.load(new Mlx4EnDriver());
        assertEquals(4, old.irqNames().size()); // every EQ's IRQ at probe
    }

    @Test
    void should_cap_rx_rings_at_16() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 20, "mlx4_en", 32);
        host.load(new Mlx4EnDriver());
        assertEquals(16, host.napiIds("eth0").size());
        assertEquals("mlx4-16@" + BDF, host.irqNames().get(16));
        assertEquals(17, host.irqNames().size());
    }

    @Test
    void should_fall_back_to_the_shared_intx_line_without_msix() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 1, "mlx4_en:103");
        host.load(new Mlx4EnDriver());
        assertEquals("mlx4_core@pci:0000:03:09.0", host.irqNames().get(0));
        assertEquals(1, host.napiIds("eth102").size());
    }

    @Test
    void should_show_its_four_parameters() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "mlx4_en");
        host.load(new Mlx4EnDriver(), Map.of("pfctx", "0x3"));
        assertEquals(List.of("inline_thold", "pfcrx", "pfctx", "udp_rss"), host.list("/sys/module/mlx4_en/parameters"));
        assertEquals("104\n", host.read("/sys/module/mlx4_en/parameters/inline_thold"));
        assertEquals("3\n", host.read("/sys/module/mlx4_en/parameters/pfctx"));
        assertEquals("1\n", host.read("/sys/module/mlx4_en/parameters/udp_rss"));
    }

    @Test
    void should_warn_about_out_of_range_parameters_and_load() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "mlx4_en");
        host.load(new Mlx4EnDriver(), Map.of("pfcrx", "256", "inline_thold", "5"));
        List<String> log = host.dmesg();
        assertTrue(log.contains("mlx4_en " + BDF + ": WARNING: illegal module parameter pfcrx 0x100"
            + " - should be in range 0-0xff, will be changed to default (0)"), log.toString());
        assertTrue(log.contains("mlx4_en " + BDF + ": WARNING: illegal module parameter inline_thold 5"
            + " - should be in range 17-104, will be changed to default (104)"), log.toString());
        assertEquals(List.of("lo", "eth0"), host.netdevNames());
    }

    @Test
    void should_come_back_the_same_after_rmmod_and_modprobe() throws Exception {
        DriverHost.boot("6.18", 2, "mlx4_en:2").assertReloadsTheSame(Mlx4EnDriver::new, 20);
    }

    private static String join(List<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(sb.length() == 0 ? "" : " ").append(id);
        }
        return sb.toString();
    }

    private static String golden(String name) throws Exception {
        try (InputStream in = Mlx4EnDriverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
