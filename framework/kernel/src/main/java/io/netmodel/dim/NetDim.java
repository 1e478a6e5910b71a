package io.netmodel.dim;

/**
 * {@code struct dim} and {@code net_dim()}: the kernel's dynamic interrupt moderation for network
 * devices, a port of {@code lib/dim/net_dim.c} ({@code net_dim}, {@code net_dim_decision},
 * {@code net_dim_stats_compare}, {@code net_dim_step}, {@code net_dim_exit_parking}) and
 * {@code lib/dim/dim.c} ({@code dim_on_top}, {@code dim_turn}, {@code dim_park_on_top},
 * {@code dim_park_tired}), read from a 7.0-era tree ({@code net_dim(struct dim *, const struct
 * dim_sample *)}, {@code kzalloc_obj}); the decision logic is the same in the 4.16+ trees seen.
 *
 * <p>The consumer calls {@link #netDim} with a sample after each completed poll. Once
 * {@link #DIM_NEVENTS} interrupts have passed since the measurement began, the rates are compared
 * with the previous measurement's: while throughput (bytes, then packets per ms) improves by more
 * than 10% the profile keeps moving the same way, otherwise it turns; a turn right after a step
 * the other way parks on that "top", a move off either end parks too, and ten steps without
 * parking park "tired" for as many measurements. When the profile changes, {@code net_dim()}
 * schedules the consumer's work ({@code DIM_APPLY_NEW_PROFILE}), which applies
 * {@link #profileIx()} and calls {@link #workDone()}; until then samples are ignored.
 */
public final class NetDim {
    /** {@code DIM_NEVENTS}: interrupts per measurement. */
    public static final int DIM_NEVENTS = 64;

    /** {@code enum dim_state}. */
    public enum State { DIM_START_MEASURE, DIM_MEASURE_IN_PROGRESS, DIM_APPLY_NEW_PROFILE }

    /** {@code enum dim_tune_state}. */
    public enum TuneState { DIM_PARKING_ON_TOP, DIM_PARKING_TIRED, DIM_GOING_RIGHT, DIM_GOING_LEFT }

    enum StatsRes { WORSE, SAME, BETTER }

    private enum StepRes { STEPPED, TOO_TIRED, ON_EDGE }

    // struct dim, zeroed as kzalloc leaves it, but profile_ix which the driver sets
    private State state = State.DIM_START_MEASURE;
    private DimStats prevStats = DimStats.ZERO;
    private DimSample startSample = new DimSample(0, 0, 0, 0);
    private int profileIx;
    private TuneState tuneState = TuneState.DIM_PARKING_ON_TOP;
    private int stepsRight;
    private int stepsLeft;
    private int tired;

    /** A zeroed {@code struct dim} whose driver set {@code dim->profile_ix = profileIx}. */
    public NetDim(int profileIx) {
        this.profileIx = profileIx;
    }

    /**
     * {@code net_dim(dim, end_sample)}. Returns true when it scheduled the consumer's work (the
     * state is now {@code DIM_APPLY_NEW_PROFILE}).
     */
    public boolean netDim(DimSample end) {
        switch (state) {
            case DIM_MEASURE_IN_PROGRESS -> {
                int nevents = (end.eventCtr() - startSample.eventCtr()) & 0xffff; // BIT_GAP(16, ...)
                if (nevents < DIM_NEVENTS) {
                    return false;
                }
                DimStats curr = DimStats.calc(startSample, end);
                if (curr == null) {
                    return false; // dim_calc_stats: delta_us 0
                }
                if (decision(curr)) {
                    state = State.DIM_APPLY_NEW_PROFILE;
                    return true; // schedule_work(&dim->work)
                }
                startMeasure(end); // fallthrough
            }
            case DIM_START_MEASURE -> startMeasure(end);
            case DIM_APPLY_NEW_PROFILE -> { }
            default -> throw new IllegalStateException();
        }
        return false;
    }

    private void startMeasure(DimSample end) {
        startSample = end; // dim_update_sample(..., &dim->start_sample)
        state = State.DIM_MEASURE_IN_PROGRESS;
    }

