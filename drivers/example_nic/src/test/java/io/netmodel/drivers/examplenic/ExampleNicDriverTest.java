package io.netmodel.drivers.examplenic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is examplenic's own: its IRQ names, its history and its quirk (the capped weight). */
class ExampleNicDriverTest {

    @Test
    void should_request_rx_then_tx_vectors_named_after_the_netdev() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "examplenic");
        host.load(new ExampleNicDriver());
        assertEquals(List.of("eth0-rx", "eth0-tx"), host.irqNames());
        assertEquals("1000\n", host.read("/sys/class/net/eth0/speed"));
    }

    @ParameterizedTest(name = "{0}: napi_id {1}, ndo_busy_poll {2}")
    @CsvSource({"3.13, 0, false", "4.4, 1, true", "4.5, 1, true", "4.11, 1, false", "6.18, 257, false"})
    void should_hash_its_napi_itself_until_the_core_does(String version, int napiId, boolean ndoBusyPoll)
            throws Exception {
        DriverHost host = DriverHost.boot(version, 2, "examplenic");
        host.load(new ExampleNicDriver());
        assertEquals(List.of(napiId), host.napiIds("eth0"));
        assertEquals(ndoBusyPoll, host.hasNdoBusyPoll("eth0"));
    }

    @ParameterizedTest(name = "rx_weight={0} -> {1}")
    @CsvSource({"16, 16", "32, 32", "64, 32", "0, 16"})
    void should_cap_the_napi_weight_at_32(String given, int weight) throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "examplenic");
        host.load(new ExampleNicDriver(), Map.of("rx_weight", given));
        assertEquals(weight, host.netdev("eth0").napis().get(0).weight());
        assertEquals(given + "\n", host.read("/sys/module/examplenic/parameters/rx_weight"));
        if (Integer.parseInt(given) > 32) {
            assertTrue(host.dmesg().contains("examplenic 0000:00:03.0: rx_weight 64 above 32, using 32"),
                host.dmesg().toString());
        }
    }
}
