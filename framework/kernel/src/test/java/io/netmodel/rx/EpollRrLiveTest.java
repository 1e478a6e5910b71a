package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.HostSpec;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * epoll_rr on the running model's knobs ({@code bench epoll-rr --live}): a set-up of the
 * IRQ-suspension series typed into the model runs exactly like the built-in {@code --setup};
 * epoll's own parameters come from the request.
 */
class EpollRrLiveTest {
    private static final long MS = 1_000_000;
    private static final double RATE = 25_000;
    private static final String CORE = "/proc/sys/net/core/";
    private static final String ETH0 = "/sys/class/net/eth0/";

    private final TinyDriver driver = TinyDriver.plain();
    private final Host live = Host.with("6.19", 4, driver);
    private final BenchServiceImpl svc = LiveBench.over(live, 4, driver);

    /** An epoll_rr request with epoll's own parameters only (what --live sends). */
    private static EpollRrRequest epoll(int usecs, int budget, boolean prefer) {
        return new EpollRrRequest(RATE, 3000, usecs, budget, prefer, 0, 0, 0, 60 * MS, 7);
    }

    private BenchResult runLive(EpollRrRequest req) {
        return svc.epollRrLive(req, (a, b) -> { });
    }

    private int inputIrq() throws VfsException {
        for (String line : live.read("/proc/interrupts").split("\n")) {
            if (line.contains(TinyDriver.IRQ_NAME)) {
                return Integer.parseInt(line.substring(0, line.indexOf(':')).trim());
            }
        }
        throw new AssertionError("no input IRQ in\n" + live.read("/proc/interrupts"));
    }

    private int napiId() {
        return live.kernel.netdevs().byName("eth0").napis().get(0).napiId();
    }

    /**
     * suspend20 as a user sets it on a host: the queue's IRQ on the server thread's CPU,
     * deferral in sysfs, irq-suspend-timeout with napi-set.
     */
    private void suspend20() throws Exception {
        live.write("/proc/irq/" + inputIrq() + "/smp_affinity_list", EpollRr.APP_CPU + "\n");
        live.write(ETH0 + "napi_defer_hard_irqs", "100\n");
        live.write(ETH0 + "gro_flush_timeout", "20000\n");
        live.kernel.netdevFamily().doit("napi-set", Map.of("id", (long) napiId(), "irq-suspend-timeout", 20_000_000L));
    }

