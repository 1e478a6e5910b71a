package io.netmodel.shell;

/** A failure the user sees as one line on stderr and an exit code, like the real tool's. */
public final class ToolError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public ToolError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
