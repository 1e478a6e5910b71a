package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/** xsk_rr on the running model's knobs ({@code bench --live}): what was echoed is what runs. */
class LiveKnobsTest {
    private static final long MS = 1_000_000;
    private static final String CORE = "/proc/sys/net/core/";
    private static final String ETH0 = "/sys/class/net/eth0/";

    private final TinyDriver driver = TinyDriver.plain();
    /** The running model: 6 CPUs, so seed 001's IRQ pinning on CPU 2 is possible. */
    private final Host live = Host.with("6.19", 6, driver);
    private final BenchServiceImpl svc = LiveBench.over(live, 6, driver);

    private BenchResult runLive(XskMode mode) {
        return runLive(mode, 40 * MS);
    }

    /** One fair-server period: whatever its phase, the fair class gets exactly its 50 ms in it. */
    private static final long SECOND = 1000 * MS;

    private BenchResult runLive(XskMode mode, long durationNs) {
        return svc.xskRrLive(new XskRrRequest(31_250, 30_000, mode, durationNs, 3), (a, b) -> { });
    }

    /** Seed 001's script, no argument, typed into the running model. */
    private void seedScriptBusyPoll() throws VfsException {
        live.write(ETH0 + "threaded", "0\n");
        live.write(CORE + "rps_sock_flow_entries", "0\n");
        live.write(ETH0 + "queues/rx-0/rps_cpus", "0\n");
        live.write("/proc/irq/" + inputIrq() + "/smp_affinity_list", "2\n");
        live.write(CORE + "busy_read", "400\n");
        live.write(ETH0 + "napi_defer_hard_irqs", "100\n");
        live.write(ETH0 + "gro_flush_timeout", "15000\n");
    }

    /** The IRQ of eth0's input queue on the live host (the same driver names it the same way). */
    private int inputIrq() throws VfsException {
        for (String line : live.read("/proc/interrupts").split("\n")) {
            if (line.contains(TinyDriver.IRQ_NAME)) {
                return Integer.parseInt(line.substring(0, line.indexOf(':')).trim());
            }
        }
        throw new AssertionError("no input IRQ in\n" + live.read("/proc/interrupts"));
    }

    @Test
    void the_scripts_knobs_typed_into_the_model_run_exactly_like_the_built_in_script() throws VfsException {
        seedScriptBusyPoll();
        BenchResult fromLive = runLive(null);
        BenchResult fromScript = svc.xskRr(new XskRrRequest(31_250, 30_000, XskMode.BUSY_POLL, 40 * MS, 3), (a, b) -> { });
        assertEquals("busy-poll", fromLive.knobs().get("mode"), "busy_read 400 is the busy-poll set-up");
        assertArrayEquals(fromScript.latencyNs(), fromLive.latencyNs());
        assertEquals("400", fromLive.knobs().get("net.core.busy_read"));
        assertEquals("100", fromLive.knobs().get("eth0.napi_defer_hard_irqs"));
        assertEquals("2", fromLive.knobs().get("irq[" + TinyDriver.IRQ_NAME + "].smp_affinity_list"),
            fromLive.knobs()::toString);
    }

    @Test
    void a_knob_changed_in_the_mount_changes_the_run() throws VfsException {
        seedScriptBusyPoll();
        BenchResult deferred = runLive(XskMode.BUSY_POLL);
        live.write(ETH0 + "napi_defer_hard_irqs", "0\n");
        BenchResult notDeferred = runLive(XskMode.BUSY_POLL);
        assertEquals("0", notDeferred.knobs().get("eth0.napi_defer_hard_irqs"));
        assertTrue(notDeferred.counters().get("client.irq." + inputIrq()) > deferred.counters().get("client.irq." + inputIrq()),
            "without deferral the busy-polled NAPI re-arms its IRQ: " + deferred.counters() + " vs " + notDeferred.counters());
    }

