package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * A threaded NAPI's kthread ({@code napi/eth0-N}) on the CPU of the live socket's reader, on
 * virtual time: 3M frames/s on 6.11 to a reader spinning on {@code recvfrom(MSG_DONTWAIT)} on
 * CPU 1, eth0's IRQ on CPU 1, {@code threaded} 1 and the kthread moved to CPU 1 ({@code taskset}).
 * The two share the CPU by their scheduling classes, as ksoftirqd and the reader do; RT
 * throttling runs 95 ms in each 100 ms. 6.11 is the last release with RT throttling; from 6.12
 * the fair server gives the fair class 50 ms of each second instead, whatever the sysctls say
 * ({@link #on_6_12_and_later_the_fair_server_gives_a_fair_kthread_50_ms_a_second_even_with_the_sysctl_at_minus_one}).
 */
class ThreadedNapiReaderCpuTest {
    private static final long MS = 1_000_000;
    private static final long RUN_MS = 300;

    private final Host live;
    private final LiveTraffic traffic;

    ThreadedNapiReaderCpuTest() throws Exception {
        live = FloodHost.boot("6.11", 1);
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "95000\n");
        live.write("/proc/sys/kernel/sched_rt_period_us", "100000\n");
        live.write("/sys/class/net/eth0/threaded", "1\n");
        traffic = new LiveTraffic(live.kernel);
    }

    /** The flood for {@link #RUN_MS}, the spinning reader and the kthread on {@code kthreadCpu} with these policies. */
    private TrafficStatus flood(SchedPolicy reader, int kthreadCpu, SchedPolicy kthread) throws Exception {
        return flood(true, reader, kthreadCpu, kthread);
    }

    /** {@link #flood}, the reader blocking in {@code recvfrom} unless {@code nonblock}. */
    private TrafficStatus flood(boolean nonblock, SchedPolicy reader, int kthreadCpu, SchedPolicy kthread)
        throws Exception {
        traffic.begin(new TrafficRequest(3_000_000, 64, false, 1, 0, 1, 1, nonblock));
        live.kernel.tasks().setScheduler(traffic.status().socket().pid(), reader, reader.isRealtime() ? 50 : 0);
        int kpid = traffic.runForTest().host.napi.napi().thread().pid();
        BitSet cpu = new BitSet();
        cpu.set(kthreadCpu);
        live.kernel.tasks().setAffinity(kpid, cpu);
        live.kernel.tasks().setScheduler(kpid, kthread, kthread.isRealtime() ? 50 : 0);
        traffic.advanceForTest(RUN_MS * MS);
        return traffic.status();
    }

    /** Frames one CPU polls in {@code ns}. */
    private static long capacity(long ns) {
        return ns / RxCosts.load(RxCosts.DEFAULT_PROFILE).pollPerPacket();
    }

    /** CPU 1's busy time in /proc/stat (user, nice, system, irq, softirq), ticks. */
    private long cpu1Busy() throws Exception {
        for (String line : live.read("/proc/stat").split("\n")) {
            if (line.startsWith("cpu1 ")) {
                String[] f = line.split("\\s+");
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            }
        }
        throw new AssertionError(live.read("/proc/stat"));
    }

    private static String show(TrafficStatus s) {
        return s.arrived() + " arrived, " + s.delivered() + " delivered; " + s.socket();
    }

    @Test
    void on_another_cpu_the_kthread_polls_all_the_time() throws Exception {
        TrafficStatus s = flood(SchedPolicy.OTHER, 0, SchedPolicy.OTHER);
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 9 / 10, show(s));
        assertTrue(s.socket().received() > s.delivered() * 9 / 10, "the reader reads what comes: " + show(s));
    }

    @Test
    void an_unpinned_kthread_on_the_readers_cpu_moves_to_an_idle_one() throws Exception {
        flood(SchedPolicy.OTHER, 1, SchedPolicy.OTHER); // napi/eth0-N on CPU 1, the reader's
        traffic.stop();
        io.netmodel.sched.Task kthread = traffic.runForTest().host.napi.napi().thread();
        BitSet both = new BitSet();
        both.set(0, 2);
        live.kernel.tasks().setAffinity(kthread.pid(), both); // allowed anywhere again; it stays on CPU 1
        assertEquals(1, kthread.cpu());
        traffic.begin(new TrafficRequest(3_000_000, 64, false, 1, 0, 1, 1, true)); // a new run, from 0
        traffic.advanceForTest(RUN_MS * MS);
        TrafficStatus s = traffic.status();
        assertEquals(0, kthread.cpu(), "ps shows it on CPU 0 (psr)");
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 9 / 10, "it polls all the time there: " + show(s));
        assertTrue(s.socket().received() > s.delivered() * 9 / 10, "the reader reads what comes: " + show(s));
    }

    @Test
    void taskset_onto_the_readers_cpu_during_the_flood_acts_at_the_kthreads_next_poll() throws Exception {
        TrafficStatus alone = flood(SchedPolicy.OTHER, 0, SchedPolicy.OTHER);
        long busyBefore = cpu1Busy();
        BitSet cpu1 = new BitSet();
        cpu1.set(1);
        live.kernel.tasks().setAffinity(traffic.runForTest().host.napi.napi().thread().pid(), cpu1);
        traffic.advanceForTest(2 * RUN_MS * MS);
        TrafficStatus s = traffic.status();
        long capacity = capacity(RUN_MS * MS);
        assertTrue(s.delivered() - alone.delivered() < capacity * 6 / 10,
            "sharing CPU 1 with the reader, it polls about half the time: " + show(s) + "\nbefore: " + show(alone));
        assertTrue(cpu1Busy() - busyBefore <= RUN_MS / 10 + 1, "CPU 1 busy " + (cpu1Busy() - busyBefore) + " ticks");
    }

    @Test
    void two_fair_tasks_take_slices_and_the_cpu_is_not_oversubscribed() throws Exception {
        TrafficStatus s = flood(SchedPolicy.OTHER, 1, SchedPolicy.OTHER);
        long capacity = capacity(RUN_MS * MS);
        assertTrue(s.delivered() > capacity * 4 / 10 && s.delivered() < capacity * 6 / 10,
            "the kthread polls about half the time: " + show(s));
        assertTrue(cpu1Busy() <= RUN_MS / 10 + 1, "CPU 1 busy " + cpu1Busy() + " ticks in " + RUN_MS + " ms");
        long slices = RUN_MS * MS / (2 * RunQueue.baseSliceNs(2));
        assertTrue(s.socket().received() > slices * 8 / 10 * (212992 / SkbTruesize.of(64)),
            "the reader read its full receive buffer in each of its slices: " + show(s));
    }

    @Test
    void a_blocking_reader_hands_the_cpu_to_the_kthread_whenever_it_sleeps() throws Exception {
        TrafficStatus s = flood(false, SchedPolicy.OTHER, 1, SchedPolicy.OTHER);
        // woken by the datagrams, it waits for the end of the kthread's slice (EEVDF), reads its
        // buffer and sleeps: the kthread runs on at once, not after a slice of an idle CPU
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 9 / 10, "the kthread polls nearly all the time: " + show(s));
        assertTrue(s.socket().received() > s.socket().wakeups() * 8 / 10 * (212992 / SkbTruesize.of(64)),
            "a full buffer read at each wake-up: " + show(s));
    }

    @Test
    void a_fifo_reader_leaves_a_fair_kthread_only_rt_throttlings_share() throws Exception {
        TrafficStatus s = flood(SchedPolicy.FIFO, 1, SchedPolicy.OTHER);
        long share = capacity(3 * 5 * MS); // the fair windows at 95..100, 195..200, 295..300 ms
        assertTrue(s.delivered() > share * 8 / 10 && s.delivered() < share * 12 / 10 + 640,
            "the kthread polls in the throttled windows only (about " + share + " frames): " + show(s));
    }

    @Test
    void a_fifo_kthread_takes_the_cpu_from_a_fair_reader_within_its_rt_share() throws Exception {
        TrafficStatus s = flood(SchedPolicy.OTHER, 1, SchedPolicy.FIFO);
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 85 / 100, "the kthread polls 95% of the time: " + show(s));
    }

    /**
     * On {@code h} ({@code threaded} 1): the flood to a SCHED_FIFO reader spinning on CPU 1, the
     * NAPI's fair kthread taskset onto that CPU.
     */
    private static LiveTraffic fifoSpinnerBesideTheKthread(Host h) throws Exception {
        h.write("/sys/class/net/eth0/threaded", "1\n");
        LiveTraffic t = new LiveTraffic(h.kernel);
        t.begin(new TrafficRequest(3_000_000, 64, false, 1, 0, 1, 1, true));
        h.kernel.tasks().setScheduler(t.status().socket().pid(), SchedPolicy.FIFO, 50);
        int kpid = t.runForTest().host.napi.napi().thread().pid();
        BitSet cpu1 = new BitSet();
        cpu1.set(1);
        h.kernel.tasks().setAffinity(kpid, cpu1);
        return t;
    }

    @Test
    void on_6_12_and_later_the_fair_server_gives_a_fair_kthread_50_ms_a_second_even_with_the_sysctl_at_minus_one()
        throws Exception {
        Host h = FloodHost.boot("6.19", 1);
        h.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n"); // seed 001's script does this
        LiveTraffic t = fifoSpinnerBesideTheKthread(h);
        t.advanceForTest(1000 * MS);
        TrafficStatus s = t.status();
        long share = capacity(50 * MS); // the fair server's 50 ms, at 950..1000 ms
        assertTrue(s.delivered() > share * 8 / 10 && s.delivered() < share * 12 / 10 + 4096,
            "the kthread polls in the fair server's 50 ms (about " + share + " frames): " + show(s));
    }

    /**
     * The fair server of the reader's CPU switched off ({@code runtime} 0) starves the kthread, as
     * RT throttling off did before 6.12; switched on again it polls in its next window: the writes
     * act at once on a kthread already waiting for its turn.
     */
    @Test
    void disabling_the_fair_server_starves_the_kthread_until_it_is_enabled_again() throws Exception {
        Host h = FloodHost.boot("6.19", 1);
        LiveTraffic t = fifoSpinnerBesideTheKthread(h);
        t.advanceForTest(100 * MS);
        h.write("/sys/kernel/debug/sched/fair_server/cpu1/runtime", "0\n");
        t.advanceForTest(1100 * MS);
        long starved = t.status().delivered();
        t.advanceForTest(2100 * MS);
        assertTrue(t.status().delivered() - starved <= 64, "no window without the server: " + show(t.status()));
        h.write("/sys/kernel/debug/sched/fair_server/cpu1/runtime", "50000000\n");
        t.advanceForTest(3100 * MS);
        long share = capacity(50 * MS);
        long got = t.status().delivered() - starved;
        assertTrue(got > share * 8 / 10 && got < share * 12 / 10 + 4096,
            "one fair window of 50 ms in the second after (about " + share + " frames): " + got);
    }
}
