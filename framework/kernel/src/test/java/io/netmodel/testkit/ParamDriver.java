package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import java.util.List;

/**
 * A driver that exists for its module parameters: it binds the default host's virtio-net
 * function without creating a netdev and keeps its {@link DeviceContext}, so a test can see
 * the value the driver reads after a {@code /sys/module/<name>/parameters/} write.
 */
public final class ParamDriver implements NetDriver {
    private final String name;
    private final List<ModuleParam> params;
    public DeviceContext ctx;

    public ParamDriver(String name, List<ModuleParam> params) {
        this.name = name;
        this.params = List.copyOf(params);
    }

    /**
     * {@code parmnet}: {@code debug} int 0644 (0), {@code napi_tx} bool 0644 (Y), {@code ring}
     * uint 0644 (256), {@code mode} int 0444 (1), {@code hidden} int with perm 0 (7).
     */
    public static ParamDriver parmnet() {
        return new ParamDriver("parmnet", List.of(
            new ModuleParam("debug", ModuleParam.Type.INT, "0", 0644, "debug level"),
            new ModuleParam("napi_tx", ModuleParam.Type.BOOL, "Y", 0644, "NAPI for tx"),
            new ModuleParam("ring", ModuleParam.Type.UINT, "256", 0644, "ring size"),
            new ModuleParam("mode", ModuleParam.Type.INT, "1", 0444, "mode"),
            new ModuleParam("hidden", ModuleParam.Type.INT, "7", 0, "not in sysfs")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public List<DeviceId> idTable() {
        return List.of(DeviceId.pci(0x1af4, 0x1041));
    }

    @Override
    public List<ModuleParam> parameters() {
        return params;
    }

    @Override
    public void probe(DeviceContext ctx) {
        this.ctx = ctx;
    }
}
