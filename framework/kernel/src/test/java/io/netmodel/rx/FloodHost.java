package io.netmodel.rx;

import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;

/** A 2-CPU host whose eth0 has a 256-descriptor RX ring ({@code ethtool -G rx 256}): a flood overruns it soon. */
final class FloodHost {
    private FloodHost() {
    }

    /** The host on {@code kernel}, eth0's interrupt on {@code irqCpu}. */
    static Host boot(String kernel, int irqCpu) throws Exception {
        TinyDriver d = TinyDriver.plain();
        d.ethtoolOps = () -> new EthtoolOps() {
            @Override
            public Ringparam getRingparam() {
                return new Ringparam(4096, 0, 0, 4096, 256, 0, 0, 256);
            }
        };
        Host h = Host.with(kernel, 2, d);
        irqOn(h, irqCpu);
        return h;
    }

    /** eth0's interrupt to {@code cpu} ({@code smp_affinity_list}). */
    static void irqOn(Host h, int cpu) throws Exception {
        for (String line : h.read("/proc/interrupts").split("\n")) {
            if (line.contains(TinyDriver.IRQ_NAME)) {
                h.write("/proc/irq/" + line.substring(0, line.indexOf(':')).trim() + "/smp_affinity_list", cpu + "\n");
                return;
            }
        }
        throw new AssertionError(h.read("/proc/interrupts"));
    }
}
