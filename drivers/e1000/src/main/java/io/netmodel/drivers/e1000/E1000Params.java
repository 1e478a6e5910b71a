package io.netmodel.drivers.e1000;

import io.netmodel.api.driver.ModuleParam;
import java.util.List;

/**
 * e1000's {@code module_param}s: {@code debug} and {@code copybreak} in {@code e1000_main.c}, the
 * rest from {@code e1000_param.c}.
 *
 * <p>Every {@code e1000_param.c} parameter is {@code module_param_array_named(X, X, int, &num_X, 0)}:
 * an array of {@code E1000_MAX_NIC + 1} ints, one per board in probe order ({@code X=v0,v1}
 * configures boards 0 and 1), invisible in sysfs (perm 0); a board beyond {@code num_X} takes the
 * driver default. Only {@code copybreak} (0644) shows under {@code /sys/module/e1000/parameters/}.
 */
final class E1000Params {
    static final String TX_DESCRIPTORS = "TxDescriptors";
    static final String RX_DESCRIPTORS = "RxDescriptors";
    static final String INTERRUPT_THROTTLE_RATE = "InterruptThrottleRate";

    static final List<ModuleParam> ALL = List.of(
        board(TX_DESCRIPTORS, "Number of transmit descriptors"),
        board(RX_DESCRIPTORS, "Number of receive descriptors"),
        board("Speed", "Speed setting"),
        board("Duplex", "Duplex setting"),
        board("AutoNeg", "Advertised auto-negotiation setting"),
        board("FlowControl", "Flow Control setting"),
        board("XsumRX", "Disable or enable Receive Checksum offload"),
        board("TxIntDelay", "Transmit Interrupt Delay"),
        board("TxAbsIntDelay", "Transmit Absolute Interrupt Delay"),
        board("RxIntDelay", "Receive Interrupt Delay"),
        board("RxAbsIntDelay", "Receive Absolute Interrupt Delay"),
        board(INTERRUPT_THROTTLE_RATE, "Interrupt Throttling Rate"),
        board("SmartPowerDownEnable", "Enable PHY smart power down"),
        new ModuleParam("copybreak", ModuleParam.Type.UINT, Integer.toString(E1000Defaults.COPYBREAK_DEFAULT), 0644,
            "Maximum size of packet that is copied to a new buffer on receive"),
        new ModuleParam("debug", ModuleParam.Type.INT, "-1", 0, "Debug level (0=none,...,16=all)"));

    private E1000Params() {
    }

    /** {@code E1000_PARAM(X, desc)}: an int per board, hidden from sysfs, none given by default. */
    private static ModuleParam board(String name, String description) {
        return ModuleParam.intArray(name, E1000Options.E1000_MAX_NIC + 1, 0, description);
    }
}
