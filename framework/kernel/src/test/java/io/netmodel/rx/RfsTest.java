package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Receive flow steering ({@link Rfs}) on virtual time: with both tables a connected socket's flow
 * goes up the stack on the CPU the socket was last used on; either table alone, an unconnected
 * socket, or another flow's entry steers nothing; a flow moves to a new CPU only once the old
 * CPU's backlog has processed the flow's last frame (in-order delivery); a write of a table size
 * forgets every flow.
 */
class RfsTest {
    private static final String CORE = "/proc/sys/net/core/";
    private static final String RXQ = "/sys/class/net/eth0/queues/rx-0/";
    private static final long STACK_NS = 1_500;

    private static void enableRfs(SimHost h) {
        h.write(CORE + "rps_sock_flow_entries", "32768");
        h.write(RXQ + "rps_flow_cnt", "2048");
    }

    /** Frames of the benchmark flow at the times {@code at} gives; returns their request times in delivery order. */
    private static List<Long> stream(TinyHost one, long[] at, long untilNs) {
        SimHost h = one.host();
        Simulator sim = one.sim();
        h.napi.perPacketStackNs = STACK_NS;
        h.steerToSockets();
        List<Long> delivered = new ArrayList<>();
        h.napi.setConsumer((p, t) -> delivered.add(p));
        for (long t : at) {
            Event e = () -> h.napi.rxArrive(sim.now());
            sim.scheduleAt(t, e);
        }
        sim.runUntil(untilNs);
        return delivered;
    }

    private static long[] every(long periodNs, long fromNs, long toNs) {
        int n = (int) ((toNs - fromNs + periodNs - 1) / periodNs);
        long[] at = new long[n];
        for (int i = 0; i < n; i++) {
            at[i] = fromNs + i * periodNs;
        }
        return at;
    }

    @Test
    void a_recorded_flow_goes_up_the_stack_on_the_sockets_cpu() {
        TinyHost on = TinyHost.boot("6.19");
        enableRfs(on.host());
        on.host().rps.recordFlow(Rps.FLOW_HASH, 1);
        List<Long> got = stream(on, every(20_000, 0, 2_000_000), 3_000_000);
        assertEquals(100, got.size());
        assertEquals(0, on.kernel().softnet(0).processed, "the IRQ's CPU only polls");
        assertEquals(100, on.kernel().softnet(1).processed);
        assertEquals(100, on.kernel().softnet(1).receivedRps, "an IPI per frame, as rps_cpus 2 gives");
        assertEquals(100, on.kernel().softnet(1).inputQueueHead);
        assertEquals(100, on.kernel().softnet(1).inputQueueTail);
    }

    @Test
    void either_table_alone_another_flows_entry_or_no_record_steers_nothing() {
        List<Consumer<SimHost>> setups = List.of(
            h -> {
                h.write(CORE + "rps_sock_flow_entries", "32768");
                h.rps.recordFlow(Rps.FLOW_HASH, 1);
            },
            h -> {
                h.write(RXQ + "rps_flow_cnt", "2048");
                h.rps.recordFlow(Rps.FLOW_HASH, 1);
            },
            RfsTest::enableRfs, // nothing recorded
            h -> {
                h.write(CORE + "rps_sock_flow_entries", "1"); // one entry: every flow shares it
                h.write(RXQ + "rps_flow_cnt", "1");
                h.rps.recordFlow(Rps.FLOW_HASH ^ 0x4000_0000, 1); // high bits differ: a collision, not this flow
            });
        for (Consumer<SimHost> setup : setups) {
            TinyHost t = TinyHost.boot("6.19");
            setup.accept(t.host());
            List<Long> got = stream(t, every(20_000, 0, 1_000_000), 2_000_000);
            assertEquals(50, got.size());
            assertEquals(50, t.kernel().softnet(0).processed);
            assertEquals(0, t.kernel().softnet(1).receivedRps);
        }
    }

