package io.netmodel.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary directories and files for tests that outlive a test method (a Felix cache in use
 * until the framework stops, a model's mount point), removed when the test JVM exits, so a
 * build leaves nothing in /tmp.
 */
public final class TestDirs {
    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestDirs::delete), "test-dirs-cleanup"));
    }

    private TestDirs() {
    }

    /** A new directory named {@code prefix...}, gone at exit. */
    public static Path dir(String prefix) throws IOException {
        Path p = Files.createTempDirectory(prefix);
        MADE.add(p);
        return p;
    }

    /** A Felix cache ({@code org.osgi.framework.storage}) for a test's {@code ModelHost}. */
    public static Path felixCache() throws IOException {
        return dir("felix-cache");
    }

    /** A new file named {@code prefix...suffix}, gone at exit. */
    public static Path file(String prefix, String suffix) throws IOException {
        Path p = Files.createTempFile(prefix, suffix);
        MADE.add(p);
        return p;
    }

    private static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort at exit: a mount still busy stays
        }
    }
}
