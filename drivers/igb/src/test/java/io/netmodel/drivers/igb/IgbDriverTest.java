package io.netmodel.drivers.igb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.drivers.testkit.DriverHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** igb bound to an I350 on a real kernel model, per release (kernel-algorithms.md §3.2; seed 004). */
class IgbDriverTest {

    @ParameterizedTest(name = "{0}: napi_ids {1}")
    @CsvSource(delimiter = '|', value = {
        "3.13 | 0 0 0 0",          // seed 004: 3.13's igb cannot busy poll
        "4.4  | 0 0 0 0",
        "4.5  | 1 2 3 4",
        "4.11 | 1 2 3 4",
        "6.18 | 257 258 259 260",
    })
    void should_get_napi_ids_only_from_the_core(String version, String ids) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "igb");
        host.load(new IgbDriver());
        assertEquals(ids, join(host.napiIds("eth0")));
        assertFalse(host.hasNdoBusyPoll("eth0"), "igb never had ndo_busy_poll");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.13", "4.4", "4.5", "4.11", "6.18"})
    void should_give_each_ring_its_own_vector_when_queues_are_at_most_half_the_maximum(String version)
            throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "igb");
        host.load(new IgbDriver());
        assertEquals(List.of("eth0", "eth0-rx-0", "eth0-rx-1", "eth0-tx-0", "eth0-tx-1"), host.irqNames());
        for (String row : host.irqRows()) {
            assertTrue(row.contains(" PCI-MSIX-0000:00:03.0 "), row);
        }
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1"), host.list("/sys/class/net/eth0/queues"));
        assertEquals("1000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @Test
    void should_pair_tx_and_rx_when_queues_are_more_than_half_the_maximum() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 6, "igb");
        host.load(new IgbDriver());
        assertEquals(List.of("eth0", "eth0-TxRx-0", "eth0-TxRx-1", "eth0-TxRx-2", "eth0-TxRx-3", "eth0-TxRx-4",
            "eth0-TxRx-5"), host.irqNames());
        assertEquals(6, host.napiIds("eth0").size());
    }

    @Test
    void should_pair_on_a_device_offering_as_many_queues_as_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "igb", 2);
        host.load(new IgbDriver());
        assertEquals(List.of("eth0", "eth0-TxRx-0", "eth0-TxRx-1"), host.irqNames());
    }

    @Test
    void should_show_proc_interrupts_of_a_6_18_guest_with_2_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "igb");
        host.load(new IgbDriver());
        assertEquals(golden("proc-interrupts-6.18-2cpus.txt"), host.read("/proc/interrupts"));
    }

    @Test
    void should_give_up_rss_for_vfs() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "igb");
        host.load(new IgbDriver(), Map.of("max_vfs", "9"));
        assertEquals(List.of("eth0", "eth0-TxRx-0"), host.irqNames());
        assertEquals(List.of("rx-0", "tx-0"), host.list("/sys/class/net/eth0/queues"));
        assertTrue(host.dmesg().contains("igb 0000:00:03.0: Maximum of 7 VFs per PF, using max"), host.dmesg().toString());
    }

    @Test
    void should_fall_back_to_the_shared_intx_line_when_msix_vectors_run_out() throws Exception {
        // One CPU holds 204 device vectors; each igb wants 3 (other + rx + tx).
        DriverHost host = DriverHost.boot("6.18", 1, "igb:69");
        host.load(new IgbDriver());
        assertEquals(List.of("eth68"), host.irqNames().subList(0, 1)); // the INTx row sorts first (GSI 10/11)
        assertEquals(List.of("rx-0", "tx-0"), host.list("/sys/class/net/eth68/queues"));
        assertEquals(1, host.napiIds("eth68").size());
        assertTrue(host.dmesg().contains("igb 0000:02:07.0: Using legacy interrupts. 1 rx queue(s), 1 tx queue(s)"),
            host.dmesg().subList(host.dmesg().size() - 3, host.dmesg().size()).toString());
    }

    @Test
    void should_have_no_visible_parameters_before_6_9() throws Exception {
        DriverHost host = DriverHost.boot("6.8", 2, "igb");
        host.load(new IgbDriver());
        assertEquals(List.of("drivers", "initstate", "refcnt"), host.list("/sys/module/igb")); // drivers/pci:igb
    }

    /** "intel: make module parameters readable in sys filesystem": only max_vfs becomes 0444. */
    @Test
    void should_show_max_vfs_from_6_9() throws Exception {
        DriverHost host = DriverHost.boot("6.9", 2, "igb");
        host.load(new IgbDriver());
        assertEquals(List.of("max_vfs"), host.list("/sys/module/igb/parameters"));
        assertEquals("0\n", host.read("/sys/module/igb/parameters/max_vfs"));
    }

    @Test
    void should_log_the_probe() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "igb");
        host.load(new IgbDriver());
        List<String> log = host.dmesg();
        assertEquals(List.of(
            "igb 0000:00:03.0: Intel(R) Gigabit Ethernet Network Connection",
            "igb 0000:00:03.0: eth0: (PCIe:5.0Gb/s:Width x4) 52:54:00:12:34:56",
            "igb 0000:00:03.0: Using MSI-X interrupts. 2 rx queue(s), 2 tx queue(s)"), log.subList(1, log.size()));
    }

    @Test
    void should_lay_out_q_vectors_like_igb_alloc_q_vectors() {
        assertEquals(List.of(new IgbQVector(0, -1), new IgbQVector(1, -1), new IgbQVector(-1, 0), new IgbQVector(-1, 1)),
            IgbQVector.alloc(4, 2, 2));
        assertEquals(List.of(new IgbQVector(0, 0), new IgbQVector(1, 1)), IgbQVector.alloc(2, 2, 2));
        assertEquals("eth0-unused", new IgbQVector(-1, -1).name("eth0"));
    }

    @Test
    void should_come_back_the_same_after_rmmod_and_modprobe() throws Exception {
        DriverHost.boot("6.18", 2, "igb:2").assertReloadsTheSame(IgbDriver::new, 20);
    }

    private static String join(List<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(sb.length() == 0 ? "" : " ").append(id);
        }
        return sb.toString();
    }

    private static String golden(String name) throws Exception {
        try (InputStream in = IgbDriverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "net/intel: remove driver versions from Intel drivers": the driver's string until 5.9, then none. */
    @ParameterizedTest
    @CsvSource({"4.4, 5.6.0-k", "5.8, 5.6.0-k", "5.9, ''", "6.18, ''"})
    void drvinfo_version_until_5_9(String release, String version) throws Exception {
        DriverHost host = DriverHost.boot(release, 2, "igb");
        host.load(new IgbDriver());
        assertEquals(version, host.netdev("eth0").ethtoolOps().getDrvinfo().version());
    }
}
