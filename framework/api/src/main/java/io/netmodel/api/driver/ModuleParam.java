package io.netmodel.api.driver;

/**
 * A module parameter ({@code module_param(name, type, perm)}), shown under
 * {@code /sys/module/<module>/parameters/} and settable with {@code modprobe NAME name=value}.
 *
 * @param name the parameter name
 * @param type the kernel's parameter type
 * @param defaultValue the value when not given, as the kernel prints it (for an array, its
 *     elements joined by commas; empty for none given)
 * @param mode the sysfs mode (0444 read-only, 0644 writable, 0 hidden)
 * @param description the {@code MODULE_PARM_DESC} text
 * @param arrayLength for {@link Type#INT_ARRAY}, the array's size ({@code ARRAY_SIZE}): the most
 *     elements a value may give; 0 for the other types
 * @since 1.5 ({@code arrayLength})
 */
public record ModuleParam(String name, Type type, String defaultValue, int mode, String description, int arrayLength) {
    /** The {@code param_ops_*} kinds the model supports. */
    public enum Type {
        INT, UINT, BOOL,
        /**
         * {@code module_param_array(name, int, &num, perm)}: a comma-separated list of ints
         * ({@code param_array_ops}), {@code num} of them given, at most {@code arrayLength}.
         *
         * @since 1.5
         */
        INT_ARRAY
    }

    public ModuleParam {
        if ((type == Type.INT_ARRAY) != (arrayLength > 0)) {
            throw new IllegalArgumentException(name + ": an array parameter needs a length, a scalar none");
        }
    }

    /** A scalar parameter. */
    public ModuleParam(String name, Type type, String defaultValue, int mode, String description) {
        this(name, type, defaultValue, mode, description, 0);
    }

    /**
     * {@code module_param_array(name, int, &num, perm)} over an array of {@code length} ints,
     * none given by default.
     *
     * @since 1.5
     */
    public static ModuleParam intArray(String name, int length, int mode, String description) {
        return new ModuleParam(name, Type.INT_ARRAY, "", mode, description, length);
    }
}
