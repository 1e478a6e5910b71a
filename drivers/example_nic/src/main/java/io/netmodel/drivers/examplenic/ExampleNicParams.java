package io.netmodel.drivers.examplenic;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * examplenic's {@code module_param}s. The kernel parses the type (a non-number is EINVAL and
 * the module does not load); the range is the driver's business, checked at probe like
 * {@code e1000_check_options}: out of range is logged and replaced, the module loads.
 */
final class ExampleNicParams {
    static final String RX_WEIGHT = "rx_weight";
    /** The quirk: the hardware's RX ring refills 32 descriptors at a time, so never poll more. */
    static final int MAX_WEIGHT = 32;

    static final List<ModuleParam> ALL = List.of(
        new ModuleParam(RX_WEIGHT, ModuleParam.Type.INT, "16", 0444, "NAPI poll weight, 1..32 (default 16)"));

    private ExampleNicParams() {
    }

    /** {@code rx_weight}, capped at {@link #MAX_WEIGHT}; below 1 means the default. */
    static int weight(DeviceContext ctx) {
        int w = Integer.parseInt(ctx.param(RX_WEIGHT));
        if (w > MAX_WEIGHT) {
            ctx.log("rx_weight " + w + " above " + MAX_WEIGHT + ", using " + MAX_WEIGHT);
            return MAX_WEIGHT;
        }
        if (w < 1) {
            ctx.log("rx_weight " + w + " invalid, using 16");
            return 16;
        }
        return w;
    }
}
