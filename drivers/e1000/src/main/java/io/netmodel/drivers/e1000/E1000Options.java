package io.netmodel.drivers.e1000;

import io.netmodel.api.driver.DeviceContext;

/**
 * {@code e1000_check_options} ({@code e1000_param.c}): the per-board settings one probe takes
 * from the module parameters. A value the parameter parser accepted (any int) can still be out
 * of the driver's range: then the driver logs "Invalid ... value specified" and uses its
 * default, and the module loads anyway. Only the ring sizes and {@code InterruptThrottleRate}
 * are checked here; the other options are taken as their defaults.
 *
 * @param txRingCount transmit descriptors ({@code tx_ring->count})
 * @param rxRingCount receive descriptors ({@code rx_ring->count})
 * @param itrSetting {@code adapter->itr_setting}: 0 off, 1 dynamic, 3 dynamic conservative,
 *     4 simplified, else a fixed rate with the low two bits cleared
 * @param itr {@code adapter->itr}: the interrupt rate the hardware starts at (0: unthrottled)
 */
record E1000Options(int txRingCount, int rxRingCount, int itrSetting, int itr) {
    /** {@code E1000_MAX_NIC}: boards beyond this get no configuration. */
    static final int E1000_MAX_NIC = 32;
    private static final String ITR_NAME = "Interrupt Throttling Rate (ints/sec)";

    /**
     * The options of board {@code bd}, the order the driver probed its devices in ({@link E1000Params}).
     */
    static E1000Options check(DeviceContext ctx, int bd) {
        if (bd >= E1000_MAX_NIC) {
            ctx.log("Warning: no configuration for board #" + bd);
            ctx.log("Using defaults for all values");
        }
        int tx = ring(ctx, bd, E1000Params.TX_DESCRIPTORS, "Transmit Descriptors");
        int rx = ring(ctx, bd, E1000Params.RX_DESCRIPTORS, "Receive Descriptors");
        Integer given = given(ctx, bd, E1000Params.INTERRUPT_THROTTLE_RATE);
        if (given == null) {
            return new E1000Options(tx, rx, E1000Defaults.DEFAULT_ITR, E1000Defaults.DYNAMIC_START_ITR);
        }
        switch (given) {
            case 0:
                ctx.log(ITR_NAME + " turned off");
                return new E1000Options(tx, rx, 0, 0);
            case 1:
                ctx.log(ITR_NAME + " set to dynamic mode");
                return new E1000Options(tx, rx, 1, E1000Defaults.DYNAMIC_START_ITR);
            case 3:
                ctx.log(ITR_NAME + " set to dynamic conservative mode");
                return new E1000Options(tx, rx, 3, E1000Defaults.DYNAMIC_START_ITR);
            case 4:
                ctx.log(ITR_NAME + " set to simplified (2000-8000) ints mode");
                return new E1000Options(tx, rx, 4, 4);
            default:
                int itr = validate(ctx, ITR_NAME, given, E1000Defaults.MIN_ITR, E1000Defaults.MAX_ITR,
                    E1000Defaults.DEFAULT_ITR);
                // The low two bits select the dynamic modes, so the saved setting clears them: an
                // invalid value falls back to 3 and leaves itr_setting 0 (throttling off) although
                // the message says "using default of 3" (as recalled from e1000_param.c).
                return new E1000Options(tx, rx, itr & ~3, itr);
        }
    }

    /** A ring size: validated against 48..4096 (82544 and later), then rounded up to a multiple of 8. */
    private static int ring(DeviceContext ctx, int bd, String param, String name) {
        Integer given = given(ctx, bd, param);
        if (given == null) {
            return E1000Defaults.DEFAULT_RING;
        }
        int count = validate(ctx, name, given, E1000Defaults.MIN_RING, E1000Defaults.MAX_RING_82544,
            E1000Defaults.DEFAULT_RING);
        int m = E1000Defaults.RING_MULTIPLE;
        return (count + m - 1) / m * m; // ALIGN(count, REQ_*_DESCRIPTOR_MULTIPLE)
    }

    /** {@code e1000_validate_option} for a {@code range_option}. */
    private static int validate(DeviceContext ctx, String name, int value, int min, int max, int def) {
        if (value >= min && value <= max) {
            ctx.log(name + " set to " + value);
            return value;
        }
        ctx.log("Invalid " + name + " value specified (" + value + ") using default of " + def);
        return def;
    }

    /** {@code X[bd]} if {@code num_X > bd} (then validated, -1 included), else null: the default, silently. */
    private static Integer given(DeviceContext ctx, int bd, String param) {
        String value = ctx.param(param);
        String[] elements = value.isEmpty() ? new String[0] : value.split(",");
        return bd < elements.length ? Integer.valueOf(elements[bd]) : null;
    }
}
