package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.trace.TraceEvent;
import io.netmodel.api.traffic.SocketStatus;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.core.Tracepoints;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The socket live traffic is addressed to: its thread busy-polls the NAPI its packets came
 * through when {@code sk_ll_usec} allows and that NAPI still exists, and the receive path's
 * probes report it all, on virtual time (advanced by hand).
 */
class LiveSocketTest {
    private static final long MS = 1_000_000;

    private final TinyDriver driver = TinyDriver.plain();
    private final Host live = Host.with("6.19", 2, driver);
    private final LiveTraffic traffic = new LiveTraffic(live.kernel);

    /** CPU 1's system time in /proc/stat, in USER_HZ ticks. */
    private long cpu1System() throws Exception {
        for (String line : live.read("/proc/stat").split("\n")) {
            if (line.startsWith("cpu1 ")) {
                return Long.parseLong(line.split("\\s+")[3]);
            }
        }
        throw new AssertionError(live.read("/proc/stat"));
    }

    /** The IRQ of eth0's RX queue, as {@code /proc/interrupts} names it. */
    private int inputIrq() throws Exception {
        for (String line : live.read("/proc/interrupts").split("\n")) {
            if (line.contains(TinyDriver.IRQ_NAME)) {
                return Integer.parseInt(line.substring(0, line.indexOf(':')).trim());
            }
        }
        throw new AssertionError("no input IRQ in\n" + live.read("/proc/interrupts"));
    }

    /** Delivers {@code irq} to CPU 1, where the traffic's socket thread runs. */
    private void onSocketCpu(int irq) throws Exception {
        live.write("/proc/irq/" + irq + "/smp_affinity_list", "1\n");
    }

    /** A stream of {@code rate} frames/s to a socket {@code connect()}ed to its sender (sk_mark_napi_id at every packet). */
    private static TrafficRequest connected(double rate) {
        return new TrafficRequest(rate, 64, false, 1, TrafficRequest.SYSCTL_BUSY_READ, TrafficRequest.DEFAULT_CPU, 1,
            false, true);
    }

    /**
     * An unconnected socket keeps the id of its first packet's NAPI (sk_mark_napi_id_once, 4.12):
     * after rmmod and modprobe the new NAPI's packets do not mark it, napi_by_id keeps failing and
     * it never busy-polls again; its {@code sk_incoming_cpu} stays -1. Before 4.12 it is never
     * marked and cannot busy-poll at all. A connected socket follows every packet.
     */
    @Test
    void an_unconnected_socket_keeps_its_first_napi_id_and_before_4_12_has_none() throws Exception {
        live.write("/proc/sys/net/core/busy_read", "100\n");
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(10 * MS);
        assertEquals(257, traffic.status().socket().skNapiId());
        live.kernel.modules().driverGone(driver);
        traffic.advanceForTest(12 * MS);
        live.kernel.modules().driverAppeared(driver);
        traffic.advanceForTest(50 * MS);
        SocketStatus sk = traffic.status().socket();
        assertEquals(257, sk.skNapiId(), "the first id stays: " + sk);
        assertTrue(!sk.napiLive() && sk.napiByIdMisses() > 100, "every empty recvfrom misses: " + sk);
        long loops = sk.busyLoops();
        traffic.advanceForTest(80 * MS);
        assertEquals(loops, traffic.status().socket().busyLoops(), "no busy polling any more");
        assertEquals(-1, sk.skIncomingCpu());

        Host old = Host.with("4.11", 2, TinyDriver.plain());
        old.write("/proc/sys/net/core/busy_read", "100\n");
        LiveTraffic t = new LiveTraffic(old.kernel);
        t.begin(new TrafficRequest(20_000, 64, false, 1));
        t.advanceForTest(20 * MS);
        assertEquals(0, t.status().socket().skNapiId());
        assertEquals(0, t.status().socket().busyLoops(), "sk_can_busy_loop refuses sk_napi_id 0 before 4.12");
        t.stop();
        LiveTraffic c = new LiveTraffic(old.kernel);
        c.begin(connected(20_000));
        c.advanceForTest(20 * MS);
        assertTrue(c.status().socket().skNapiId() > 0 && c.status().socket().busyLoops() > 100, c.status().toString());
        assertEquals(1, c.status().socket().skIncomingCpu(), "taken up the stack on CPU 1, where its IRQ lands by default");
    }

