package io.netmodel.rx;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.kernel.Behaviour;
import java.util.Map;

/**
 * The knobs seed 001's set-up script sets, per mode, written to the host's own files (what the
 * script echoes is what runs). The netlink part of {@code enable_threaded}
 * ({@code napi-set threaded busy-poll}) sets the NAPI directly until the model has netlink.
 */
final class SeedScript {
    private static final String CORE = "/proc/sys/net/core/";
    private static final String ETH0 = "/sys/class/net/eth0/";

    private SeedScript() {
    }

    static void apply(SimHost h, XskMode mode, int irqCpu) {
        if (h.kernel.profile().has(Behaviour.THREADED_NAPI)) {
            h.write(ETH0 + "threaded", "0");
        }
        h.write(CORE + "rps_sock_flow_entries", "0");
        h.write(ETH0 + "queues/rx-0/rps_cpus", "0");
        if (h.inputIrqNumber() >= 0) {
            h.write("/proc/irq/" + h.inputIrqNumber() + "/smp_affinity_list", Integer.toString(irqCpu));
        }
        switch (mode) {
            case BUSY_POLL:
            case BUSY_POLL_SEPARATE:
                h.write(CORE + "busy_read", "400");
                h.write(ETH0 + "napi_defer_hard_irqs", "100");
                h.write(ETH0 + "gro_flush_timeout", "15000");
                break;
            case THREADED_BUSY_POLL:
                h.write(CORE + "busy_poll", "0");
                h.write(CORE + "busy_read", "0");
                h.write(ETH0 + "napi_defer_hard_irqs", "100");
                h.write(ETH0 + "gro_flush_timeout", "15000");
                break;
            case INTERRUPTS:
            default:
                h.write(CORE + "busy_read", "0");
                h.write(ETH0 + "napi_defer_hard_irqs", "0");
                h.write(ETH0 + "gro_flush_timeout", "15000");
                break;
        }
    }

    /** The knobs in force, read back from the host's files. */
    static Map<String, String> describe(SimHost h, XskMode mode) {
        Map<String, String> knobs = new java.util.LinkedHashMap<>();
        knobs.put("mode", mode.cliName());
        knobs.put("net.core.busy_read", h.read(CORE + "busy_read"));
        knobs.put("net.core.busy_poll", h.read(CORE + "busy_poll"));
        knobs.put("eth0.napi_defer_hard_irqs", h.read(ETH0 + "napi_defer_hard_irqs"));
        knobs.put("eth0.gro_flush_timeout", h.read(ETH0 + "gro_flush_timeout"));
        knobs.put("eth0.threaded", mode == XskMode.THREADED_BUSY_POLL ? "busy-poll (napi-set)" : h.read(ETH0 + "threaded"));
        knobs.put("irq." + h.inputIrqNumber() + ".smp_affinity_list", h.read("/proc/irq/" + h.inputIrqNumber() + "/smp_affinity_list"));
        knobs.put("coalescing", "rx-usecs 0 tx-usecs 0 adaptive off");
        return knobs;
    }
}
