package io.netmodel.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The deploy directory ({@code bundles/}, like {@code /lib/modules/$(uname -r)}): a jar is a
 * module if its manifest says {@code Netmodel-Module: NAME}, whatever the file is called, so a
 * third-party jar dropped in works. Scanned on each lookup (like depmod, without the cache).
 */
public final class ModuleDir {
    static final String HEADER = "Netmodel-Module";
    private final Path dir;

    public ModuleDir(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** {@code modprobe} spells names with - or _; the kernel uses _. */
    public static String normalize(String name) {
        return name.replace('-', '_');
    }

    public Optional<Path> find(String name) throws IOException {
        return Optional.ofNullable(scan().get(normalize(name)));
    }

    /** Module name to jar, sorted by name. */
    public TreeMap<String, Path> scan() throws IOException {
        TreeMap<String, Path> modules = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return modules;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : jars) {
                String name = moduleName(jar);
                if (name != null) {
                    modules.put(normalize(name), jar);
                }
            }
        }
        return modules;
    }

    private static String moduleName(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            return m == null ? null : m.getMainAttributes().getValue(HEADER);
        } catch (IOException e) {
            return null; // not a jar we can read: not a module
        }
    }
}