    private List<TraceEvent> record(String probe) {
        List<TraceEvent> hits = new ArrayList<>();
        live.kernel.trace().subscribe(probe, hits::add);
        return hits;
    }

    @Test
    void without_busy_read_the_thread_sleeps_and_every_packet_wakes_it() throws Exception {
        List<TraceEvent> loops = record(Tracepoints.NAPI_BUSY_LOOP);
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(100 * MS);
        SocketStatus sk = traffic.status().socket();
        assertEquals(0, sk.skLlUsec());
        assertEquals(0, sk.busyLoops());
        assertTrue(loops.isEmpty());
        assertEquals(sk.received(), sk.wakeups(), 1, sk.toString());
        assertEquals(257, sk.skNapiId(), "marked by the NAPI that received its packets");
    }

    @Test
    void busy_read_makes_the_thread_poll_the_napi_itself() throws Exception {
        live.write("/proc/sys/net/core/busy_read", "100\n"); // longer than the 50 us between frames
        long sysBefore = cpu1System();
        List<TraceEvent> loops = record(Tracepoints.NAPI_BUSY_LOOP);
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(1000 * MS);
        SocketStatus sk = traffic.status().socket();
        assertEquals(100, sk.skLlUsec(), "sock_init_data copied net.core.busy_read");
        assertTrue(sk.busyLoops() > 19_000, sk.toString());
        assertTrue(sk.wakeups() < 100, "its own polls find the packets: " + sk);
        assertTrue(cpu1System() - sysBefore > 90, "the spinning shows as system time on CPU 1 (USER_HZ ticks): "
            + (cpu1System() - sysBefore));
        TraceEvent first = loops.get(0);
        assertEquals(1, first.cpu());
        assertEquals(257, first.args().get("napi_id"));
        assertEquals(LiveSocket.BUSY_POLL_BUDGET, first.args().get("budget"));
    }

