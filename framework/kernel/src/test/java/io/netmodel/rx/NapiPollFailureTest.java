package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * A driver whose NAPI poll function throws: the NAPI is disabled and its frames dropped and
 * counted; the model, its files and the other work keep running.
 */
class NapiPollFailureTest {
    @Test
    void a_throwing_poll_disables_the_napi_not_the_host() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        driver.pollFailure = new IllegalStateException("ring corrupted");
        Host live = Host.with("6.19", 2, driver);
        LiveTraffic traffic = new LiveTraffic(live.kernel);
        traffic.begin(new TrafficRequest(100_000, 64, false, 1));
        traffic.advanceForTest(10_000_000);
        TrafficStatus s = traffic.status();
        assertTrue(s.running(), "the traffic and the model go on");
        assertEquals(0, s.delivered());
        assertEquals(s.arrived(), s.dropped(), s.toString());
        assertTrue(live.kernel.modules().dmesg().stream().anyMatch(l -> l.contains(
            "eth0: NAPI 257: poll function threw java.lang.IllegalStateException: ring corrupted: NAPI disabled")),
            live.kernel.modules().dmesg()::toString);
        assertEquals("1500\n", live.read("/sys/class/net/eth0/mtu"), "the files still answer");
        traffic.stop();
        assertFalse(traffic.status().running());
    }
}
