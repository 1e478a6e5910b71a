package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a clean stop leaves in the state directory: nothing, unless the log has something in it. */
class InstanceLeftoversTest {
    @TempDir
    Path tmp;

    private Instance instanceWithState(String log) throws Exception {
        Instance inst = new Instance(tmp.resolve("mnt"), tmp.resolve("netmodel.d/0123456789abcdef"));
        inst.createStateDir();
        Files.createDirectories(inst.felixCache().resolve("bundle1/version0.0"));
        Files.writeString(inst.felixCache().resolve("bundle1/version0.0/bundle.jar"), "jar");
        Files.writeString(inst.logFile(), log);
        return inst;
    }

    @Test
    void a_quiet_model_leaves_no_state_directory() throws Exception {
        Instance inst = instanceWithState("");
        inst.removeLeftovers();
        inst.removeStateDirIfEmpty();
        assertFalse(Files.exists(inst.stateDir()));
    }

    @Test
    void a_log_with_something_in_it_stays_and_the_cache_goes() throws Exception {
        Instance inst = instanceWithState("netmodel: mount unavailable: ...\n");
        inst.removeLeftovers();
        inst.removeStateDirIfEmpty();
        assertTrue(Files.exists(inst.logFile()));
        assertFalse(Files.exists(inst.felixCache()));
    }

    @Test
    void the_directory_stays_while_the_pid_file_is_there() throws Exception {
        Instance inst = instanceWithState("");
        Files.writeString(inst.pidFile(), "42\n");
        inst.removeLeftovers();
        inst.removeStateDirIfEmpty();
        assertTrue(Files.exists(inst.pidFile()));
        assertFalse(Files.exists(inst.felixCache()));
        assertFalse(Files.exists(inst.logFile()));
    }
}
