package io.netmodel.drivers.ixgbe;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * ixgbe's {@code module_param}s ({@code ixgbe_main.c}). All have perm 0 here, so
 * {@code /sys/module/ixgbe/} has no {@code parameters/} directory: {@code allow_unsupported_sfp}
 * was a uint with perm 0 and became a bool (the model uses the bool); a 2023 proposal to make it
 * and {@code max_vfs} 0444 exists, merge unverified. {@code max_vfs} is accepted but no VFs are
 * created (SR-IOV is not modelled).
 */
final class IxgbeParams {
    static final List<ModuleParam> ALL = List.of(
        new ModuleParam("max_vfs", ModuleParam.Type.UINT, "0", 0,
            "Maximum number of virtual functions to allocate per physical function - default is zero"
                + " and maximum value is 63. (Deprecated)"),
        new ModuleParam("allow_unsupported_sfp", ModuleParam.Type.BOOL, "N", 0,
            "Allow unsupported and untested SFP+ modules on 82599-based adapters"),
        new ModuleParam("debug", ModuleParam.Type.INT, "-1", 0, "Debug level (0=none,...,16=all)"));

    private IxgbeParams() {
    }
}
