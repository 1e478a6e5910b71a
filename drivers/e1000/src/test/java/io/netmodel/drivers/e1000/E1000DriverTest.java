package io.netmodel.drivers.e1000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netmodel.drivers.testkit.DriverHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * e1000 bound to an 82540EM on a real kernel model, per release (kernel-algorithms.md §3.1,
 * tables (a) and (b); seed 000).
 */
class E1000DriverTest {

    @ParameterizedTest(name = "{0}: napi_id {1}")
    @CsvSource({
        "3.13, 0",
        "4.4,  0",   // seed 000: Ubuntu 16.04, no napi_hash_add anywhere, so busy polling never starts
        "4.5,  1",   // netif_napi_add hashes every NAPI (93d05d4a320c)
        "4.11, 1",
        "6.18, 257", // ids start above NR_CPUS from 4.12
    })
    void should_get_a_napi_id_only_from_the_core(String version, int napiId) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "e1000");
        host.load(new E1000Driver());
        assertEquals(List.of(napiId), host.napiIds("eth0"));
        assertEquals(64, host.netdev("eth0").napis().get(0).weight());
        if (napiId == 0) {
            assertNull(host.kernel().netdevs().napiHash().byId(1), "nothing in the NAPI hash on " + version);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.13", "4.4", "4.5", "4.11", "6.18"})
    void should_never_have_ndo_busy_poll(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "e1000");
        host.load(new E1000Driver());
        assertFalse(host.hasNdoBusyPoll("eth0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.13, 3", "4.4, 3", "4.5, 3", "4.11, 3", "6.18, 2"}) // spaces before the chip: 3 before 6.13
    void should_take_one_legacy_line_named_after_the_netdev(String version, int spaces) throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "e1000");
        host.load(new E1000Driver());
        assertEquals(List.of(" 11:          0          0" + " ".repeat(spaces) + "IO-APIC  11-fasteoi   eth0"), host.irqRows());
        assertEquals(List.of("rx-0", "tx-0"), host.list("/sys/class/net/eth0/queues"));
        assertEquals("1000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @Test
    void should_show_proc_interrupts_of_a_6_18_guest_with_2_cpus() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        host.load(new E1000Driver());
        assertEquals(golden("proc-interrupts-6.18-2cpus.txt"), host.read("/proc/interrupts"));
    }

    @Test
    void should_share_the_intx_line_between_two_boards_on_the_same_gsi() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000:3");
        host.load(new E1000Driver());
        assertEquals(List.of("eth1", "eth0, eth2"), host.irqNames()); // slots 3 and 5 on GSI 11, 4 on 10
    }

    @Test
    void should_show_only_copybreak_under_sys_module() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        host.load(new E1000Driver());
        assertEquals(List.of("copybreak"), host.list("/sys/module/e1000/parameters"));
        assertEquals("256\n", host.read("/sys/module/e1000/parameters/copybreak"));
    }

    @Test
    void should_lose_and_regain_its_files_over_rmmod_and_modprobe() throws Exception {
        DriverHost host = DriverHost.boot("4.5", 2, "e1000");
        E1000Driver first = new E1000Driver();
        host.load(first);
        host.unload(first);
        assertEquals(List.of("lo"), host.netdevNames());
        assertEquals(List.of(), host.irqRows());
        assertFalse(host.exists("/sys/module/e1000"));

        host.load(new E1000Driver());
        assertEquals(List.of(2), host.napiIds("eth0")); // napi_gen_id is never reused
        assertEquals(List.of("eth0"), host.irqNames());
    }

    @Test
    void should_log_the_probe() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        host.load(new E1000Driver());
        List<String> log = host.dmesg();
        assertEquals(List.of(
            "e1000 0000:00:03.0: eth0: (PCI:33MHz:32-bit) 52:54:00:12:34:56",
            "e1000 0000:00:03.0: eth0: Intel(R) PRO/1000 Network Connection"), log.subList(1, log.size()));
    }

    @Test
    void should_come_back_the_same_after_rmmod_and_modprobe() throws Exception {
        DriverHost.boot("6.18", 2, "e1000:2").assertReloadsTheSame(E1000Driver::new, 20);
    }

    static String golden(String name) throws Exception {
        try (InputStream in = E1000DriverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** "net/intel: remove driver versions from Intel drivers": the driver's string until 5.9, then none. */
    @ParameterizedTest
    @CsvSource({"4.4, 7.3.21-k8-NAPI", "5.8, 7.3.21-k8-NAPI", "5.9, ''", "6.18, ''"})
    void drvinfo_version_until_5_9(String release, String version) throws Exception {
        DriverHost host = DriverHost.boot(release, 2, "e1000");
        host.load(new E1000Driver());
        assertEquals(version, host.netdev("eth0").ethtoolOps().getDrvinfo().version());
    }
}