    @Test
    void so_busy_poll_on_the_socket_needs_no_sysctl() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 64, false, 1, 100, TrafficRequest.DEFAULT_CPU));
        traffic.advanceForTest(100 * MS);
        assertTrue(traffic.status().socket().busyLoops() > 1900, traffic.status().socket().toString());
    }

    @Test
    void an_unhashed_napi_on_4_4_gives_the_socket_id_0_and_no_busy_polling() throws Exception {
        Host old = Host.with("4.4", 2, TinyDriver.plain());
        old.write("/proc/sys/net/core/busy_read", "100\n");
        LiveTraffic t = new LiveTraffic(old.kernel);
        List<TraceEvent> can = new ArrayList<>();
        old.kernel.trace().subscribe(Tracepoints.SK_CAN_BUSY_LOOP, can::add);
        t.begin(new TrafficRequest(20_000, 64, false, 1));
        t.advanceForTest(100 * MS);
        SocketStatus sk = t.status().socket();
        assertEquals(0, sk.skNapiId());
        assertEquals(0, sk.busyLoops());
        assertTrue(can.size() > 1900 && can.stream().allMatch(e -> e.args().get("ret").equals(0)),
            "sk_can_busy_loop refuses sk_napi_id 0 on 4.4");
    }

    @Test
    void after_rmmod_a_connected_socket_holds_a_gone_napi_id_and_stops_busy_polling_until_a_new_napi_marks_it()
            throws Exception {
        live.write("/proc/sys/net/core/busy_read", "100\n");
        List<TraceEvent> loops = record(Tracepoints.NAPI_BUSY_LOOP);
        // The softirq on the thread's CPU, saturated (10M frames/s is more than a CPU polls): the
        // thread hardly runs, so packets queue on the socket
        onSocketCpu(inputIrq());
        traffic.begin(connected(10_000_000));
        traffic.advanceForTest(MS);
        live.kernel.modules().driverGone(driver);
        traffic.advanceForTest(20 * MS); // the thread reads its backlog, then its recvfrom finds nothing
        TrafficStatus s = traffic.status();
        SocketStatus sk = s.socket();
        assertEquals(257, sk.skNapiId());
        assertTrue(!sk.napiLive(), sk.toString());
        assertEquals(1, sk.napiByIdMisses(), "one recvfrom found the queue empty and napi_by_id(257) NULL: " + sk);
        assertEquals(s.delivered() - sk.drops(), sk.received(), "the backlog queued on the socket was read");
        TraceEvent miss = loops.get(loops.size() - 1);
        assertEquals("NULL", miss.args().get("napi_by_id"));
        assertEquals(257, miss.args().get("napi_id"));
        long loopsWhileGone = sk.busyLoops();

        int seen = loops.size();
        live.kernel.modules().driverAppeared(driver);
        onSocketCpu(inputIrq()); // the new IRQ starts with the default affinity
        traffic.advanceForTest(40 * MS);
        sk = traffic.status().socket();
        assertTrue(sk.skNapiId() > 257 && sk.napiLive(), "the new NAPI's first packet marked it: " + sk);
        assertEquals(1, sk.napiByIdMisses());
        int newId = sk.skNapiId();
        assertTrue(loops.subList(seen, loops.size()).stream().allMatch(e -> Integer.valueOf(newId).equals(
            e.args().get("napi_id"))), "since the new NAPI marked it, every busy loop polls that NAPI (ksoftirqd "
            + "leaves the reader slices in which its queue empties): busy loops " + loopsWhileGone + " -> "
            + sk.busyLoops());
    }

    @Test
    void busy_polling_resumes_on_the_new_napi_once_a_packet_from_it_marks_a_connected_socket() throws Exception {
        live.write("/proc/sys/net/core/busy_read", "100\n");
        List<TraceEvent> loops = record(Tracepoints.NAPI_BUSY_LOOP);
        traffic.begin(connected(20_000));
        traffic.advanceForTest(10 * MS);
        live.kernel.modules().driverGone(driver);
        traffic.advanceForTest(12 * MS);
        long before = traffic.status().socket().busyLoops();
        int seen = loops.size();
        traffic.advanceForTest(20 * MS);
        assertEquals(before, traffic.status().socket().busyLoops(), "no eth0, no packets, no busy polling");
        live.kernel.modules().driverAppeared(driver);
        traffic.advanceForTest(50 * MS);
        SocketStatus sk = traffic.status().socket();
        assertTrue(sk.busyLoops() > before + 500, sk.toString());
        List<Object> ids = loops.subList(seen, loops.size()).stream().map(e -> e.args().get("napi_id")).distinct().toList();
        assertEquals(List.of(sk.skNapiId()), ids, "every napi_busy_loop since polled the new NAPI");
    }

    @Test
    void napi_complete_done_comes_before_the_napi_poll_event_as_in_napi_poll_then_trace_napi_poll() throws Exception {
        List<String> order = new ArrayList<>();
        for (String probe : List.of(Tracepoints.NAPI_SCHEDULE, Tracepoints.NAPI_POLL, Tracepoints.NAPI_COMPLETE_DONE,
            Tracepoints.NET_RX_ACTION)) {
            live.kernel.trace().subscribe(probe, e -> order.add(probe));
        }
        traffic.begin(new TrafficRequest(10_000, 64, false, 1));
        traffic.advanceForTest(MS / 2);
        assertEquals(List.of("napi_schedule", "napi_complete_done", "napi_poll", "net_rx_action"), order.subList(0, 4));
    }

    @Test
    void the_receive_paths_probes_report_simulated_time_cpu_and_napi() throws Exception {
        List<TraceEvent> polls = record(Tracepoints.NAPI_POLL);
        List<TraceEvent> actions = record(Tracepoints.NET_RX_ACTION);
        List<TraceEvent> completes = record(Tracepoints.NAPI_COMPLETE_DONE);
        List<TraceEvent> schedules = record(Tracepoints.NAPI_SCHEDULE);
        traffic.begin(new TrafficRequest(10_000, 64, false, 1));
        traffic.advanceForTest(10 * MS);
        assertEquals(100, schedules.size(), 1, "one interrupt, one napi_schedule per frame");
        assertEquals(schedules.size(), actions.size(), 1);
        assertEquals(schedules.size(), completes.size(), 1);
        TraceEvent p = polls.get(0);
        assertEquals(0, p.cpu(), "the softirq runs where the IRQ landed");
        assertEquals("eth0", p.args().get("dev"));
        assertEquals(257, p.args().get("napi_id"));
        assertEquals(1, p.args().get("work"));
        assertEquals(64, p.args().get("budget"));
        assertEquals(1, completes.get(0).args().get("ret"));
        assertEquals(300, actions.get(0).args().get("budget"));
        long gap = polls.get(1).timeNs() - polls.get(0).timeNs();
        assertEquals(100_000, gap, 5_000, "frames 100 us apart on the simulated clock");
    }
}
