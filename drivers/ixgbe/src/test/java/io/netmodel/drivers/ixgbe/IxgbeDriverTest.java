package io.netmodel.drivers.ixgbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.drivers.testkit.DriverHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ixgbe bound to an 82599ES on a real kernel model, per release (kernel-algorithms.md §3.3; seeds 000, 004). */
class IxgbeDriverTest {

    @ParameterizedTest(name = "{0}: napi_ids {1}, ndo_busy_poll {2}")
    @CsvSource(delimiter = '|', value = {
        "3.13 | 1 2     | true",  // seed 004: ixgbe busy polls on 3.13; its own napi_hash_add gives ids
        "4.4  | 1 2     | true",  // seed 000: "ixgbe gains on both"
        "4.5  | 1 2     | true",  // ids from netif_napi_add now; the own routine stays until 4.10
        "4.11 | 1 2     | false", // 3ffc1af57655 and 79e7fff47b7b: the hook is gone
        "6.18 | 257 258 | false",
    })
    void should_have_napi_ids_on_every_release_and_ndo_busy_poll_until_4_10(String version, String ids,
                                                                            boolean ndoBusyPoll) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(ids, join(host.napiIds("eth0")));
        assertEquals(ndoBusyPoll, host.hasNdoBusyPoll("eth0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.13", "4.4", "4.5", "4.11", "6.18"})
    void should_name_queue_vectors_first_and_the_other_vector_last(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0"), host.irqNames());
        for (String row : host.irqRows()) {
            assertTrue(row.contains(" PCI-MSIX-0000:00:03.0 "), row);
        }
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1"), host.list("/sys/class/net/eth0/queues"));
        assertEquals("10000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @Test
    void should_show_proc_interrupts_of_a_6_18_guest_with_2_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(golden("proc-interrupts-6.18-2cpus.txt"), host.read("/proc/interrupts"));
    }

    @Test
    void should_give_two_nics_of_four_queues_two_vectors_each_on_two_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "ixgbe:2", 4);
        host.load(new IxgbeDriver());
        assertEquals(List.of("lo", "eth0", "eth1"), host.netdevNames());
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0", "eth1-TxRx-0", "eth1-TxRx-1", "eth1"),
            host.irqNames());
    }

    @Test
    void should_grow_past_16_queues_with_flow_director() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 24, "ixgbe", 64);
        host.load(new IxgbeDriver());
        assertEquals(24, host.napiIds("eth0").size());
        assertEquals("eth0-TxRx-23", host.irqNames().get(23));
        assertTrue(host.dmesg().contains(
            "ixgbe 0000:00:03.0: Multiqueue Enabled: Rx Queue count = 24, Tx Queue count = 24 XDP Queue count = 0"));
    }

    @Test
    void should_stop_at_the_queues_the_device_offers() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 8, "ixgbe", 4);
        host.load(new IxgbeDriver());
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0-TxRx-2", "eth0-TxRx-3", "eth0"), host.irqNames());
    }

    @Test
    void should_fall_back_to_the_shared_intx_line_when_msix_vectors_run_out() throws Exception {
        // One CPU holds 204 device vectors; each ixgbe wants 2 (one queue vector + other).
        DriverHost host = DriverHost.boot("4.4", 1, "ixgbe:103");
        host.load(new IxgbeDriver());
        assertEquals("eth102", host.irqNames().get(0));
        assertEquals(List.of(103), host.napiIds("eth102").subList(0, 1)); // still hashed by the driver on 4.4
        assertTrue(host.dmesg().contains("ixgbe 0000:03:09.0: Failed to allocate MSI-X interrupts. Err: -28"));
        assertTrue(host.dmesg().contains(
            "ixgbe 0000:03:09.0: Multiqueue Disabled: Rx Queue count = 1, Tx Queue count = 1"));
    }

    @Test
    void should_have_no_visible_parameters_before_6_9() throws Exception {
        DriverHost host = DriverHost.boot("6.8", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(List.of("drivers", "initstate", "refcnt"), host.list("/sys/module/ixgbe")); // drivers/pci:ixgbe
    }

    /** "intel: make module parameters readable in sys filesystem": only allow_unsupported_sfp becomes 0444. */
    @Test
    void should_show_allow_unsupported_sfp_from_6_9() throws Exception {
        DriverHost host = DriverHost.boot("6.9", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(List.of("allow_unsupported_sfp"), host.list("/sys/module/ixgbe/parameters"));
        assertEquals("N\n", host.read("/sys/module/ixgbe/parameters/allow_unsupported_sfp"));
    }

    @Test
    void should_spread_rings_over_fewer_vectors_and_skip_empty_ones() {
        List<IxgbeQVector> two = IxgbeQVector.alloc(2, 4, 4);
        assertEquals(List.of(new IxgbeQVector(2, 2), new IxgbeQVector(2, 2)), two);
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1"), IxgbeQVector.names(two, "eth0"));
        List<IxgbeQVector> four = IxgbeQVector.alloc(4, 2, 2);
        assertEquals(List.of("eth0-rx-0", "eth0-rx-1", "eth0-tx-0", "eth0-tx-1"), IxgbeQVector.names(four, "eth0"));
        assertEquals(Arrays.asList("eth0-rx-0", "eth0-tx-0", null), IxgbeQVector.names(IxgbeQVector.alloc(3, 1, 1), "eth0"));
    }

    @Test
    void should_come_back_the_same_after_rmmod_and_modprobe() throws Exception {
        DriverHost.boot("6.18", 2, "ixgbe:2").assertReloadsTheSame(IxgbeDriver::new, 20);
    }

    private static String join(List<Integer> ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            sb.append(sb.length() == 0 ? "" : " ").append(id);
        }
        return sb.toString();
    }

    private static String golden(String name) throws Exception {
        try (InputStream in = IxgbeDriverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
