package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netmodel.sim.Simulator;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.RssTableOps;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RX queue a benchmark's one flow runs on: RSS of {@link Rps#FLOW_HASH}, entry 0 of the
 * device's table. Queue 0 under a default table; after {@code ethtool -X} the queue written
 * there, with its NAPI, its interrupt and, for {@code --live}, the live model's table and that
 * NAPI's settings.
 */
class BenchFlowQueueTest {
    private static Host fourQueues() {
        ConfigNapiDriver cfg = new ConfigNapiDriver(4, false);
        Host h = Host.with("6.19", 2, 4, cfg);
        cfg.dev.setEthtoolOps(new RssTableOps(cfg, 4, 4, 128));
        return h;
    }

    private static SimHost simHost(Host h) {
        return new SimHost("h", h.kernel, new Simulator(1), RxCosts.load(RxCosts.DEFAULT_PROFILE));
    }

    @Test
    void a_default_table_puts_the_flow_on_queue_0() {
        Host h = fourQueues();
        SimHost s = simHost(h);
        s.resync();
        assertEquals(0, SimHost.flowQueue(h.kernel.netdevs().byName("eth0")));
        assertSame(h.kernel.netdevs().byName("eth0").napis().get(0), s.napi.napi());
        assertEquals(0, LiveNapi.capture(h.kernel).napiIndex());
        assertNull(LiveEthtool.capture(h.kernel).rssIndir(), "a default table is not copied");
    }

    @Test
    void ethtool_X_moves_the_flow_with_its_napi_and_interrupt() throws Exception {
        Host h = fourQueues();
        int[] weight0100 = new int[128];
        java.util.Arrays.fill(weight0100, 1);
        h.kernel.ethtool().setRxfhIndir("eth0", weight0100); // ethtool -X eth0 weight 0 1 0 0
        var eth0 = h.kernel.netdevs().byName("eth0");
        assertEquals(1, SimHost.flowQueue(eth0));
        SimHost s = simHost(h);
        s.resync();
        assertSame(SimHost.queueNapi(eth0, 1), s.napi.napi());
        assertEquals(1, s.napi.rxQueue());
        assertEquals(eth0.napis().get(1).irq(), s.inputIrqNumber(), "queue 1's vector");

        LiveNapi napi = LiveNapi.capture(h.kernel);
        assertEquals(1, napi.napiIndex());
        Map<String, String> knobs = new HashMap<>();
        napi.describe(knobs);
        assertEquals("0", knobs.get("eth0.napi[1].defer-hard-irqs"));
        LiveEthtool ethtool = LiveEthtool.capture(h.kernel);
        assertEquals(128, ethtool.rssIndir().length);
        ethtool.describe(knobs);
        assertEquals("entries per queue 0 128 (ethtool -X)", knobs.get("eth0.ethtool.rxfh-indir"));

        Host bench = fourQueues(); // a benchmark's host, given the live table
        ethtool.applyTo(simHost(bench));
        assertEquals(1, SimHost.flowQueue(bench.kernel.netdevs().byName("eth0")));
    }
}
