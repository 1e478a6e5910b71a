package io.netmodel.drivers.ixgbe;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * ixgbe's {@code module_param}s ({@code ixgbe_main.c}). All have perm 0 until
 * {@link IxgbeHistory#PARAMS_READABLE} (6.9), so {@code /sys/module/ixgbe/} had no
 * {@code parameters/} directory; from then {@code allow_unsupported_sfp} (a bool, once a uint) is
 * 0444, while {@code max_vfs} and {@code debug} stay 0. {@code max_vfs} is accepted but no VFs are
 * created (SR-IOV is not modelled).
 */
final class IxgbeParams {
    static final List<ModuleParam> ALL = of(0);

    /** The list with {@code allow_unsupported_sfp}'s mode: 0, or 0444 from {@link IxgbeHistory#PARAMS_READABLE}. */
    static List<ModuleParam> of(int allowUnsupportedSfpMode) {
        return List.of(
            new ModuleParam("max_vfs", ModuleParam.Type.UINT, "0", 0,
                "Maximum number of virtual functions to allocate per physical function - default is zero"
                    + " and maximum value is 63. (Deprecated)"),
            new ModuleParam("allow_unsupported_sfp", ModuleParam.Type.BOOL, "N", allowUnsupportedSfpMode,
                "Allow unsupported and untested SFP+ modules on 82599-based adapters"),
            new ModuleParam("debug", ModuleParam.Type.INT, "-1", 0, "Debug level (0=none,...,16=all)"));
    }

    private IxgbeParams() {
    }
}
