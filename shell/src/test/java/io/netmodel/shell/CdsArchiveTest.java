package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a daemon that became ready provides the class-data archive every later start maps. */
class CdsArchiveTest {
    @TempDir
    Path lib;

    @Test
    void an_approved_finished_archive_is_adopted_and_a_failed_runs_is_dropped() throws Exception {
        Path cds = lib.resolve("netmodel.jsa");
        Path failed = CdsArchive.forDaemon(cds.toString()).training();
        CdsArchive.Options good = CdsArchive.forDaemon(cds.toString());
        Path running = CdsArchive.forDaemon(cds.toString()).training();
        CdsArchive.approve(good.training());
        CdsArchive.approve(running);
        Files.write(failed, new byte[] {1, 2});         // exited early: written, never approved
        Files.write(good.training(), new byte[] {7, 7, 7}); // ready, then stopped: written

        CdsArchive.Options next = CdsArchive.forDaemon(cds.toString());
        assertArrayEquals(new byte[] {7, 7, 7}, Files.readAllBytes(cds));
        assertEquals(List.of("-XX:SharedArchiveFile=" + cds), next.jvm());
        assertNull(next.training());
        assertFalse(Files.exists(failed), "the failed run's archive is gone");
        assertTrue(Files.exists(running.resolveSibling(running.getFileName() + ".ok")),
            "a daemon still running keeps its mark");
    }

    @Test
    void without_an_archive_the_daemon_trains_one_of_its_own() {
        CdsArchive.Options o = CdsArchive.forDaemon(lib.resolve("netmodel.jsa").toString());
        assertTrue(o.training().getFileName().toString().startsWith("netmodel.jsa.tmp-"), o.toString());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + o.training()), o.jvm());
        assertTrue(CdsArchive.forDaemon(null).jvm().isEmpty());
    }
}