    @Test
    void without_busy_read_the_knobs_make_the_interrupts_set_up() throws VfsException {
        live.write(CORE + "busy_read", "0\n");
        BenchResult r = runLive(null);
        assertEquals("interrupts", r.knobs().get("mode"));
        assertEquals(0L, r.counters().get("client.napi.busy_polls"));
    }

    @Test
    void a_mode_the_knobs_do_not_make_is_refused_saying_what_to_set() throws VfsException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runLive(XskMode.BUSY_POLL));
        assertTrue(e.getMessage().contains("netmodel write /proc/sys/net/core/busy_read 400"), e.getMessage());
        live.write(CORE + "busy_read", "400\n");
        e = assertThrows(IllegalArgumentException.class, () -> runLive(XskMode.INTERRUPTS));
        assertTrue(e.getMessage().contains("busy_read = 400"), e.getMessage());
    }

    @Test
    void the_running_model_is_only_read() throws VfsException {
        seedScriptBusyPoll();
        String before = live.read(CORE + "busy_read") + live.read("/proc/interrupts");
        runLive(null);
        assertEquals(before, live.read(CORE + "busy_read") + live.read("/proc/interrupts"));
        assertFalse(live.read("/proc/net/softnet_stat").isEmpty());
    }

    /** Seed 001's script with 'enable_threaded': its files, then napi-set, chrt and taskset. */
    private void seedScriptThreaded() throws Exception {
        live.write(ETH0 + "threaded", "0\n");
        live.write(CORE + "rps_sock_flow_entries", "0\n");
        live.write(ETH0 + "queues/rx-0/rps_cpus", "0\n");
        live.write("/proc/irq/" + inputIrq() + "/smp_affinity_list", "2\n");
        live.write(CORE + "busy_poll", "0\n");
        live.write(CORE + "busy_read", "0\n");
        live.write(ETH0 + "napi_defer_hard_irqs", "100\n");
        live.write(ETH0 + "gro_flush_timeout", "15000\n");
        int napiId = live.kernel.netdevs().byName("eth0").napis().get(0).napiId();
        live.kernel.netdevFamily().doit("napi-set", java.util.Map.of("id", (long) napiId, "threaded", 2L));
        int pid = live.kernel.netdevs().byName("eth0").napis().get(0).thread().pid();
        live.kernel.taskService().setScheduler(pid, io.netmodel.api.sched.SchedPolicy.FIFO, 50);
        java.util.BitSet cpu2 = new java.util.BitSet();
        cpu2.set(2);
        live.kernel.taskService().setAffinity(pid, cpu2);
    }

    @Test
    void the_threaded_variant_typed_into_the_model_runs_like_the_built_in_script() throws Exception {
        seedScriptThreaded();
        BenchResult fromLive = runLive(null);
        assertEquals("threaded-busy-poll", fromLive.knobs().get("mode"), fromLive.knobs()::toString);
        assertEquals("busy-poll", fromLive.knobs().get("eth0.napi[0].threaded"));
        assertEquals("FIFO 50 on CPUs 2", fromLive.knobs().get("eth0.napi[0].kthread"));
        BenchResult fromScript = svc.xskRr(new XskRrRequest(31_250, 30_000, XskMode.THREADED_BUSY_POLL, 40 * MS, 3),
            (a, b) -> { });
        assertArrayEquals(fromScript.latencyNs(), fromLive.latencyNs());
    }

    @Test
    void the_kthread_polls_where_taskset_put_it() throws Exception {
        seedScriptThreaded();
        int pid = live.kernel.netdevs().byName("eth0").napis().get(0).thread().pid();
        java.util.BitSet cpu5 = new java.util.BitSet();
        cpu5.set(5);
        live.kernel.taskService().setAffinity(pid, cpu5);
        BenchResult r = runLive(null);
        io.netmodel.api.bench.CpuUsage cpu5Use = r.cpus().stream().filter(c -> c.host().equals("client") && c.cpu() == 5)
            .findFirst().orElseThrow();
        assertEquals(cpu5Use.totalNs(), cpu5Use.sysNs(), "the busy-polling kthread fills CPU 5: " + r.cpus());
    }

    @Test
    void threaded_mode_is_refused_while_the_napi_is_not_threaded() throws VfsException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> runLive(XskMode.THREADED_BUSY_POLL));
        assertTrue(e.getMessage().contains("it is 'disabled'"), e.getMessage());
    }

    @Test
    void chrt_and_taskset_onto_the_senders_cpu_and_the_rt_sysctls_are_copied_and_the_fair_server_shares() throws Exception {
        seedScriptThreaded(); // chrt -f -p 50, taskset -pc 2
        BenchResult apart = runLive(null, SECOND);
        int pid = live.kernel.netdevs().byName("eth0").napis().get(0).thread().pid();
        java.util.BitSet cpu3 = new java.util.BitSet();
        cpu3.set(3);
        live.kernel.taskService().setAffinity(pid, cpu3); // taskset -pc 3: xsk_rr's sender CPU
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n"); // 9000 of the boot period is under 5%: EBUSY
        live.write("/proc/sys/kernel/sched_rt_period_us", "10000\n");
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "9000\n");
        BenchResult shared = runLive(null, SECOND);
        assertEquals("10000", shared.knobs().get("kernel.sched_rt_period_us"), shared.knobs()::toString);
        assertEquals("9000", shared.knobs().get("kernel.sched_rt_runtime_us"));
        // 6.19: RT throttling is gone (5f6bd380c7bd); the fair server gives the sender 50 ms of each second
        assertTrue(shared.knobs().get("client.sched.cpu3").contains("(SCHED_FIFO 50) runs 950000 us of every 1000000 us "
            + "(the fair server's 50 ms per period for the fair class; sched_rt_runtime_us 9000 throttles nothing"),
            shared.knobs()::toString);
        long sent = shared.counters().get("client.requests_sent");
        long all = apart.counters().get("client.requests_sent");
        assertTrue(sent > all * 0.035 && sent < all * 0.065, "the sender runs in 5% of the second: " + sent + " of " + all);
        assertTrue(apart.knobs().keySet().stream().noneMatch(k -> k.contains("sched")), apart.knobs()::toString);
    }

    /**
     * The fair server of the sender's CPU switched off on the live model is copied with the rest:
     * the FIFO kthread there starves the sender, which the run reports and ends.
     */
    @Test
    void a_disabled_fair_server_is_copied_and_the_fifo_kthread_starves_the_sender() throws Exception {
        seedScriptThreaded();
        int pid = live.kernel.netdevs().byName("eth0").napis().get(0).thread().pid();
        java.util.BitSet cpu3 = new java.util.BitSet();
        cpu3.set(3);
        live.kernel.taskService().setAffinity(pid, cpu3);
        live.write("/sys/kernel/debug/sched/fair_server/cpu3/runtime", "0\n");
        BenchResult r = runLive(null, SECOND);
        assertEquals("runtime 0 period 1000000000", r.knobs().get("debug.sched.fair_server.cpu3"), r.knobs()::toString);
        assertTrue(r.knobs().get("client.sched.cpu3").startsWith("fair server of CPU 3 disabled (debugfs fair_server/cpu3/runtime 0)"),
            r.knobs()::toString);
        assertTrue(r.knobs().get("client.sched.cpu3").contains("starved from"), r.knobs()::toString);
    }

    /** A running model with fewer CPUs than xsk_rr pins threads on: the run uses 6 and says so. */
    @Test
    void a_two_cpu_model_runs_xsk_rr_on_six_and_says_so() {
        TinyDriver d = TinyDriver.plain();
        Host small = Host.with("6.19", 2, d);
        BenchResult r = LiveBench.over(small, 2, d).xskRrLive(new XskRrRequest(80_000, 0, XskMode.INTERRUPTS, 20 * MS, 1),
            (a, b) -> { });
        assertEquals("6 per host, not the model's 2 (xsk_rr pins threads up to CPU 5)", r.knobs().get("cpus"));
        assertEquals(null, runLive(XskMode.INTERRUPTS).knobs().get("cpus"), "the 6-CPU model has them");
    }
}
