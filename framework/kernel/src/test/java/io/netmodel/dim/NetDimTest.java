package io.netmodel.dim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.netdev.RxDim;
import io.netmodel.dim.NetDim.State;
import io.netmodel.dim.NetDim.TuneState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code net_dim()} fed measurements of 64 interrupts over 1 ms each, at the byte rates given
 * (packets at a tenth of them); the expected moves are worked out by hand from
 * {@code lib/dim/net_dim.c} and {@code lib/dim/dim.c}.
 */
class NetDimTest {
    private long t;
    private long events;
    private long packets;
    private long bytes;

    private DimSample now() {
        return DimSample.of(t, events, packets, bytes);
    }

    /**
     * One whole measurement at {@code bytesPerMs}: starts one if none is running, then 64
     * interrupts in 1 ms; when net_dim schedules its work, the work runs (DIM_START_MEASURE).
     * Returns the profile index afterwards.
     */
    private int measure(NetDim d, int bytesPerMs) {
        if (d.state() != State.DIM_MEASURE_IN_PROGRESS) {
            assertFalse(d.netDim(now()), "starting a measurement changes nothing");
        }
        t += 1_000_000;
        events += NetDim.DIM_NEVENTS;
        bytes += bytesPerMs;
        packets += bytesPerMs / 10;
        if (d.netDim(now())) {
            assertEquals(State.DIM_APPLY_NEW_PROFILE, d.state());
            d.workDone();
        }
        return d.profileIx();
    }

    private List<Integer> run(NetDim d, int... bytesPerMs) {
        List<Integer> ix = new ArrayList<>();
        for (int b : bytesPerMs) {
            ix.add(measure(d, b));
        }
        return ix;
    }

    @Test
    void rising_throughput_steps_right_until_the_edge_then_parks_on_top() {
        NetDim d = new NetDim(0);
        // first measurement: better than the zeroed prev_stats, leaves parking rightwards (ix 0)
        assertEquals(List.of(1, 2, 3, 4, 4), run(d, 1000, 1200, 1440, 1730, 2100));
        assertEquals(TuneState.DIM_PARKING_ON_TOP, d.tuneState(), "stepping off the right end parks");
    }

    @Test
    void a_drop_steps_back_and_a_turn_after_two_steps_parks_on_top() {
        NetDim d = new NetDim(0);
        assertEquals(List.of(1, 2), run(d, 1000, 1200));
        assertEquals(1, measure(d, 900), "worse: turn left and step back");
        assertEquals(TuneState.DIM_GOING_LEFT, d.tuneState());
        assertEquals(1, measure(d, 1200), "better again going left after two steps right: dim_on_top");
        assertEquals(TuneState.DIM_PARKING_ON_TOP, d.tuneState());
    }

    @Test
    void parked_on_top_it_leaves_only_on_a_significant_change_from_the_stats_it_parked_with() {
        NetDim d = new NetDim(0);
        run(d, 1000, 1200, 900, 1200); // parked at 1 with prev_stats at 1200 B/ms
        assertEquals(List.of(1, 1), run(d, 1250, 1320), "4% and 10% from 1200: the same; prev_stats stays 1200");
        assertEquals(0, measure(d, 1340), "11.7% above 1200 (not 1320): leaves parking leftwards");
        assertEquals(TuneState.DIM_GOING_LEFT, d.tuneState());
    }

