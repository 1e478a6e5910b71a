package io.netmodel.drivers.igb;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * igb's {@code module_param}s ({@code igb_main.c}): {@code max_vfs} (under
 * {@code CONFIG_PCI_IOV}) and {@code debug}, both with perm 0 until
 * {@link IgbHistory#PARAMS_READABLE} (6.9), so {@code /sys/module/igb/} had no
 * {@code parameters/} directory; from then {@code max_vfs} is 0444 and {@code debug} stays 0.
 */
final class IgbParams {
    static final String MAX_VFS = "max_vfs";

    static final List<ModuleParam> ALL = of(0);

    /** The list with {@code max_vfs}'s mode: 0, or 0444 from {@link IgbHistory#PARAMS_READABLE}. */
    static List<ModuleParam> of(int maxVfsMode) {
        return List.of(
            new ModuleParam(MAX_VFS, ModuleParam.Type.UINT, "0", maxVfsMode,
                "Maximum number of virtual functions to allocate per physical function"),
            new ModuleParam("debug", ModuleParam.Type.INT, "-1", 0, "Debug level (0=none,...,16=all)"));
    }

    private IgbParams() {
    }
}
