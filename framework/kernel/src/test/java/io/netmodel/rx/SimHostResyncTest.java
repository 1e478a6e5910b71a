package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netmodel.sim.Simulator;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.Test;

/**
 * A bench host whose driver rebuilds its queues while the host is configured (ethtool -L/-G in a
 * set-up script) follows the new NAPI and the re-requested input IRQ, so knobs set afterwards
 * (napi-set, the kthread's scheduling, smp_affinity_list) act on what the run uses.
 */
class SimHostResyncTest {
    @Test
    void resync_follows_the_rebuilt_napi_and_irq() throws Exception {
        ConfigNapiDriver drv = new ConfigNapiDriver(2, false);
        Host host = Host.with("6.19", 2, 2, drv);
        SimHost h = new SimHost("h", host.kernel, new Simulator(1), RxCosts.load(RxCosts.DEFAULT_PROFILE));
        int irqBefore = h.inputIrqNumber();
        drv.setQueues(1); // the IRQ of queue 1 is freed first, so queue 0's comes back on another number
        assertNotEquals(drv.napis.get(0), h.napi.napi(), "still the deleted NAPI");
        h.resync();
        assertSame(drv.napis.get(0), h.napi.napi());
        assertEquals(drv.irqs.get(0).number(), h.inputIrqNumber());
        assertEquals(259, h.napi.napi().napiId());
        assertNotEquals(-1, irqBefore);
    }
}
