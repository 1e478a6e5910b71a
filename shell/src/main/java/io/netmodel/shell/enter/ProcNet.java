package io.netmodel.shell.enter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code /proc/net} is a symlink to {@code self/net}, resolved per process, so no bind mount of a
 * file below it reaches a child. Instead, {@code enter} mounts a symlink over the symlink (the new
 * mount API, {@code open_tree} + {@code move_mount}, which does not follow the target) pointing at
 * a directory staged here: {@code dev}, {@code netstat}, {@code snmp} and {@code softnet_stat} link to the
 * model's files, every other entry to {@code /proc/self/net/<name>}, which stays the calling
 * process's own.
 */
final class ProcNet {
    /** The files the model serves under {@code proc/net}. */
    static final String[] MODEL = {"dev", "netstat", "snmp", "softnet_stat"};

    private ProcNet() {
    }

    /** Stages the directory and returns the symlink to mount over {@code /proc/net}. */
    static Path stage(Path work, Path mount) throws IOException {
        Path dir = Files.createDirectories(work.resolve("proc-net"));
        try (Stream<Path> s = Files.list(Path.of("/proc/self/net"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!isModel(name)) {
                    Files.createSymbolicLink(dir.resolve(name), Path.of("/proc/self/net", name));
                }
            }
        }
        for (String name : MODEL) {
            Files.createSymbolicLink(dir.resolve(name), mount.resolve("proc/net").resolve(name));
        }
        Path link = work.resolve("proc-net.link");
        Files.createSymbolicLink(link, dir);
        return link;
    }

    private static boolean isModel(String name) {
        for (String m : MODEL) {
            if (m.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
