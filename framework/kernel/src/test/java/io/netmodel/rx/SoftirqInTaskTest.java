package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.sched.SchedPolicy;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The live socket's reader on the CPU that takes eth0's interrupt, under a flood (3M frames/s,
 * more than one CPU polls; a 256-descriptor ring), by kernel release, on virtual time
 * ({@link SoftirqInTask}). In 4.9-6.4, once {@code __do_softirq} has woken ksoftirqd, the reader's
 * {@code local_bh_enable} leaves the work to it and the two share the CPU
 * ({@link KsoftirqdRtReaderTest}). Before and after, every {@code recvmsg}'s {@code spin_unlock_bh}
 * runs a whole softirq pass in the reader's context first: "softirq: Let ksoftirqd do its job"
 * (4.9) reported a UDP receiver going from about 2,000 to 900,000 datagrams/s; its revert (6.5)
 * names threaded NAPI as the fix.
 */
class SoftirqInTaskTest {
    private static final long MS = 1_000_000;
    private static final long RUN_MS = 300;
    private static final int FLOOD = 3_000_000;

    private Host live;
    private LiveTraffic traffic;

    /** A 2-CPU host on {@code kernel} with eth0's interrupt on CPU 1, the reader's. */
    private void boot(String kernel) throws Exception {
        live = FloodHost.boot(kernel, 1);
        traffic = new LiveTraffic(live.kernel);
    }

    /** The flood for {@link #RUN_MS} to a reader on CPU 1 ({@code nonblock}: a recvfrom(MSG_DONTWAIT) loop). */
    private TrafficStatus flood(boolean nonblock, SchedPolicy policy) throws Exception {
        traffic.begin(new TrafficRequest(FLOOD, 64, false, 1, 0, 1, 1, nonblock));
        live.kernel.tasks().setScheduler(traffic.status().socket().pid(), policy, policy.isRealtime() ? 50 : 0);
        traffic.advanceForTest(RUN_MS * MS);
        return traffic.status();
    }

    /** Frames one CPU's softirq polls in {@code ns}. */
    private static long capacity(long ns) {
        return ns / RxCosts.load(RxCosts.DEFAULT_PROFILE).pollPerPacket();
    }

    /** Datagrams per second the application received. */
    private static long appRate(TrafficStatus s) {
        return s.socket().received() * 1000 / RUN_MS;
    }

    private static String show(TrafficStatus s) {
        return s.arrived() + " arrived, " + s.delivered() + " delivered, " + s.dropped() + " dropped in the ring; "
            + s.socket();
    }

    /** CPU 1's {@code /proc/stat} field {@code i} (3 system, 7 softirq), in USER_HZ ticks. */
    private long cpu1(int i) throws Exception {
        for (String line : live.read("/proc/stat").split("\n")) {
            if (line.startsWith("cpu1 ")) {
                return Long.parseLong(line.split("\\s+")[i]);
            }
        }
        throw new AssertionError(live.read("/proc/stat"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.8", "6.19"})
    void outside_4_9_to_6_4_the_reader_runs_the_softirq_at_each_recvmsg_and_starves(String kernel) throws Exception {
        boot(kernel);
        TrafficStatus s = flood(false, SchedPolicy.OTHER);
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 9 / 10, "the softirq polls all the time: " + show(s));
        assertTrue(appRate(s) > 500 && appRate(s) < 10_000,
            "a datagram per softirq pass, a few thousand a second (about 2,000 in 4cd13c21b207's report): "
            + appRate(s) + "/s; " + show(s));
        assertTrue(cpu1(7) >= RUN_MS / 10 - 2, "CPU 1 is all softirq (ticks): " + cpu1(7));
        assertEquals(1, traffic.runForTest().host.pollList(1).ksoftirqdWakeups,
            "ksoftirqd was woken once and keeps waiting: " + show(s));
    }

    @Test
    void in_4_9_to_6_4_the_sleeping_reader_leaves_the_softirq_to_ksoftirqd_and_reads_nearly_all() throws Exception {
        // ksoftirqd polls while the reader sleeps; a woken reader preempts it at its next pass
        // (CFS's wake-up preemption, before EEVDF) and drains its buffer
        boot("6.1");
        TrafficStatus s = flood(false, SchedPolicy.OTHER);
        assertTrue(s.delivered() > capacity(RUN_MS * MS) * 6 / 10, "ksoftirqd polls most of the time: " + show(s));
        assertTrue(s.socket().received() > s.delivered() * 9 / 10, "the reader reads nearly all of it ("
            + appRate(s) + "/s; about 900,000/s in 4cd13c21b207's report): " + show(s));
        assertTrue(s.socket().wakeups() > 1000, "woken again and again: " + show(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.8", "6.19"})
    void a_pass_in_the_readers_context_holds_it_for_all_of_its_restarts(String kernel) throws Exception {
        boot(kernel);
        TrafficStatus s = flood(true, SchedPolicy.FIFO); // ksoftirqd never gets the CPU: every pass is the reader's
        // 3.19+: a NAPI that used its weight goes to the repoll list, so each net_rx_action run polls
        // it once (64 frames) and __do_softirq restarts it MAX_SOFTIRQ_RESTART times
        long perPass = 64L * NetRxAction.MAX_SOFTIRQ_RESTART;
        long ratio = s.delivered() / s.socket().received();
        assertTrue(ratio > perPass * 8 / 10 && ratio < perPass * 12 / 10,
            "one datagram read per pass of about " + perPass + " frames: " + ratio + "; " + show(s));
    }

    @Test
    void on_6_19_threaded_napi_gives_the_reader_its_cpu_back() throws Exception {
        boot("6.19");
        TrafficStatus starved = flood(false, SchedPolicy.OTHER);
        traffic.stop();
        live.write("/sys/class/net/eth0/threaded", "1\n");
        TrafficStatus s = flood(false, SchedPolicy.OTHER); // a new run, from 0
        assertTrue(s.socket().received() > s.delivered() * 9 / 10, "the reader reads what is delivered: " + show(s));
        assertTrue(s.socket().received() > starved.socket().received() * 100,
            "threaded " + show(s) + "\nsoftirq " + show(starved));
    }

    @Test
    void a_sched_other_spinner_in_4_9_to_6_4_takes_fair_turns_and_reads_its_buffer_in_each() throws Exception {
        // the softirq on the reader's CPU, saturated: after ten polls __do_softirq hands the work
        // to ksoftirqd, a fair task, and the spinning reader gets every other slice of the CPU
        boot("6.1");
        TrafficStatus s = flood(true, SchedPolicy.OTHER);
        long delivered = s.delivered();
        long capacity = capacity(RUN_MS * MS);
        assertTrue(delivered > capacity * 4 / 10 && delivered < capacity * 6 / 10,
            "ksoftirqd polls about half the time: " + show(s));
        long slices = RUN_MS * MS / (2 * RunQueue.baseSliceNs(2));
        assertTrue(s.socket().received() > slices * 8 / 10 * (212992 / SkbTruesize.of(64)),
            "the reader read its full receive buffer in each of its slices: " + show(s));
        assertEquals(delivered, s.socket().received() + s.socket().queued() + s.socket().drops(),
            "the rest its full buffer refused: " + show(s));
        assertTrue(cpu1(3) > 0, "the spin is system time: " + cpu1(3));
    }
}
