package io.netmodel.shell.cmd;

import io.netmodel.shell.Session;

/** A command that needs to know where it runs (client or daemon) and the whole command line. */
public interface SessionAware {
    void attach(Session session, String[] argv);
}