    @Test
    void ten_steps_without_a_top_park_tired_for_ten_measurements() {
        NetDim d = new NetDim(1); // idpf's and the library's start index
        List<Integer> ix = run(d, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), ix, "the same stats each time: turn and step, turn and step");
        assertEquals(10, d.tired());
        assertEquals(1, measure(d, 1000), "net_dim_step: too tired");
        assertEquals(TuneState.DIM_PARKING_TIRED, d.tuneState());
        for (int i = 9; i >= 1; i--) {
            assertEquals(1, measure(d, 5000), "parked tired, whatever the rates");
            assertEquals(i, d.tired());
        }
        assertEquals(0, measure(d, 5000), "the tenth measurement leaves parking");
        assertEquals(TuneState.DIM_GOING_LEFT, d.tuneState());
    }

    @Test
    void fewer_than_dim_nevents_interrupts_decide_nothing_and_the_u16_counter_wraps() {
        NetDim d = new NetDim(0);
        events = 0xffff - 10; // the event counter is a u16
        d.netDim(now());
        t += 1_000_000;
        events += NetDim.DIM_NEVENTS - 1;
        bytes += 1000;
        assertFalse(d.netDim(now()), "63 interrupts");
        assertEquals(State.DIM_MEASURE_IN_PROGRESS, d.state());
        events += 1;
        assertTrue(d.netDim(now()), "64 across the wrap: a decision, a new profile");
        assertEquals(1, d.profileIx());
    }

    @Test
    void while_the_work_is_pending_samples_are_ignored() {
        NetDim d = new NetDim(0);
        d.netDim(now());
        t += 1_000_000;
        events += 64;
        bytes += 1000;
        assertTrue(d.netDim(now()));
        t += 1_000_000;
        events += 640;
        bytes += 100_000;
        assertFalse(d.netDim(now()));
        assertEquals(State.DIM_APPLY_NEW_PROFILE, d.state());
        assertEquals(1, d.profileIx());
    }

    @Test
    void stats_compare_looks_at_bytes_then_packets_then_fewer_events() {
        DimStats prev = new DimStats(100, 1000, 64);
        assertEquals(NetDim.StatsRes.BETTER, NetDim.statsCompare(new DimStats(100, 1120, 64), prev));
        assertEquals(NetDim.StatsRes.WORSE, NetDim.statsCompare(new DimStats(200, 880, 64), prev), "bytes decide first");
        assertEquals(NetDim.StatsRes.BETTER, NetDim.statsCompare(new DimStats(112, 1000, 64), prev));
        assertEquals(NetDim.StatsRes.BETTER, NetDim.statsCompare(new DimStats(100, 1000, 32), prev), "fewer events");
        assertEquals(NetDim.StatsRes.WORSE, NetDim.statsCompare(new DimStats(100, 1000, 80), prev));
        assertEquals(NetDim.StatsRes.SAME, NetDim.statsCompare(new DimStats(105, 1100, 70), prev), "10% is not significant");
        assertEquals(NetDim.StatsRes.SAME, NetDim.statsCompare(DimStats.ZERO, DimStats.ZERO));
    }

    @Test
    void calc_stats_rounds_up_per_millisecond_and_counts_dim_nevents() {
        DimStats s = DimStats.calc(DimSample.of(0, 0, 0, 0), DimSample.of(3_000_000, 70, 10, 4421));
        assertEquals(new DimStats(4, 1474, 22), s, "10/3 -> 4, 4421/3 -> 1474, 64/3 -> 22 (DIM_NEVENTS, not 70)");
        assertEquals(null, DimStats.calc(DimSample.of(0, 0, 0, 0), DimSample.of(999, 64, 1, 1)), "delta_us 0");
    }

    @Test
    void the_library_rx_tables() {
        int[] eqe = {1, 8, 64, 128, 256};
        int[] cqeUs = {2, 8, 16, 32, 64};
        int[] cqePkts = {256, 128, 64, 64, 64};
        for (int i = 0; i < NetDimProfiles.NUM_PROFILES; i++) {
            assertEquals(new RxDim.CqModer(eqe[i], 256), NetDimProfiles.rxModeration(RxDim.CqPeriodMode.START_FROM_EQE, i));
            assertEquals(new RxDim.CqModer(cqeUs[i], cqePkts[i]),
                NetDimProfiles.rxModeration(RxDim.CqPeriodMode.START_FROM_CQE, i));
        }
    }
}
