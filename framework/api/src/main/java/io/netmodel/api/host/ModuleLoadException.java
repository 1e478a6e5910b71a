package io.netmodel.api.host;

/** {@code init_module} failed: the errno modprobe reports and the kernel log lines explaining it. */
public class ModuleLoadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public ModuleLoadException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