    /**
     * The socket moves from CPU 1 to CPU 0 while CPU 1's backlog still holds the flow's frames
     * (a frame every µs, 1.5 µs of stack work each there): the flow stays on CPU 1 until CPU 1 has
     * processed the last frame it queued there, then goes to CPU 0. Delivery stays in order.
     */
    @Test
    void a_flow_moves_only_once_its_old_cpu_has_processed_what_it_queued() {
        TinyHost on = TinyHost.boot("6.19");
        SimHost h = on.host();
        enableRfs(h);
        h.rps.recordFlow(Rps.FLOW_HASH, 1);
        long[] burst = every(1_000, 0, 60_000);
        long[] later = every(5_000, 60_000, 400_000);
        long[] at = new long[burst.length + later.length];
        System.arraycopy(burst, 0, at, 0, burst.length);
        System.arraycopy(later, 0, at, burst.length, later.length);
        int[] queuedOnOneAtMove = new int[1];
        int[] processedOnOneAtMove = new int[1];
        on.sim().scheduleAt(60_000 - 1, () -> {
            h.rps.recordFlow(Rps.FLOW_HASH, 0); // the reader now runs on CPU 0
            queuedOnOneAtMove[0] = on.kernel().softnet(1).inputQueueTail;
            processedOnOneAtMove[0] = on.kernel().softnet(1).inputQueueHead;
        });
        List<Long> got = stream(on, at, 1_000_000);

        assertEquals(at.length, got.size());
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i) > got.get(i - 1), "in order: frame " + i + " of " + got);
        }
        assertTrue(queuedOnOneAtMove[0] - processedOnOneAtMove[0] > 10,
            "CPU 1's backlog was behind when the socket moved: " + queuedOnOneAtMove[0] + " queued, "
                + processedOnOneAtMove[0] + " processed");
        int afterMoveOnOne = on.kernel().softnet(1).processed - queuedOnOneAtMove[0];
        assertTrue(afterMoveOnOne > 0, "frames after the move still went to CPU 1 until it caught up");
        assertTrue(on.kernel().softnet(0).processed > 40, "then the flow moved to CPU 0: " + on.kernel().softnet(0).processed);
        assertEquals(at.length, on.kernel().softnet(0).processed + on.kernel().softnet(1).processed);
    }

    @Test
    void a_write_of_a_table_size_forgets_every_flow() {
        for (String knob : List.of(CORE + "rps_sock_flow_entries", RXQ + "rps_flow_cnt")) {
            TinyHost on = TinyHost.boot("6.19");
            enableRfs(on.host());
            on.host().rps.recordFlow(Rps.FLOW_HASH, 1);
            on.host().write(knob, on.host().read(knob)); // the same size again: a new, empty table
            stream(on, every(20_000, 0, 400_000), 1_000_000);
            if (knob.endsWith("rps_flow_cnt")) {
                // the socket's entry survives: the queue's new table is filled at the next frame
                assertEquals(20, on.kernel().softnet(1).processed, knob);
            } else {
                assertEquals(0, on.kernel().softnet(1).processed, knob);
                assertEquals(20, on.kernel().softnet(0).processed, knob);
            }
        }
    }

    private static BenchResult rr(NetperfRr.Protocol protocol, Consumer<SimHost> setup) {
        BenchServiceImpl s = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
            () -> List.of(TinyDriver.plain()), () -> null);
        return s.runNetperfRr(protocol, 0, 0, 50_000_000L, 1, (a, b) -> { }, (at, ns) -> { },
            setup::accept, client -> java.util.Map.of());
    }

    /**
     * TCP_RR with RFS on both hosts: the application reads on CPU 1, so each receive goes there
     * through an IPI and a backlog poll, exactly as with {@code rps_cpus} 2; UDP_RR's unconnected
     * sockets record no flow, so RFS leaves it as it was.
     */
    @Test
    void tcp_rr_with_rfs_runs_as_rps_to_the_application_cpu_and_udp_rr_is_unchanged() {
        BenchResult rfs = rr(NetperfRr.Protocol.TCP, RfsTest::enableRfs);
        BenchResult rps = rr(NetperfRr.Protocol.TCP, h -> h.write(RXQ + "rps_cpus", "2"));
        BenchResult off = rr(NetperfRr.Protocol.TCP, h -> { });
        assertEquals(rps.transactionsPerSecond(), rfs.transactionsPerSecond());
        assertTrue(rfs.transactionsPerSecond() < off.transactionsPerSecond());
        assertEquals("32768", rfs.knobs().get("server.net.core.rps_sock_flow_entries"));
        assertEquals("2048", rfs.knobs().get("client.eth0.queues.rx-0.rps_flow_cnt"));
        assertEquals("0", rfs.knobs().get("server.eth0.queues.rx-0.rps_cpus"));
        assertEquals(rps.counters().get("server.softnet.cpu1.received_rps"), rfs.counters().get("server.softnet.cpu1.received_rps"));
        assertNull(rps.knobs().get("server.net.core.rps_sock_flow_entries"), "no RFS, no RFS knobs");

        BenchResult udpRfs = rr(NetperfRr.Protocol.UDP, RfsTest::enableRfs);
        BenchResult udpOff = rr(NetperfRr.Protocol.UDP, h -> { });
        assertEquals(udpOff.transactionsPerSecond(), udpRfs.transactionsPerSecond());
        assertFalse(udpRfs.counters().containsKey("server.softnet.cpu1.received_rps"));
        assertTrue(udpRfs.knobs().get("server.rfs").startsWith("inactive: no socket recorded its flow"), udpRfs.knobs()::toString);
        assertTrue(rfs.counters().get("client.rfs.records") > rfs.transactionsPerSecond() / 20,
            "each recv and send records: " + rfs.counters());
    }
}
