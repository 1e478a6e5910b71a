package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.testkit.Host;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which {@code /sys/class/net/<dev>/} files exist in which release (kernel-interfaces.md §2.3
 * "Since" column, §8): gro_flush_timeout 3.19, carrier_up_count/carrier_down_count 4.16,
 * napi_defer_hard_irqs and testing 5.8, threaded 5.12.
 */
class NetSysfsVersionsTest {

    @ParameterizedTest(name = "{0}: {1} present = {2}")
    @CsvSource({
        "5.11, threaded,             false",
        "5.12, threaded,             true",
        "6.19, threaded,             true",
        "5.7,  napi_defer_hard_irqs, false",
        "5.8,  napi_defer_hard_irqs, true",
        "3.18, gro_flush_timeout,    false",
        "3.19, gro_flush_timeout,    true",
        "3.11, mtu,                  true",
        "3.11, statistics,           true",
        "5.7,  testing,              false",
        "5.8,  testing,              true",
        "4.15, carrier_up_count,     false",
        "4.16, carrier_up_count,     true",
        "4.15, carrier_down_count,   false",
        "4.16, carrier_down_count,   true",
        "4.15, carrier_changes,      true",
        "3.14, carrier_changes,      false",
        "3.15, carrier_changes,      true",
        "3.14, dev_port,             false",
        "3.15, dev_port,             true",
        "3.16, name_assign_type,     false",
        "3.17, name_assign_type,     true",
        "4.2,  proto_down,           false",
        "4.3,  proto_down,           true",
    })
    void should_create_the_file_only_from_its_release(String version, String attr, boolean present) {
        Host host = Host.bare(version);
        assertEquals(present, host.exists("/sys/class/net/lo/" + attr), "lo/" + attr + " on " + version);
    }

    @ParameterizedTest(name = "{0}: eth0/{1} present = {2}")
    @CsvSource({"5.11, threaded, false", "5.12, threaded, true", "5.7, napi_defer_hard_irqs, false",
        "5.8, napi_defer_hard_irqs, true"})
    void should_apply_the_same_table_to_driver_devices(String version, String attr, boolean present) {
        Host host = Host.with(version, io.netmodel.testkit.TinyDriver.plain());
        assertEquals(present, host.exists("/sys/class/net/eth0/" + attr), "eth0/" + attr + " on " + version);
    }
}
