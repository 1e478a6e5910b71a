package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code echo 0 > cpuN/online} under {@code netmodel traffic}, advanced by hand: the IRQ on that
 * CPU moves ({@code fixup_irqs}), the NAPI the CPU was polling goes to an online CPU's poll list
 * ({@code dev_cpu_dead}), so the softirq work stops there and continues elsewhere, and no frame
 * is lost on the way.
 */
class LiveTrafficHotplugTest {
    private static final long MS = 1_000_000;

    @Test
    void the_poll_leaves_a_cpu_that_goes_down_and_nothing_is_lost() throws Exception {
        Host h = Host.with("6.19", 4, TinyDriver.plain());
        h.write("/sys/class/net/eth0/napi_defer_hard_irqs", "100\n");
        h.write("/sys/class/net/eth0/gro_flush_timeout", "20000\n"); // the NAPI stays scheduled, rearmed by its timer
        h.write("/proc/irq/24/smp_affinity_list", "1\n");
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(200_000, 64, false, 1, TrafficRequest.SYSCTL_BUSY_READ,
            TrafficRequest.DEFAULT_CPU, 1, false, true));
        t.advanceForTest(5 * MS);
        int onCpu1 = h.kernel.softnet(1).processed;
        assertTrue(onCpu1 > 900, "polled on CPU 1 at first: " + onCpu1);
        assertEquals(0, h.kernel.softnet(0).processed);

        h.write("/sys/devices/system/cpu/cpu1/online", "0\n");
        assertEquals("0\n", h.read("/proc/irq/24/effective_affinity_list"));
        t.advanceForTest(15 * MS);
        int stillOnCpu1 = h.kernel.softnet(1).processed;
        assertTrue(stillOnCpu1 - onCpu1 <= 64, "at most the poll in flight ends there: " + (stillOnCpu1 - onCpu1));
        assertTrue(h.kernel.softnet(0).processed > 1500, "CPU 0 polls now: " + h.kernel.softnet(0).processed);
        TrafficStatus s = t.status();
        assertEquals(0, s.dropped(), s.toString());
        assertEquals(s.arrived(), s.delivered(), 64, s.toString());
        assertEquals(3, h.read("/proc/net/softnet_stat").lines().count(), "rows for CPUs 0, 2 and 3");
    }
}
