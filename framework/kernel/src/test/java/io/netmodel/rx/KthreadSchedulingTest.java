package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.sched.SchedException;
import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * xsk_rr in threaded-busy-poll mode with the NAPI kthread moved by {@code chrt}/{@code taskset}
 * onto a CPU an xsk_rr thread uses ({@link RunQueue}), on virtual time. Seed 001's script runs
 * first (kthread FIFO 50 on CPU 2); then each host's kthread gets the policy and CPU under test
 * through the task service ({@code sched_setscheduler}/{@code sched_setaffinity} on the
 * {@code TaskTable}), and the RT sysctls are written to {@code /proc/sys/kernel}. Threaded busy
 * poll is 6.19's, so an RT kthread leaves the fair class the fair server's 50 ms of each second
 * ({@link RtBandwidth}), whatever those sysctls say: runs that share a CPU with one last whole
 * seconds, in which the fair class gets exactly 50 ms whatever the period's phase.
 */
class KthreadSchedulingTest {
    private static final long MS = 1_000_000;
    private static final long PERIOD_NS = 31_250;
    private static final int SENDER_CPU = 3;
    private static final int MAIN_CPU = 4;
    private static final long SECOND = 1000 * MS;

    private static BenchResult run(int cpu, SchedPolicy policy, int priority, int rtPeriodUs, int rtRuntimeUs,
                                   long periodNs, long durationNs) {
        TinyDriver d = TinyDriver.plain();
        BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
            () -> List.of(d), () -> null);
        XskRrRequest req = new XskRrRequest(periodNs, 0, XskMode.THREADED_BUSY_POLL, durationNs, 1);
        Samples samples = new Samples();
        return samples.into(svc.runXskRr(req, (a, b) -> { }, samples, h -> {
            SeedScript.apply(h, XskMode.THREADED_BUSY_POLL, XskRr.IRQ_CPU);
            h.write("/proc/sys/kernel/sched_rt_runtime_us", "-1"); // any period, then the runtime (6.12's EBUSY)
            h.write("/proc/sys/kernel/sched_rt_period_us", Integer.toString(rtPeriodUs));
            h.write("/proc/sys/kernel/sched_rt_runtime_us", Integer.toString(rtRuntimeUs));
            int pid = h.napi.napi().thread().pid();
            BitSet one = new BitSet();
            one.set(cpu);
            try {
                h.kernel.taskService().setScheduler(pid, policy, priority);
                h.kernel.taskService().setAffinity(pid, one);
            } catch (SchedException e) {
                throw new AssertionError(e);
            }
        }, c -> SeedScript.describe(c, XskMode.THREADED_BUSY_POLL)));
    }

    private static BenchResult run(int cpu, SchedPolicy policy, int priority, int rtPeriodUs, int rtRuntimeUs) {
        return run(cpu, policy, priority, rtPeriodUs, rtRuntimeUs, PERIOD_NS, 200 * MS);
    }

    private static long[] sorted(BenchResult r) {
        long[] s = r.latencyNs().clone();
        Arrays.sort(s);
        return s;
    }

    private static long p50(BenchResult r) {
        long[] s = sorted(r);
        return s[s.length / 2];
    }

    private static long sent(BenchResult r) {
        return r.counters().get("client.requests_sent");
    }

    private static CpuUsage clientCpu(BenchResult r, int cpu) {
        return r.cpus().stream().filter(c -> c.host().equals("client") && c.cpu() == cpu).findFirst().orElseThrow();
    }

    @Test
    void alone_on_its_cpu_the_kthread_changes_nothing_and_nothing_is_reported() {
        BenchResult r = run(XskRr.IRQ_CPU, SchedPolicy.FIFO, 50, 10_000, 9_000);
        assertTrue(r.knobs().keySet().stream().noneMatch(k -> k.contains(".sched.")), r.knobs()::toString);
        assertTrue(p50(r) < 20_000, "p50 " + p50(r));
    }

    @Test
    void a_fifo_kthread_on_the_senders_cpu_lets_requests_out_only_in_the_fair_servers_share() {
        BenchResult alone = run(XskRr.IRQ_CPU, SchedPolicy.FIFO, 50, 10_000, 9_000, PERIOD_NS, SECOND);
        BenchResult shared = run(SENDER_CPU, SchedPolicy.FIFO, 50, 10_000, 9_000, PERIOD_NS, SECOND);
        // 6.19: no RT throttling (the sysctls' 9 ms of 10 ms throttle nothing); the fair server runs the
        // sender (SCHED_OTHER) for 50 ms of the second
        double share = (double) sent(shared) / sent(alone);
        assertTrue(share > 0.04 && share < 0.06, "about 5% of the requests: " + sent(shared) + " of " + sent(alone));
        String how = shared.knobs().get("client.sched.cpu3");
        assertTrue(how.startsWith("napi/eth0-") && how.contains(" (SCHED_FIFO 50) runs 950000 us of every 1000000 us "
            + "(the fair server's 50 ms per period for the fair class; sched_rt_runtime_us 9000 throttles nothing "
            + "since 6.12); xsk_rr's sender thread (SCHED_OTHER) the rest"), shared.knobs()::toString);
        assertEquals(null, shared.knobs().get("server.sched.cpu3"), "the server has no sender thread");
        assertTrue(shared.counters().get("client.sched.cpu3.app_waits") > 0, shared.counters()::toString);
        assertEquals(0L, shared.counters().get("client.sched.cpu3.starved"));
        // replies come back while the sender has the CPU: they wait for the kthread, at the fair part's end
        long[] lat = sorted(shared);
        assertTrue(p50(shared) > 1 * MS && lat[lat.length - 1] < 51 * MS,
            "p50 " + p50(shared) + " ns, max " + lat[lat.length - 1] + " ns: within the fair server's 50 ms");
        // CPU 3: the kthread's 95%, the sender's sendto; idle what the sender left of its 5%
        CpuUsage cpu3 = clientCpu(shared, SENDER_CPU);
        double idle = (double) cpu3.idleNs() / cpu3.totalNs();
        assertTrue(idle > 0.02 && idle < 0.05, "idle " + idle + ": " + cpu3);
    }

    @Test
    void with_the_rt_sysctls_at_minus_one_the_fair_server_still_runs_the_sender() {
        BenchResult r = run(SENDER_CPU, SchedPolicy.FIFO, 50, 1_000_000, -1, PERIOD_NS, SECOND);
        assertEquals(0L, r.counters().get("client.sched.cpu3.starved"), r.counters()::toString);
        assertTrue(r.knobs().get("client.sched.cpu3").contains("sched_rt_runtime_us -1 throttles nothing since 6.12"),
            r.knobs()::toString);
        assertTrue(sent(r) > SECOND / PERIOD_NS * 0.04 && sent(r) < SECOND / PERIOD_NS * 0.06,
            "the sender's 50 ms: " + sent(r) + " requests");
        assertTrue(r.transactions() > 0, "replies come back");
    }

    @Test
    void a_cfs_kthread_on_the_main_cpu_time_slices_with_the_main_thread() {
        BenchResult alone = run(XskRr.IRQ_CPU, SchedPolicy.OTHER, 0, 1_000_000, 950_000);
        BenchResult shared = run(MAIN_CPU, SchedPolicy.OTHER, 0, 1_000_000, 950_000);
        assertTrue(shared.knobs().get("client.sched.cpu4").contains("time-slice: 2250000 ns and 2250000 ns in turn"),
            shared.knobs()::toString);
        assertTrue(shared.transactions() > alone.transactions() * 0.95, shared.transactions() + " vs " + alone.transactions());
        // a request waits for the server kthread's slice and the main thread's, the reply for the client's
        long[] lat = sorted(shared);
        assertTrue(p50(alone) < 20_000 && p50(shared) > 1 * MS && lat[lat.length - 1] < 4 * 4_500_000L,
            "p50 " + p50(alone) + " -> " + p50(shared) + " ns, max " + lat[lat.length - 1]);
        assertTrue(shared.counters().get("server.sched.cpu4.kthread_deferred_polls") > 0, shared.counters()::toString);
    }

    @Test
    void a_cfs_kthread_on_the_senders_cpu_is_preempted_by_the_woken_sender() {
        BenchResult r = run(SENDER_CPU, SchedPolicy.OTHER, 0, 1_000_000, 950_000, 8_000, 100 * MS);
        assertTrue(r.knobs().get("client.sched.cpu3").contains("preempts napi/eth0-"), r.knobs()::toString);
        long sent = sent(r);
        assertEquals(sent, r.counters().get("client.sched.cpu3.app_waits"), "every wake-up switches: " + r.counters());
        assertTrue(r.counters().get("client.sched.cpu3.app_wait_ns") >= sent * 4_000, r.counters()::toString);
        assertTrue(r.transactions() > 100 * MS / 8_000 * 0.95, "the run proceeds: " + r.transactions());
    }

    @Test
    void chrt_changes_the_result() {
        BenchResult fifo = run(SENDER_CPU, SchedPolicy.FIFO, 50, 10_000, 9_000, PERIOD_NS, SECOND);
        BenchResult rr = run(SENDER_CPU, SchedPolicy.RR, 1, 10_000, 9_000, PERIOD_NS, SECOND);
        BenchResult other = run(SENDER_CPU, SchedPolicy.OTHER, 0, 10_000, 9_000, PERIOD_NS, SECOND);
        assertEquals(sent(fifo), sent(rr), "one RT task on the CPU: FIFO and RR alike");
        assertTrue(sent(other) > 8 * sent(fifo), sent(other) + " vs " + sent(fifo));
        assertTrue(p50(other) < p50(fifo) / 10, p50(other) + " vs " + p50(fifo));
    }
}
