package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which {@code up} command lines start a background model, and which only print (and must run in the foreground). */
class DaemonLauncherTest {
    @Test
    void up_daemon_starts_a_child_unless_it_only_prints() {
        assertTrue(DaemonLauncher.wants(new String[] {"up", "--daemon", "--mount", "/tmp/x"}));
        assertTrue(DaemonLauncher.wants(new String[] {"up", "--daemon", "--host", "seed000"}));
        assertFalse(DaemonLauncher.wants(new String[] {"up", "--daemon", "--host", "list"}));
        assertFalse(DaemonLauncher.wants(new String[] {"up", "--host=list", "--daemon"}));
        assertFalse(DaemonLauncher.wants(new String[] {"up", "--daemon", "--help"}));
        assertFalse(DaemonLauncher.wants(new String[] {"up", "--mount", "/tmp/x"}));
        assertFalse(DaemonLauncher.wants(new String[] {"status", "--daemon"}));
    }
}
