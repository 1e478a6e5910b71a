package io.netmodel.api.driver;

/**
 * A module parameter ({@code module_param(name, type, perm)}), shown under
 * {@code /sys/module/<module>/parameters/} and settable with {@code modprobe NAME name=value}.
 *
 * @param name the parameter name
 * @param type the kernel's parameter type
 * @param defaultValue the value when not given, as the kernel prints it
 * @param mode the sysfs mode (0444 read-only, 0644 writable, 0 hidden)
 * @param description the {@code MODULE_PARM_DESC} text
 */
public record ModuleParam(String name, Type type, String defaultValue, int mode, String description) {
    /** The {@code param_ops_*} kinds the model supports. */
    public enum Type {
        INT, UINT, BOOL
    }
}
