package io.netmodel.drivers.e1000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.host.ModuleLoadException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code e1000_check_options}: values the int parser takes but the driver does not are logged
 * and replaced by the default; the module still loads.
 */
class E1000OptionsTest {

    @ParameterizedTest(name = "InterruptThrottleRate={0}: itr_setting {1}, itr {2}")
    @CsvSource(delimiter = '|', value = {
        "-1     | 0     | 3     | Invalid Interrupt Throttling Rate (ints/sec) value specified (-1) using default of 3",
        "0      | 0     | 0     | Interrupt Throttling Rate (ints/sec) turned off",
        "1      | 1     | 20000 | Interrupt Throttling Rate (ints/sec) set to dynamic mode",
        "3      | 3     | 20000 | Interrupt Throttling Rate (ints/sec) set to dynamic conservative mode",
        "4      | 4     | 4     | Interrupt Throttling Rate (ints/sec) set to simplified (2000-8000) ints mode",
        "8000   | 8000  | 8000  | Interrupt Throttling Rate (ints/sec) set to 8000",
        "8001   | 8000  | 8001  | Interrupt Throttling Rate (ints/sec) set to 8001",
        "2      | 0     | 3     | Invalid Interrupt Throttling Rate (ints/sec) value specified (2) using default of 3",
        "200000 | 0     | 3     | Invalid Interrupt Throttling Rate (ints/sec) value specified (200000) using default of 3",
    })
    void should_check_interrupt_throttle_rate(String given, int itrSetting, int itr, String message) throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        E1000Driver driver = new E1000Driver();
        host.load(driver, Map.of("InterruptThrottleRate", given));
        E1000Options o = driver.adapter("0000:00:03.0");
        assertEquals(itrSetting, o.itrSetting());
        assertEquals(itr, o.itr());
        List<String> log = host.dmesg();
        if (message != null) {
            assertEquals("e1000 0000:00:03.0: " + message, log.get(1));
        } else {
            assertEquals("e1000 0000:00:03.0: eth0: (PCI:33MHz:32-bit) 52:54:00:12:34:56", log.get(1));
        }
    }

    @ParameterizedTest(name = "RxDescriptors={0}: {1}")
    @CsvSource({"1024, 1024", "100, 104", "48, 48", "47, 256", "5000, 256", "4096, 4096"})
    void should_check_and_align_ring_sizes(String given, int count) throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        E1000Driver driver = new E1000Driver();
        host.load(driver, Map.of("RxDescriptors", given, "TxDescriptors", given));
        assertEquals(count, driver.adapter("0000:00:03.0").rxRingCount());
        assertEquals(count, driver.adapter("0000:00:03.0").txRingCount());
    }

    @Test
    void should_use_the_defaults_when_nothing_is_given() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        E1000Driver driver = new E1000Driver();
        host.load(driver, Map.of());
        E1000Options o = driver.adapter("0000:00:03.0");
        assertEquals(E1000Defaults.DEFAULT_ITR, o.itrSetting());
        assertEquals(20000, o.itr());
        assertEquals(E1000Defaults.DEFAULT_RING, o.rxRingCount());
        assertEquals("e1000 0000:00:03.0: eth0: (PCI:33MHz:32-bit) 52:54:00:12:34:56", host.dmesg().get(1));
    }

    /** {@code module_param_array}: element N configures board N; a board past the list takes the default. */
    @Test
    void should_configure_each_board_from_its_element() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000:3");
        E1000Driver driver = new E1000Driver();
        host.load(driver, Map.of("InterruptThrottleRate", "0,1", "RxDescriptors", "1024"));
        assertEquals(0, driver.adapter("0000:00:03.0").itrSetting());
        assertEquals(1, driver.adapter("0000:00:04.0").itrSetting());
        assertEquals(E1000Defaults.DEFAULT_ITR, driver.adapter("0000:00:05.0").itrSetting());
        assertEquals(1024, driver.adapter("0000:00:03.0").rxRingCount());
        assertEquals(E1000Defaults.DEFAULT_RING, driver.adapter("0000:00:04.0").rxRingCount());
    }

    @ParameterizedTest(name = "InterruptThrottleRate={0}")
    @CsvSource(delimiter = '|', value = {"1,x", "1,,3", "''", "0x1g"})
    void should_refuse_what_the_array_parser_refuses(String given) {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
            () -> host.load(new E1000Driver(), Map.of("InterruptThrottleRate", given)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(List.of("lo"), host.netdevNames());
        assertTrue(host.dmesg().stream().noneMatch(l -> l.contains("can only take")), host.dmesg()::toString);
    }

    /** {@code param_array}: E1000_MAX_NIC + 1 = 33 elements at most. */
    @Test
    void should_refuse_more_elements_than_the_array_holds() throws Exception {
        String full = String.join(",", java.util.Collections.nCopies(33, "3"));
        DriverHost ok = DriverHost.boot("6.18", 2, "e1000");
        ok.load(new E1000Driver(), Map.of("InterruptThrottleRate", full));
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
            () -> host.load(new E1000Driver(), Map.of("InterruptThrottleRate", full + ",3")));
        assertEquals(Errno.EINVAL, e.errno());
        assertTrue(host.dmesg().contains("InterruptThrottleRate: can only take 33 arguments"), host.dmesg()::toString);
    }
}
