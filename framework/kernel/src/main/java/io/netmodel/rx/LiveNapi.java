package io.netmodel.rx;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.core.Kernel;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.sched.Task;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NAPI of the RX queue a benchmark's flow lands on, as the running model has it (eth0's first
 * unless a configured RSS table says otherwise): its per-NAPI config (what {@code napi-set}
 * changes without touching sysfs), its threaded mode, and its kthread's scheduling
 * ({@code chrt}, {@code taskset}). Replayed on a simulated host through the same calls a user
 * makes: netlink {@code napi-set}, then {@code sched_setscheduler} and {@code sched_setaffinity}
 * on the kthread that created.
 *
 * @param napiIndex the RX queue whose NAPI this is: the one the benchmark's flow lands on
 *     ({@link SimHost#flowQueue}; 0 unless a configured RSS table says otherwise)
 */
record LiveNapi(int napiIndex, long deferHardIrqs, long groFlushTimeout, long irqSuspendTimeout,
                NapiThreaded threaded, SchedPolicy policy, int rtPriority, BitSet cpus) {

    /** Reads that NAPI of {@code live}; the caller holds the model lock. */
    static LiveNapi capture(Kernel live) {
        NapiImpl napi = firstNapi(live);
        NetDeviceImpl eth0 = live.netdevs().byName("eth0");
        int q = SimHost.flowQueue(eth0);
        if (q != 0) {
            napi = SimHost.queueNapi(eth0, q); // a configured RSS table puts the benchmark's flow there
        }
        Task t = napi.thread();
        return new LiveNapi(q, napi.deferHardIrqs(), napi.groFlushTimeout(), napi.irqSuspendTimeout(), napi.threaded(),
            t == null ? null : t.policy(), t == null ? 0 : t.rtPriority(), t == null ? null : t.cpusAllowed());
    }

    /**
     * Sets the same on {@code h}: the per-NAPI values and the threaded mode with {@code napi-set}
     * (on releases that have it), then the kthread's policy and CPUs.
     */
    void applyTo(SimHost h) {
        NapiImpl napi = h.napi.napi();
        if (h.kernel.profile().has(Behaviour.PER_NAPI_NETLINK_CONFIG)) {
            Map<String, Long> req = new LinkedHashMap<>();
            req.put("id", (long) napi.napiId());
            req.put("defer-hard-irqs", deferHardIrqs);
            req.put("gro-flush-timeout", groFlushTimeout);
            req.put("irq-suspend-timeout", irqSuspendTimeout);
            if (h.kernel.profile().has(Behaviour.NAPI_THREADED_NETLINK)) {
                req.put("threaded", (long) threaded.value());
            }
            try {
                h.kernel.netdevFamily().doit("napi-set", req);
            } catch (NetlinkException e) {
                throw new IllegalStateException(h.name + ": napi-set " + req + ": " + e.getMessage(), e);
            }
        }
        Task t = napi.thread();
        if (t != null && policy != null) {
            try {
                h.kernel.taskService().setScheduler(t.pid(), policy, rtPriority);
                h.kernel.taskService().setAffinity(t.pid(), cpus);
            } catch (SchedException e) {
                throw new IllegalStateException(h.name + ": " + t.comm() + ": " + e.getMessage(), e);
            }
        }
    }

    /** For the report. */
    void describe(Map<String, String> out) {
        String n = "eth0.napi[" + napiIndex + "].";
        out.put(n + "defer-hard-irqs", Long.toString(deferHardIrqs));
        out.put(n + "gro-flush-timeout", Long.toString(groFlushTimeout));
        out.put(n + "irq-suspend-timeout", Long.toString(irqSuspendTimeout));
        out.put(n + "threaded", threaded.ynlName());
        if (policy != null) {
            out.put(n + "kthread", policy.name() + (rtPriority > 0 ? " " + rtPriority : "") + " on CPUs "
                + cpus.toString().replaceAll("[{} ]", ""));
        }
    }

    private static NapiImpl firstNapi(Kernel k) {
        NetDeviceImpl eth0 = k.netdevs().byName("eth0");
        if (eth0.napis().isEmpty()) { // mlx4_en and idpf delete their NAPIs at ifdown
            throw new IllegalStateException("eth0 has no NAPI (it is down: ip link set eth0 up)");
        }
        return eth0.napis().get(0);
    }
}
