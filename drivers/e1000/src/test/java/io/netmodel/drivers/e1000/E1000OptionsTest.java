package io.netmodel.drivers.e1000;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        "-1     | 3     | 20000 | ",
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
    void should_apply_a_parameter_to_the_first_board_only() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000:2");
        E1000Driver driver = new E1000Driver();
        host.load(driver, Map.of("InterruptThrottleRate", "0"));
        assertEquals(0, driver.adapter("0000:00:03.0").itrSetting());
        assertEquals(E1000Defaults.DEFAULT_ITR, driver.adapter("0000:00:04.0").itrSetting());
    }

    @Test
    void should_refuse_what_the_int_parser_refuses() {
        DriverHost host = DriverHost.boot("6.18", 2, "e1000");
        ModuleLoadException e = assertThrows(ModuleLoadException.class,
            () -> host.load(new E1000Driver(), Map.of("InterruptThrottleRate", "1,3")));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(List.of("lo"), host.netdevNames());
    }
}
