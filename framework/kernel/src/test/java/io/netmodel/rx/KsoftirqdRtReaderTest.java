package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.sched.Task;
import io.netmodel.testkit.Host;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * ksoftirqd against the live socket's reader on the CPU that takes eth0's interrupt, by
 * scheduling class ({@link KsoftirqdSched}), on virtual time. eth0 has a 256-descriptor ring
 * ({@code ethtool -G rx 256}), the traffic 3M frames/s (more than one CPU polls), RT throttling a
 * 95 ms runtime in a 100 ms period (the default's 5% for the fair class, in a tenth of the time).
 * The kernel is 6.1 ({@link #KERNEL}).
 */
class KsoftirqdRtReaderTest {
    private static final long MS = 1_000_000;
    private static final long RUN_MS = 300;
    private static final int RATE = 3_000_000;
    /**
     * A kernel with "softirq: Let ksoftirqd do its job" (4.9-6.4): once ksoftirqd is woken, the
     * reader's own {@code local_bh_enable} leaves the softirq to it. Outside that range the reader
     * runs it itself: {@link SoftirqAtBhEnableTest}.
     */
    static final String KERNEL = "6.1";

    private final Host live;
    private final LiveTraffic traffic;

    KsoftirqdRtReaderTest() throws Exception {
        live = rtThrottledHost(0);
        traffic = new LiveTraffic(live.kernel);
    }

    /** A {@link FloodHost} with RT throttling at a tenth of its default period. */
    private static Host rtThrottledHost(int irqCpu) throws Exception {
        Host h = FloodHost.boot(KERNEL, irqCpu);
        h.write("/proc/sys/kernel/sched_rt_runtime_us", "95000\n");
        h.write("/proc/sys/kernel/sched_rt_period_us", "100000\n");
        return h;
    }

    /** eth0's interrupt to {@code cpu}. */
    private void irqOn(int cpu) throws Exception {
        FloodHost.irqOn(live, cpu);
    }

    /** Starts the reader on CPU 1 ({@code nonblock}: a recvfrom(MSG_DONTWAIT) loop), with {@code chrt policy prio}. */
    private int start(boolean nonblock, int busyPollUs, SchedPolicy policy, int prio) throws Exception {
        traffic.begin(new TrafficRequest(RATE, 64, false, 1, busyPollUs, 1, 1, nonblock));
        int pid = traffic.status().socket().pid();
        live.kernel.tasks().setScheduler(pid, policy, prio);
        return pid;
    }

    /** Stops the traffic and runs it anew, from 0, with this reader ({@link #start}). */
    private TrafficStatus rerun(boolean nonblock, int busyPollUs, SchedPolicy policy, int prio) throws Exception {
        traffic.stop();
        start(nonblock, busyPollUs, policy, prio);
        return run();
    }

    private TrafficStatus run() {
        traffic.advanceForTest(RUN_MS * MS);
        return traffic.status();
    }

    /** Frames one CPU's softirq polls in {@code ns} (a poll's per-frame cost and the UDP stack's). */
    private static long frames(long ns) {
        RxCosts c = RxCosts.load(RxCosts.DEFAULT_PROFILE);
        return ns / c.pollPerPacket();
    }

    private static String show(TrafficStatus s) {
        return s.arrived() + " arrived, " + s.delivered() + " delivered, " + s.dropped() + " dropped in the ring; "
            + s.socket();
    }

    @Test
    void a_spinning_sched_other_reader_takes_turns_with_ksoftirqd_by_fair_slices() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.OTHER, 0);
        TrafficStatus s = run();
        assertTrue(s.delivered() > frames(RUN_MS * MS) * 4 / 10 && s.delivered() < frames(RUN_MS * MS),
            "ksoftirqd polls about half the time: " + show(s));
    }

    @Test
    void a_spinning_sched_fifo_reader_leaves_ksoftirqd_only_rt_throttlings_share() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 50);
        TrafficStatus s = run();
        // three fair-class windows of 5 ms (95..100, 195..200, 295..300 ms) plus the softirq's
        // own ten restarts before the first hand-off
        long share = frames(3 * 5 * MS);
        assertTrue(s.delivered() > share * 8 / 10 && s.delivered() < share * 12 / 10 + 640,
            "ksoftirqd ran in the throttled windows only (about " + share + " frames): " + show(s));
        assertTrue(s.dropped() > s.arrived() * 9 / 10, "the full ring drops the rest: " + show(s));
    }

    @Test
    void against_a_fair_spinner_the_fifo_reader_drops_an_order_of_magnitude_more() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.OTHER, 0);
        TrafficStatus fair = run();
        TrafficStatus fifo = rerun(true, 0, SchedPolicy.FIFO, 50);
        assertTrue(fifo.delivered() * 10 < fair.delivered(), "fair " + show(fair) + "\nFIFO " + show(fifo));
        assertTrue(fifo.dropped() > fair.dropped() * 14 / 10, "fair " + show(fair) + "\nFIFO " + show(fifo));
    }

    @Test
    void with_sched_rt_runtime_us_minus_1_ksoftirqd_never_runs_while_the_reader_spins() throws Exception {
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n");
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 50);
        TrafficStatus s = run();
        PollList cpu1 = traffic.runForTest().host.pollList(1);
        assertEquals(1, cpu1.ksoftirqdWakeups, "handed to ksoftirqd once: " + show(s));
        assertTrue(s.delivered() <= 64 * NetRxAction.MAX_SOFTIRQ_RESTART,
            "only the softirq's own runs before the hand-off delivered: " + show(s));
        assertEquals(s.arrived() - s.delivered() - 256, s.dropped(), "the ring holds 256, the rest was dropped: " + show(s));
    }

    /** Restoring the runtime while ksoftirqd waits for a share it had lost acts at once: its windows come back. */
    @Test
    void restoring_rt_throttling_gives_a_starved_ksoftirqd_its_windows_again() throws Exception {
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "-1\n");
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 50);
        long starved = run().delivered();
        live.write("/proc/sys/kernel/sched_rt_runtime_us", "95000\n");
        traffic.advanceForTest(2 * RUN_MS * MS);
        long got = traffic.status().delivered() - starved;
        long share = frames(3 * 5 * MS); // three fair windows of 5 ms
        assertTrue(got > share * 7 / 10 && got < share * 13 / 10 + 640,
            "ksoftirqd polls in the fair windows again (about " + share + " frames): " + got);
    }

    /** Between a fair reader and a fair ksoftirqd the slices decide: RT sysctl writes during the flood change nothing. */
    @Test
    void rt_sysctl_writes_leave_fair_tasks_sharing_a_cpu_alone() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.OTHER, 0);
        TrafficStatus quiet = run();
        Host other = rtThrottledHost(0);
        FloodHost.irqOn(other, 1);
        LiveTraffic t = new LiveTraffic(other.kernel);
        t.begin(new TrafficRequest(RATE, 64, false, 1, 0, 1, 1, true));
        for (int i = 1; i <= 6; i++) {
            other.write("/proc/sys/kernel/sched_rt_runtime_us", i % 2 == 0 ? "95000\n" : "-1\n");
            t.advanceForTest(i * RUN_MS * MS / 6);
        }
        assertEquals(quiet.delivered(), t.status().delivered(), "fair " + show(quiet) + "\nwith writes " + show(t.status()));
    }

    @Test
    void a_blocking_fifo_reader_lets_ksoftirqd_run_whenever_it_sleeps() throws Exception {
        irqOn(1);
        start(false, 0, SchedPolicy.FIFO, 50);
        TrafficStatus s = run();
        assertTrue(s.delivered() > frames(RUN_MS * MS) / 2, "ksoftirqd polls while the reader sleeps: " + show(s));
        assertTrue(s.socket().wakeups() > 1000, "every pass wakes the reader, which preempts ksoftirqd: " + show(s));
    }

    @Test
    void a_fifo_reader_with_so_busy_poll_cannot_take_the_napi_ksoftirqd_owns() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 50);
        TrafficStatus starved = run();
        TrafficStatus s = rerun(true, 50, SchedPolicy.FIFO, 50);
        // once handed to ksoftirqd the NAPI stays NAPIF_STATE_SCHED: napi_busy_loop only counts
        assertTrue(s.socket().busyLoops() < 100, "busy loops only before the hand-off: " + show(s));
        assertTrue(s.delivered() < starved.delivered() * 12 / 10 + 640 && s.delivered() > starved.delivered() * 8 / 10,
            "no better than without busy polling: " + show(s) + "\nwithout: " + show(starved));
    }

    @Test
    void a_blocking_fifo_reader_with_so_busy_poll_spins_sk_ll_usec_out_of_ksoftirqds_time() throws Exception {
        irqOn(1);
        start(false, 0, SchedPolicy.FIFO, 50);
        TrafficStatus plain = run();
        TrafficStatus s = rerun(false, 50, SchedPolicy.FIFO, 50);
        // napi_busy_loop finds the NAPI scheduled and spins on loop_end; ksoftirqd, which would
        // queue the datagram that ends it, cannot run under the FIFO spinner: sk_ll_usec runs out,
        // then the reader sleeps and ksoftirqd gets a pass
        assertTrue(s.socket().wakeups() > 1000 && s.socket().wakeups() >= s.socket().busyLoops() - 2,
            "each busy loop times out and the reader sleeps: " + show(s));
        assertTrue(s.delivered() < plain.delivered() * 8 / 10 && s.delivered() > plain.delivered() / 4,
            "the spins take the CPU from ksoftirqd: " + show(s) + "\nwithout busy polling: " + show(plain));
    }

    @Test
    void a_fifo_reader_on_another_cpu_changes_nothing() throws Exception {
        irqOn(0);
        start(true, 0, SchedPolicy.OTHER, 0);
        TrafficStatus fair = run();
        Host other = rtThrottledHost(0);
        LiveTraffic t = new LiveTraffic(other.kernel);
        t.begin(new TrafficRequest(RATE, 64, false, 1, 0, 1, 1, true));
        other.kernel.tasks().setScheduler(t.status().socket().pid(), SchedPolicy.FIFO, 50);
        t.advanceForTest(RUN_MS * MS);
        TrafficStatus fifo = t.status();
        assertEquals(fair.delivered(), fifo.delivered());
        assertEquals(fair.dropped(), fifo.dropped());
    }

    @Test
    void a_fifo_ksoftirqd_wins_against_a_sched_other_reader_within_its_rt_share() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.OTHER, 0);
        live.kernel.tasks().setScheduler(live.kernel.tasks().ksoftirqd(1).pid(), SchedPolicy.FIFO, 1);
        TrafficStatus s = run();
        assertTrue(s.delivered() > frames(RUN_MS * MS) * 85 / 100, "ksoftirqd polls 95% of the time: " + show(s));
    }

    @Test
    void between_rt_tasks_the_higher_priority_wins_and_throttling_does_not_help_ksoftirqd() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 60);
        live.kernel.tasks().setScheduler(live.kernel.tasks().ksoftirqd(1).pid(), SchedPolicy.FIFO, 50);
        TrafficStatus readerFirst = run();
        assertTrue(readerFirst.delivered() <= 64 * NetRxAction.MAX_SOFTIRQ_RESTART,
            "an RT ksoftirqd below the reader never runs while it spins: " + show(readerFirst));
        traffic.stop();
        start(true, 0, SchedPolicy.FIFO, 40);
        TrafficStatus ksoftirqdFirst = run();
        assertTrue(ksoftirqdFirst.delivered() - readerFirst.delivered() > frames(RUN_MS * MS) * 85 / 100,
            "ksoftirqd above the reader polls all the time: " + show(ksoftirqdFirst));
    }

    @Test
    void at_equal_priority_fifo_order_keeps_the_spinning_reader_on_the_cpu() throws Exception {
        irqOn(1);
        start(true, 0, SchedPolicy.FIFO, 50);
        live.kernel.tasks().setScheduler(live.kernel.tasks().ksoftirqd(1).pid(), SchedPolicy.FIFO, 50);
        TrafficStatus s = run();
        assertTrue(s.delivered() <= 64 * NetRxAction.MAX_SOFTIRQ_RESTART,
            "ksoftirqd, woken while the reader runs, queues behind it: " + show(s));
    }

    @Test
    void chrt_on_the_running_reader_acts_at_once() throws Exception {
        irqOn(1);
        int pid = start(true, 0, SchedPolicy.OTHER, 0);
        traffic.advanceForTest(RUN_MS * MS);
        long fairDelivered = traffic.status().delivered();
        live.kernel.tasks().setScheduler(pid, SchedPolicy.FIFO, 50);
        traffic.advanceForTest(2 * RUN_MS * MS);
        long fifoDelivered = traffic.status().delivered() - fairDelivered;
        assertTrue(fifoDelivered * 10 < fairDelivered, fairDelivered + " as SCHED_OTHER, then " + fifoDelivered);
        assertEquals(SchedPolicy.FIFO, traffic.status().socket().policy());
        assertEquals(50, traffic.status().socket().rtPriority());
    }

    @Test
    void taskset_moves_the_reader_off_the_irq_cpu_and_ksoftirqd_runs_again() throws Exception {
        irqOn(1);
        int pid = start(true, 0, SchedPolicy.FIFO, 50);
        traffic.advanceForTest(RUN_MS * MS);
        long starved = traffic.status().delivered();
        BitSet cpu0 = new BitSet();
        cpu0.set(0);
        live.kernel.tasks().setAffinity(pid, cpu0);
        traffic.advanceForTest(2 * RUN_MS * MS);
        TrafficStatus s = traffic.status();
        assertEquals(0, s.socket().cpu(), "the reader runs on CPU 0 now");
        assertTrue(s.delivered() - starved > frames(RUN_MS * MS) * 9 / 10, "ksoftirqd/1 polls all the time: " + show(s));
    }

    @Test
    void the_reader_is_a_task_while_the_traffic_runs() throws Exception {
        int pid = start(false, 0, SchedPolicy.OTHER, 0);
        Task t = live.kernel.tasks().find(pid);
        assertNotNull(t);
        assertEquals(LiveTraffic.READER_COMM, t.comm());
        assertEquals(1, t.cpu());
        assertEquals("{1}", t.cpusAllowed().toString());
        assertEquals(SchedPolicy.OTHER, traffic.status().socket().policy());
        traffic.stop();
        assertNull(live.kernel.tasks().find(pid), "it exits with the traffic");
        assertEquals(pid, traffic.status().socket().pid(), "the last status still names it");
    }
}
