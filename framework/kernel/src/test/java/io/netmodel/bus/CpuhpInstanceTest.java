package io.netmodel.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.driver.CpuhpInstance;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.VirtioIdDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A driver's CPU hotplug instance ({@code DeviceContext.cpuhpAddInstance}): called at each CPU's
 * down and up with the online mask already changed, isolated when it throws, and dropped at unbind.
 */
class CpuhpInstanceTest {
    private static final String CPU1 = "/sys/devices/system/cpu/cpu1/online";

    /** Records each call as "what cpu online-mask"; throws on a CPU's down when told to. */
    private static final class Recorder extends VirtioIdDriver {
        final List<String> calls = new ArrayList<>();
        boolean throwOnDown;

        Recorder() {
            super("hpnet");
        }

        @Override
        public void probe(DeviceContext ctx) {
            ctx.cpuhpAddInstance(new CpuhpInstance() {
                @Override
                public void online(int cpu) {
                    calls.add("online " + cpu + " " + ctx.cpuOnlineMask() + " " + ctx.numOnlineCpus());
                }

                @Override
                public void downPrep(int cpu) {
                    calls.add("down_prep " + cpu + " " + ctx.cpuOnlineMask());
                    if (throwOnDown) {
                        throw new IllegalStateException("driver bug");
                    }
                }

                @Override
                public void dead(int cpu) {
                    calls.add("dead " + cpu + " " + ctx.cpuOnlineMask() + " " + ctx.numOnlineCpus());
                }
            });
        }
    }

    @Test
    void the_instance_sees_each_down_and_up_and_goes_at_unbind() throws Exception {
        Recorder d = new Recorder();
        Host h = Host.with("6.19", 4, 1, d);
        h.write(CPU1, "0");
        h.write(CPU1, "1");
        assertEquals(List.of("down_prep 1 {0, 2, 3}", "dead 1 {0, 2, 3} 3", "online 1 {0, 1, 2, 3} 4"), d.calls);

        h.write("/sys/bus/virtio/drivers/hpnet/unbind", "virtio0");
        h.write(CPU1, "0");
        assertEquals(3, d.calls.size(), "not called once unbound");
    }

    @Test
    void a_throwing_callback_is_logged_and_the_cpu_goes_down_all_the_same() throws Exception {
        Recorder d = new Recorder();
        d.throwOnDown = true;
        Host h = Host.with("6.19", 2, 1, d);
        h.write(CPU1, "0");
        assertEquals("0\n", h.read("/sys/devices/system/cpu/online"));
        assertTrue(h.kernel.modules().dmesg().stream()
            .anyMatch(l -> l.equals("hpnet virtio0: cpu down callback failed: java.lang.IllegalStateException: driver bug")
                || l.endsWith("] hpnet virtio0: cpu down callback failed: java.lang.IllegalStateException: driver bug")),
            () -> String.join("\n", h.kernel.modules().dmesg()));
    }
}
