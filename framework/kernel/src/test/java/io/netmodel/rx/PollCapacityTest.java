package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * A softirq poll pays for every frame it takes, those that land while it runs included (the
 * driver's loop cleans descriptors until none is left or the weight is used), so one CPU polls
 * at most one frame per {@code poll_per_packet} and a faster stream backs up in the RX ring.
 */
class PollCapacityTest {
    private static final long RUN_NS = 10_000_000;

    /** Frames every {@code periodNs} for 10 ms: {processed, still in the ring, dropped by a full ring}. */
    private static long[] stream(long periodNs, String ringEntries) {
        TinyHost one = TinyHost.boot("6.19");
        Kernel k = one.kernel();
        Simulator sim = one.sim();
        SimHost h = one.host();
        if (ringEntries != null) {
            h.napi.setRingSize(Integer.parseInt(ringEntries), () -> { });
        }
        h.napi.setConsumer((p, at) -> { });
        Event[] arrive = new Event[1];
        arrive[0] = () -> {
            h.napi.rxArrive(0);
            sim.schedule(periodNs, arrive[0]);
        };
        sim.scheduleAt(0, arrive[0]);
        sim.runUntil(RUN_NS);
        long processed = k.softnet(0).processed + k.softnet(1).processed;
        return new long[] {processed, h.napi.ringSize(), h.napi.ringFullDrops()};
    }

    @Test
    void a_stream_the_cpu_can_poll_is_taken_as_it_comes() {
        long[] r = stream(1_000, null); // 1M frames/s against about 2.1M a CPU polls
        assertEquals(RUN_NS / 1_000 + 1, r[0] + r[1]); // frames at 0, 1 µs, ..., 10 ms
        assertTrue(r[1] <= 2, "nothing backs up: " + r[1] + " in the ring");
    }

    @Test
    void a_faster_stream_is_polled_at_one_frame_per_poll_per_packet_and_backs_up() {
        long perPacket = RxCosts.load(RxCosts.DEFAULT_PROFILE).pollPerPacket();
        long[] r = stream(333, null); // 3M frames/s
        long capacity = RUN_NS / perPacket;
        assertTrue(r[0] <= capacity && r[0] > capacity * 95 / 100, "processed " + r[0] + " of at most " + capacity);
        assertEquals(RUN_NS / 333 + 1, r[0] + r[1], "the rest waits in the ring");
    }

    @Test
    void a_busy_polling_loop_pays_for_what_lands_while_it_polls_too() {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost());
        k.modules().driverAppeared(TinyDriver.plain());
        Simulator sim = new Simulator(1);
        RxCosts costs = RxCosts.load(RxCosts.DEFAULT_PROFILE);
        SimHost h = new SimHost("h", k, sim, costs);
        long[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        new ContinuousPoller(sim, sim.rng().fork("loop"), h.napi, h.cpus[1], costs.pollEmpty(), 64,
            io.netmodel.cpu.CpuTime.SYSTEM).start();
        Event[] arrive = new Event[1];
        arrive[0] = () -> {
            h.napi.rxArrive(0);
            sim.schedule(333, arrive[0]);
        };
        sim.scheduleAt(0, arrive[0]);
        sim.runUntil(RUN_NS);
        long capacity = RUN_NS / costs.pollPerPacket();
        assertTrue(delivered[0] <= capacity && delivered[0] > capacity * 95 / 100,
            "delivered " + delivered[0] + " of at most " + capacity);
        assertEquals(RUN_NS / 333 + 1, delivered[0] + h.napi.ringSize());
    }

    @Test
    void a_full_ring_drops_what_the_cpu_cannot_take() {
        long[] r = stream(333, "256");
        assertTrue(r[1] <= 256);
        assertTrue(r[2] > 5_000, "rx_missed_errors: " + r[2]);
    }
}
