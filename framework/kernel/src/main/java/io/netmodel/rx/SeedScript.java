package io.netmodel.rx;

import io.netmodel.api.bench.XskMode;
import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import java.util.BitSet;
import java.util.Map;

/**
 * The knobs seed 001's set-up script sets, per mode, written to the host's own files (what the
 * script echoes is what runs). {@code enable_threaded}'s netlink and scheduler calls go through
 * the host's netdev family and task service, as the script's {@code ynl}, {@code chrt} and
 * {@code taskset} do.
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
        var ethtool = h.kernel.ethtool();
        ethtool(h, "-L eth0 rx 1 tx 1", () -> ethtool.setChannels("eth0", Map.of(ChannelParam.RX, 1L, ChannelParam.TX, 1L)));
        ethtool(h, "-G eth0 rx 1024", () -> ethtool.setRingparam("eth0", Map.of(RingSize.RX, 1024L)));
        h.resync(); // idpf's soft reset re-made its NAPIs and queue IRQs
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
                threadedBusyPoll(h, irqCpu);
                break;
            case INTERRUPTS:
            default:
                h.write(CORE + "busy_read", "0");
                h.write(ETH0 + "napi_defer_hard_irqs", "0");
                h.write(ETH0 + "gro_flush_timeout", "15000");
                break;
        }
        coalescing(h); // in the script it sits between the busy-poll block and the variants' blocks
    }

    /** The script's {@code ethtool -C} line. */
    private static void coalescing(SimHost h) {
        var ethtool = h.kernel.ethtool();
        Map<CoalesceParam, Long> c = new java.util.EnumMap<>(CoalesceParam.class);
        c.put(CoalesceParam.USE_ADAPTIVE_RX, 0L);
        c.put(CoalesceParam.USE_ADAPTIVE_TX, 0L);
        c.put(CoalesceParam.RX_USECS, 0L);
        c.put(CoalesceParam.TX_USECS, 0L);
        ethtool(h, "-C eth0 adaptive-rx off adaptive-tx off rx-usecs 0 tx-usecs 0", () -> ethtool.setCoalesce("eth0", c));
    }

    /** One ethtool line of the script: no {@code set -e}, so a refusal is noted and the script goes on. */
    private static void ethtool(SimHost h, String line, EthtoolCall call) {
        try {
            call.run();
        } catch (EthtoolException e) {
            h.setupNotes.put("ethtool " + line, "failed: " + e.getMessage() + " (the script goes on, as it has no set -e)");
        }
    }

    @FunctionalInterface
    private interface EthtoolCall {
        Object run() throws EthtoolException;
    }

    /**
     * {@code ynl --do napi-set --json '{"id": N, "threaded": "busy-poll"}'}, then
     * {@code chrt -f -p 50} and {@code taskset -pc <irqCpu>} on the NAPI's kthread.
     */
    private static void threadedBusyPoll(SimHost h, int irqCpu) {
        var napi = h.napi.napi();
        try {
            h.kernel.netdevFamily().doit("napi-set", Map.of("id", (long) napi.napiId(),
                "threaded", (long) NapiThreaded.BUSY_POLL.value()));
            int pid = napi.thread().pid();
            h.kernel.taskService().setScheduler(pid, SchedPolicy.FIFO, 50);
            BitSet cpu = new BitSet();
            cpu.set(irqCpu);
            h.kernel.taskService().setAffinity(pid, cpu);
        } catch (NetlinkException | SchedException e) {
            throw new IllegalStateException(h.name + ": enable_threaded: " + e.getMessage(), e);
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
        knobs.put("eth0.threaded", h.read(ETH0 + "threaded"));
        knobs.put("eth0.napi[0].threaded", h.napi.napi().threaded().ynlName());
        if (h.napi.napi().thread() != null) {
            var t = h.napi.napi().thread();
            knobs.put("eth0.napi[0].kthread", t.policy().name() + " " + t.rtPriority() + " on CPU " + t.cpu());
        }
        knobs.put("irq." + h.inputIrqNumber() + ".smp_affinity_list", h.read("/proc/irq/" + h.inputIrqNumber() + "/smp_affinity_list"));
        LiveEthtool.capture(h.kernel).describe(knobs);
        knobs.putAll(h.setupNotes);
        return knobs;
    }
}