    private static long serverIrqs(BenchResult r) {
        return r.counters().entrySet().stream().filter(e -> e.getKey().startsWith("server.irq."))
            .mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void suspend20_typed_into_the_model_runs_exactly_like_the_built_in_set_up() throws Exception {
        suspend20();
        BenchResult fromLive = runLive(epoll(0, 64, true));
        BenchResult builtIn = svc.epollRr(new EpollRrRequest(RATE, 3000, 0, 64, true, 100, 20_000, 20_000_000, 60 * MS, 7),
            (a, b) -> { });
        assertTrue(fromLive.latencyNs().length > 1000, "requests were answered: " + fromLive.latencyNs().length);
        assertArrayEquals(builtIn.latencyNs(), fromLive.latencyNs());
        assertEquals(builtIn.counters(), fromLive.counters());
        assertTrue(fromLive.counters().get("server.napi_suspend_irqs") > 0, fromLive.counters()::toString);
        Map<String, String> k = fromLive.knobs();
        assertEquals("100", k.get("server.eth0.napi_defer_hard_irqs"), k::toString);
        assertEquals("20000", k.get("server.eth0.gro_flush_timeout"));
        assertEquals("20000000", k.get("server.eth0.napi[0].irq-suspend-timeout"));
        assertEquals("1", k.get("server.irq[" + TinyDriver.IRQ_NAME + "].smp_affinity_list"));
        assertEquals("1", k.get("server.irq_cpu"));
        assertEquals("0", k.get("server.net.core.busy_poll"));
        assertEquals("64", k.get("server.epoll.busy_poll_budget"));
        assertEquals("1", k.get("server.epoll.prefer_busy_poll"));
        assertEquals("on: prefer_busy_poll, one pass per epoll_wait", k.get("server.epoll.busy_poll"));
        assertTrue(k.get("config").startsWith("the running model's knobs on the server"), k::toString);
        for (String key : builtIn.knobs().keySet()) {
            assertEquals(builtIn.knobs().get(key), k.get(key), key + ": the built-in run's knobs read the same live");
        }
    }

    @Test
    void epolls_own_parameters_come_from_the_request() throws Exception {
        suspend20();
        BenchResult prefer = runLive(epoll(0, 64, true));
        BenchResult noPrefer = runLive(epoll(0, 64, false));
        assertEquals("off", noPrefer.knobs().get("server.epoll.busy_poll"));
        assertEquals(0L, noPrefer.counters().get("server.napi_suspend_irqs"));
        assertTrue(serverIrqs(noPrefer) > serverIrqs(prefer), "without prefer nothing suspends the IRQ: "
            + serverIrqs(noPrefer) + " vs " + serverIrqs(prefer));
    }

    @Test
    void the_busy_poll_sysctl_is_epolls_busy_poll_time_when_it_has_none_of_its_own() throws Exception {
        live.write("/proc/irq/" + inputIrq() + "/smp_affinity_list", EpollRr.APP_CPU + "\n");
        BenchResult sleeping = runLive(epoll(0, 0, false));
        live.write(CORE + "busy_poll", "1000\n");
        BenchResult spinning = runLive(epoll(0, 0, false));
        assertEquals("on: net.core.busy_poll 1000 µs, the epoll having no busy_poll_usecs",
            spinning.knobs().get("server.epoll.busy_poll"));
        assertTrue(sleeping.counters().get("server.thread.wakeups") > 1000, sleeping.counters()::toString);
        assertTrue(spinning.counters().get("server.thread.wakeups") < sleeping.counters().get("server.thread.wakeups") / 10,
            "a thread that busy-polls 1 ms between requests 40 µs apart is hardly ever woken: " + spinning.counters());
        BenchResult own = runLive(epoll(64, 0, false));
        assertEquals("on: busy_poll_usecs 64", own.knobs().get("server.epoll.busy_poll"), "the epoll's own usecs win");
    }

    @Test
    void a_request_that_sets_kernel_state_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> runLive(new EpollRrRequest(RATE, 3000, 0, 64, true, 100, 20_000, 0, 60 * MS, 7)));
        assertTrue(e.getMessage().contains("the running model's own in a live run"), e.getMessage());
    }

    @Test
    void without_a_running_model_nothing_runs() {
        BenchServiceImpl stopped = new BenchServiceImpl(live.kernel.profile(), HostSpec.defaultHost(),
            () -> List.of(driver), () -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> stopped.epollRrLive(epoll(0, 0, false), (a, b) -> { }));
        assertEquals("the kernel model is not running", e.getMessage());
    }

    /** The NAPI in threaded busy-poll mode (6.19), its kthread pinned on {@code cpu}. */
    private int threadedBusyPoll(int cpu) throws Exception {
        live.kernel.netdevFamily().doit("napi-set", Map.of("id", (long) napiId(), "threaded", 2L));
        int pid = live.kernel.netdevs().byName("eth0").napis().get(0).thread().pid();
        BitSet cpus = new BitSet();
        cpus.set(cpu);
        live.kernel.taskService().setAffinity(pid, cpus);
        return pid;
    }

    @Test
    void a_threaded_busy_poll_kthread_polls_where_taskset_put_it_and_no_interrupt_is_taken() throws Exception {
        threadedBusyPoll(3);
        BenchResult r = runLive(epoll(0, 0, false));
        assertEquals("busy-poll", r.knobs().get("server.eth0.napi[0].threaded"));
        assertEquals(0L, serverIrqs(r), "the kthread keeps the IRQ masked: " + r.counters());
        CpuUsage cpu3 = r.cpus().stream().filter(c -> c.host().equals("server") && c.cpu() == 3).findFirst().orElseThrow();
        assertEquals(cpu3.totalNs(), cpu3.sysNs(), "the kthread fills CPU 3: " + r.cpus());
        assertTrue(r.counters().get("server.thread.wakeups") > 1000, "the server thread sleeps in epoll_wait");
    }

    @Test
    void a_kthread_on_the_server_threads_cpu_is_preempted_each_time_the_thread_wakes() throws Exception {
        threadedBusyPoll(3);
        BenchResult apart = runLive(epoll(0, 0, false));
        threadedBusyPoll(EpollRr.APP_CPU); // napi kthreads are SCHED_OTHER until chrt
        BenchResult shared = runLive(epoll(0, 0, false));
        String how = shared.knobs().get("server.sched.cpu1");
        assertTrue(how != null && how.startsWith("epoll_rr's server thread (SCHED_OTHER) preempts napi/eth0-"),
            shared.knobs()::toString);
        long wakeups = shared.counters().get("server.thread.wakeups");
        assertTrue(wakeups > 1000 && shared.counters().get("server.sched.cpu1.kthread_preemptions") >= wakeups
            && shared.counters().get("server.sched.cpu1.kthread_deferred_polls") > 0,
            "each wake-up takes the CPU from the kthread: " + shared.counters());
        assertTrue(shared.latencyNs().length > apart.latencyNs().length * 0.95, "the run proceeds");
        assertTrue(median(shared) > median(apart), median(shared) + " vs " + median(apart));
    }

    @Test
    void an_rt_kthread_with_rt_throttling_off_leaves_the_server_thread_the_fair_servers_share() throws Exception {
        int pid = threadedBusyPoll(EpollRr.APP_CPU);
        live.kernel.taskService().setScheduler(pid, io.netmodel.api.sched.SchedPolicy.FIFO, 50);
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n");
        // one fair-server period (1 s): whatever its phase, the server thread gets 50 ms of it
        BenchResult r = runLive(new EpollRrRequest(RATE, 3000, 0, 0, false, 0, 0, 0, 1000 * MS, 7));
        assertEquals("-1", r.knobs().get("server.kernel.sched_rt_runtime_us"), r.knobs()::toString);
        assertEquals(0L, r.counters().get("server.sched.cpu1.starved"), "6.19: -1 starves nothing: " + r.counters());
        assertTrue(r.knobs().get("server.sched.cpu1").contains("the fair server's 50 ms per period for the fair class; "
            + "sched_rt_runtime_us -1 throttles nothing since 6.12"), r.knobs()::toString);
        assertTrue(r.latencyNs().length > 0, "requests are answered");
        assertTrue(median(r) > 10 * MS, "in the server thread's 50 ms only: they wait for it, median " + median(r) + " ns");
    }

    @Test
    void a_threaded_busy_poll_kthread_beside_epoll_busy_polling_is_refused() throws Exception {
        threadedBusyPoll(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runLive(epoll(64, 0, false)));
        assertTrue(e.getMessage().contains("epoll busy polling is on as well (busy_poll_usecs 64)"), e.getMessage());
    }

    private static long median(BenchResult r) {
        long[] s = r.latencyNs().clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void the_running_model_is_only_read() throws Exception {
        suspend20();
        String before = live.read(ETH0 + "napi_defer_hard_irqs") + live.read("/proc/interrupts")
            + live.read(CORE + "busy_poll");
        runLive(epoll(0, 64, true));
        assertEquals(before, live.read(ETH0 + "napi_defer_hard_irqs") + live.read("/proc/interrupts")
            + live.read(CORE + "busy_poll"));
    }
}