    /** {@code net_dim_decision}: true when the profile changed. */
    private boolean decision(DimStats curr) {
        TuneState prevState = tuneState;
        int prevIx = profileIx;
        switch (tuneState) {
            case DIM_PARKING_ON_TOP -> {
                if (statsCompare(curr, prevStats) != StatsRes.SAME) {
                    exitParking();
                }
            }
            case DIM_PARKING_TIRED -> {
                tired--;
                if (tired == 0) {
                    exitParking();
                }
            }
            case DIM_GOING_RIGHT, DIM_GOING_LEFT -> {
                if (statsCompare(curr, prevStats) != StatsRes.BETTER) {
                    turn();
                }
                if (onTop()) {
                    parkOnTop();
                    break;
                }
                switch (step()) {
                    case ON_EDGE -> parkOnTop();
                    case TOO_TIRED -> parkTired();
                    default -> { }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (prevState != TuneState.DIM_PARKING_ON_TOP || tuneState != TuneState.DIM_PARKING_ON_TOP) {
            prevStats = curr;
        }
        return profileIx != prevIx;
    }

    /** {@code net_dim_stats_compare}: throughput first (bytes, then packets), then fewer events. */
    static StatsRes statsCompare(DimStats curr, DimStats prev) {
        if (prev.bpms() == 0) {
            return curr.bpms() != 0 ? StatsRes.BETTER : StatsRes.SAME;
        }
        if (significantDiff(curr.bpms(), prev.bpms())) {
            return curr.bpms() > prev.bpms() ? StatsRes.BETTER : StatsRes.WORSE;
        }
        if (prev.ppms() == 0) {
            return curr.ppms() != 0 ? StatsRes.BETTER : StatsRes.SAME;
        }
        if (significantDiff(curr.ppms(), prev.ppms())) {
            return curr.ppms() > prev.ppms() ? StatsRes.BETTER : StatsRes.WORSE;
        }
        if (prev.epms() == 0) {
            return StatsRes.SAME;
        }
        if (significantDiff(curr.epms(), prev.epms())) {
            return curr.epms() < prev.epms() ? StatsRes.BETTER : StatsRes.WORSE;
        }
        return StatsRes.SAME;
    }

    /** {@code IS_SIGNIFICANT_DIFF(val, ref)}: more than 10% (integer arithmetic, as in the macro). */
    static boolean significantDiff(int val, int ref) {
        return ref != 0 && 100L * Math.abs((long) val - ref) / ref > 10;
    }

    /** {@code net_dim_step}. */
    private StepRes step() {
        if (tired == NetDimProfiles.NUM_PROFILES * 2) {
            return StepRes.TOO_TIRED;
        }
        switch (tuneState) {
            case DIM_GOING_RIGHT -> {
                if (profileIx == NetDimProfiles.NUM_PROFILES - 1) {
                    return StepRes.ON_EDGE;
                }
                profileIx++;
                stepsRight++;
            }
            case DIM_GOING_LEFT -> {
                if (profileIx == 0) {
                    return StepRes.ON_EDGE;
                }
                profileIx--;
                stepsLeft++;
            }
            default -> { }
        }
        tired++;
        return StepRes.STEPPED;
    }

    /** {@code net_dim_exit_parking}: head for the other end from where it parked, one step. */
    private void exitParking() {
        tuneState = profileIx != 0 ? TuneState.DIM_GOING_LEFT : TuneState.DIM_GOING_RIGHT;
        step();
    }

    /** {@code dim_on_top}. */
    private boolean onTop() {
        return switch (tuneState) {
            case DIM_PARKING_ON_TOP, DIM_PARKING_TIRED -> true;
            case DIM_GOING_RIGHT -> stepsLeft > 1 && stepsRight == 1;
            case DIM_GOING_LEFT -> stepsRight > 1 && stepsLeft == 1;
        };
    }

    /** {@code dim_turn}. */
    private void turn() {
        switch (tuneState) {
            case DIM_GOING_RIGHT -> {
                tuneState = TuneState.DIM_GOING_LEFT;
                stepsLeft = 0;
            }
            case DIM_GOING_LEFT -> {
                tuneState = TuneState.DIM_GOING_RIGHT;
                stepsRight = 0;
            }
            default -> { }
        }
    }

    /** {@code dim_park_on_top}. */
    private void parkOnTop() {
        stepsRight = 0;
        stepsLeft = 0;
        tired = 0;
        tuneState = TuneState.DIM_PARKING_ON_TOP;
    }

    /** {@code dim_park_tired}. */
    private void parkTired() {
        stepsRight = 0;
        stepsLeft = 0;
        tuneState = TuneState.DIM_PARKING_TIRED;
    }

    /**
     * The end of the consumer's work ({@code idpf_rx_dim_work}, {@code virtnet_rx_dim_work}):
     * {@code dim->state = DIM_START_MEASURE}.
     */
    public void workDone() {
        state = State.DIM_START_MEASURE;
    }

    /**
     * The consumer forces a new measurement ({@code dim->state = DIM_START_MEASURE}), as
     * idpf_update_dim_sample does when the running one is stale.
     */
    public void restartMeasure() {
        state = State.DIM_START_MEASURE;
    }

    /** {@code dim->profile_ix}. */
    public int profileIx() {
        return profileIx;
    }

    /** {@code dim->profile_ix = ix}: the consumer clamps it (idpf_rx_dim_work). */
    public void setProfileIx(int ix) {
        profileIx = ix;
    }

    public State state() {
        return state;
    }

    public TuneState tuneState() {
        return tuneState;
    }

    public int tired() {
        return tired;
    }

    /** {@code dim->start_sample}. */
    public DimSample startSample() {
        return startSample;
    }
}
