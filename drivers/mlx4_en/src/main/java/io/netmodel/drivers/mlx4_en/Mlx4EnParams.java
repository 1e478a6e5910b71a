package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * mlx4_en's {@code module_param}s ({@code en_main.c}, {@code MLX4_EN_PARM_INT}: uint, 0444, so
 * all four show under {@code /sys/module/mlx4_en/parameters/}). mlx4_core's own parameters
 * ({@code msi_x}, {@code log_num_mgm_entry_size}, ...) belong to a module the model folds into
 * this one and are not offered. Older releases also had {@code tcp_rss}, {@code num_lro} and
 * {@code ip_reasm}.
 */
final class Mlx4EnParams {
    static final String UDP_RSS = "udp_rss";
    static final String PFCTX = "pfctx";
    static final String PFCRX = "pfcrx";
    static final String INLINE_THOLD = "inline_thold";
    /** {@code MAX_PFC_TX} / {@code MAX_PFC_RX}: one bit per priority. */
    static final long MAX_PFC = 0xff;
    /** {@code MIN_PKT_LEN} / {@code MAX_INLINE}: the range of {@code inline_thold}. */
    static final long MIN_INLINE = 17;
    static final long MAX_INLINE = 104;

    static final List<ModuleParam> ALL = List.of(
        uint(UDP_RSS, 1, "Enable RSS for incoming UDP traffic or disabled (0)"),
        uint(PFCTX, 0, "Priority based Flow Control policy on TX[7:0]. Per priority bit mask"),
        uint(PFCRX, 0, "Priority based Flow Control policy on RX[7:0]. Per priority bit mask"),
        uint(INLINE_THOLD, MAX_INLINE, "Threshold for using inline data (range: 17-104, default: 104)"));

    private Mlx4EnParams() {
    }

    /**
     * {@code mlx4_en_verify_params} (module init): an out-of-range {@code pfctx}, {@code pfcrx}
     * or {@code inline_thold} is logged and replaced by its default. Linux writes the default
     * back into the variable, so sysfs then shows it; the model's driver cannot change its
     * parameter values, so sysfs keeps showing what was given.
     */
    static void verify(DeviceContext ctx) {
        check(ctx, PFCTX, 0, MAX_PFC, 0, true);
        check(ctx, PFCRX, 0, MAX_PFC, 0, true);
        check(ctx, INLINE_THOLD, MIN_INLINE, MAX_INLINE, MAX_INLINE, false);
    }

    /**
     * The value {@code mlx4_en_verify_params} leaves in {@code pfctx}/{@code pfcrx}: the
     * parameter, or 0 when it was out of range.
     */
    static long pfc(DeviceContext ctx, String name) {
        long v = Long.parseLong(ctx.param(name));
        return v < 0 || v > MAX_PFC ? 0 : v;
    }

    private static void check(DeviceContext ctx, String name, long min, long max, long def, boolean hex) {
        long v = Long.parseLong(ctx.param(name));
        if (v < min || v > max) {
            String range = hex ? min + "-0x" + Long.toHexString(max) : min + "-" + max;
            ctx.log("WARNING: illegal module parameter " + name + " " + (hex ? "0x" + Long.toHexString(v) : v)
                + " - should be in range " + range + ", will be changed to default (" + def + ")");
        }
    }

    private static ModuleParam uint(String name, long def, String description) {
        return new ModuleParam(name, ModuleParam.Type.UINT, Long.toString(def), 0444, description);
    }
}
