package io.netmodel.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The class-data archive of the background model ({@code -XX:ArchiveClassesAtExit}): the JVM
 * writes it when the daemon exits, and every later start maps it. Only a daemon that became
 * ready may provide it. One that failed early (a mount point in use, a bad option) exits with
 * a few hundred classes loaded, and its small archive would have made every start after it
 * slower, until the next build. So each training daemon writes to a file of its own,
 * {@code <archive>.tmp-<id>}; the client that saw it ready leaves {@code <id>.ok} beside it; and
 * the next start adopts the first finished, approved one and deletes finished ones nobody
 * approved.
 */
final class CdsArchive {
    private static final String TMP = ".tmp-";
    private static final String OK = ".ok";

    private CdsArchive() {
    }

    /** JVM options for a daemon, and the file it trains (null when it uses the archive). */
    record Options(List<String> jvm, Path training) {
    }

    static Options forDaemon(String archive) {
        List<String> jvm = new ArrayList<>();
        if (archive == null) {
            return new Options(jvm, null);
        }
        Path cds = Path.of(archive);
        adopt(cds);
        if (Files.isReadable(cds)) {
            jvm.add("-XX:SharedArchiveFile=" + cds);
            return new Options(jvm, null);
        }
        Path training = cds.resolveSibling(cds.getFileName() + TMP + UUID.randomUUID());
        jvm.add("-XX:ArchiveClassesAtExit=" + training);
        return new Options(jvm, training);
    }

    /** The daemon training {@code training} became ready: its archive, once written, may be used. */
    static void approve(Path training) {
        if (training == null) {
            return;
        }
        try {
            Files.createFile(training.resolveSibling(training.getFileName() + OK));
        } catch (IOException e) {
            // Without the mark the archive is dropped: the next start trains again.
        }
    }

    /**
     * Makes the first approved, finished training archive {@code cds} (when there is none) and
     * deletes finished archives nobody approved. A daemon still running has written nothing yet
     * and keeps its mark.
     */
    static void adopt(Path cds) {
        Path dir = cds.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = cds.getFileName() + TMP;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(OK)) {
                    continue;
                }
                Path ok = f.resolveSibling(name + OK);
                if (Files.exists(ok) && Files.size(f) > 0 && !Files.exists(cds)) {
                    Files.move(f, cds, StandardCopyOption.ATOMIC_MOVE);
                    Files.deleteIfExists(ok);
                } else if (!Files.exists(ok) || Files.exists(cds)) {
                    Files.deleteIfExists(f);
                    Files.deleteIfExists(ok);
                }
            }
        } catch (IOException e) {
            // A start without an archive is only slower.
        }
    }
}
