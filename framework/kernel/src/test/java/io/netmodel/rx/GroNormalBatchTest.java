package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code net.core.gro_normal_batch}: a socket workload's poll hands its frames to the stack in
 * batches ({@code gro_normal_one} → {@code gro_normal_list}, 5.4+), each once the poll has done
 * that batch's work, the rest at the poll's end; before 5.4 every frame went up by itself.
 */
class GroNormalBatchTest {
    /** When each of a 64-frame burst reached the socket, polled by one softirq poll. */
    private static List<Long> burst(String release, String batch) {
        TinyHost one = TinyHost.boot(release);
        Simulator sim = one.sim();
        SimHost h = one.host();
        if (batch != null) {
            h.write("/proc/sys/net/core/gro_normal_batch", batch);
        }
        h.steerToSockets(); // frames go up the stack (rps_cpus 0: on the polling CPU)
        h.napi.perPacketStackNs = h.costs.udpStack();
        List<Long> at = new ArrayList<>();
        h.napi.setConsumer((p, t) -> at.add(sim.now()));
        sim.scheduleAt(0, () -> {
            for (int i = 0; i < 64; i++) {
                h.napi.rxArrive(0);
            }
        });
        sim.run();
        assertEquals(64, at.size());
        assertEquals(64, one.kernel().softnet(h.napi.irqCpu()).processed, "processed counts every frame once");
        return at;
    }

    @Test
    void frames_reach_the_socket_in_batches_of_gro_normal_batch() {
        List<Long> eight = burst("6.19", null); // default 8
        assertEquals(8, new TreeSet<>(eight).size(), "eight batches of eight");
        assertTrue(eight.get(0) < eight.get(63), "the first batch before the poll's end");
        assertEquals(eight.get(0), eight.get(7));
        assertTrue(eight.get(8) > eight.get(7));
        List<Long> whole = burst("6.19", "64");
        assertEquals(1, new TreeSet<>(whole).size(), "one batch: all at the poll's end");
        assertEquals(whole.get(63), eight.get(63), "the poll ends when it ends either way");
        long batchNs = eight.get(15) - eight.get(7);
        assertEquals(8 * (RxCosts.load(RxCosts.DEFAULT_PROFILE).pollPerPacket()
            + RxCosts.load(RxCosts.DEFAULT_PROFILE).udpStack()), batchNs, "one batch's driver and stack work apart");
    }

    @Test
    void before_5_4_every_frame_goes_up_by_itself() {
        List<Long> each = burst("5.3", null);
        assertEquals(64, new TreeSet<>(each).size());
    }
}
