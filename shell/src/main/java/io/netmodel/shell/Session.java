package io.netmodel.shell;

/**
 * Where a command runs: inside the daemon that owns the model ({@link #daemon()} set), or in
 * a client process that forwards its command line to that daemon.
 */
public record Session(Daemon daemon) {
    public static final Session CLIENT = new Session(null);

    public boolean inDaemon() {
        return daemon != null;
    }
}
