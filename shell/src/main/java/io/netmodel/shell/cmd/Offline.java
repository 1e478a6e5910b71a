package io.netmodel.shell.cmd;

import java.lang.reflect.Proxy;

/**
 * A stand-in for a model service when no model is running: any use of it stops the command
 * with {@link NoModel}. A tool run on it answers what it answers before it looks at a device
 * (its help, its version, a usage error), as the real tool does on a host without the device.
 */
public final class Offline {
    private Offline() {
    }

    /** The command needed the model, and none is running. */
    public static final class NoModel extends Error {
        private static final long serialVersionUID = 1L;

        NoModel() {
            super(null, null, false, false);
        }
    }

    /** A {@code type} whose every method throws {@link NoModel}. */
    public static <T> T service(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            return switch (method.getName()) {
                case "toString" -> "offline " + type.getSimpleName();
                case "hashCode" -> System.identityHashCode(self);
                case "equals" -> self == args[0];
                default -> throw new NoModel();
            };
        });
        return type.cast(proxy);
    }
}
