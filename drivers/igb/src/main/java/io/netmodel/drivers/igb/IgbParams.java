package io.netmodel.drivers.igb;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * igb's {@code module_param}s ({@code igb_main.c}): {@code max_vfs} (under
 * {@code CONFIG_PCI_IOV}) and {@code debug}, both with perm 0, so {@code /sys/module/igb/} has no
 * {@code parameters/} directory. A 2023 netdev proposal ("intel: make module parameters readable
 * in sys filesystem") would make them 0444; whether it was merged is unverified, so the model
 * keeps 0.
 */
final class IgbParams {
    static final String MAX_VFS = "max_vfs";

    static final List<ModuleParam> ALL = List.of(
        new ModuleParam(MAX_VFS, ModuleParam.Type.UINT, "0", 0,
            "Maximum number of virtual functions to allocate per physical function"),
        new ModuleParam("debug", ModuleParam.Type.INT, "-1", 0, "Debug level (0=none,...,16=all)"));

    private IgbParams() {
    }
}
