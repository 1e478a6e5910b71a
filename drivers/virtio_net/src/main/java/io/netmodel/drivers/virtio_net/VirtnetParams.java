package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/** virtio_net's {@code module_param}s; none has a {@code MODULE_PARM_DESC} (modinfo prints only the types). */
final class VirtnetParams {
    static final String NAPI_WEIGHT = "napi_weight";

    static final List<ModuleParam> ALL = List.of(
        new ModuleParam(NAPI_WEIGHT, ModuleParam.Type.INT, "64", 0444, ""),
        new ModuleParam("csum", ModuleParam.Type.BOOL, "Y", 0444, ""),
        new ModuleParam("gso", ModuleParam.Type.BOOL, "Y", 0444, ""),
        new ModuleParam("napi_tx", ModuleParam.Type.BOOL, "Y", 0644, ""));

    private VirtnetParams() {
    }
}
