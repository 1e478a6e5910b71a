package io.netmodel.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Which running model a command talks to: a mount point, and the private state directory
 * derived from it (control socket, pid, log, Felix cache). Several models can run at once on
 * different mount points; {@code --mount DIR}, else {@code $NETMODEL_MOUNT}, else the default
 * picks one.
 *
 * <p>Default mount point: {@code $XDG_RUNTIME_DIR/netmodel}, else {@code /run/netmodel} for
 * root, else {@code /tmp/netmodel-$USER}. State lives in a sibling {@code netmodel.d/<hash>/}
 * (mode 0700), never inside the mount; a clean stop removes it again unless the log has
 * something to say ({@link #removeLeftovers}, {@link #removeStateDirIfEmpty}).
 */
public record Instance(Path mountPoint, Path stateDir) {
    public static final String ENV_MOUNT = "NETMODEL_MOUNT";

    public static Instance resolve(Path mountOption) {
        Path mount = mountOption != null ? mountOption : envOrDefault();
        mount = mount.toAbsolutePath().normalize();
        return new Instance(mount, runtimeDir().resolve("netmodel.d").resolve(hash(mount.toString())));
    }

    private static Path envOrDefault() {
        String env = System.getenv(ENV_MOUNT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return defaultMountPoint();
    }

    /** The mount point used when neither {@code --mount} nor {@code $NETMODEL_MOUNT} names one. */
    public static Path defaultMountPoint() {
        return runtimeDir().resolve(isRoot() ? "netmodel" : "netmodel-" + System.getProperty("user.name"))
            .toAbsolutePath().normalize();
    }

    static Path runtimeDir() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg);
        }
        if (isRoot() && Files.isWritable(Path.of("/run"))) {
            return Path.of("/run");
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public Path socket() {
        return stateDir.resolve("ctl.sock");
    }

    public Path pidFile() {
        return stateDir.resolve("pid");
    }

    public Path logFile() {
        return stateDir.resolve("netmodel.log");
    }

    public Path felixCache() {
        return stateDir.resolve("felix-cache");
    }

    /** Creates the state directory, owner-only (0700), like a runtime directory. */
    public void createStateDir() throws IOException {
        Files.createDirectories(stateDir.getParent());
        if (!Files.isDirectory(stateDir)) {
            Files.createDirectory(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * At a clean stop, before the pid file goes: removes the Felix cache (rebuilt at every start)
     * and the log if it holds nothing. A log with something in it stays, for reading after the
     * fact.
     */
    public void removeLeftovers() throws IOException {
        Path cache = felixCache();
        if (Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> paths = Files.walk(cache)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (Files.isRegularFile(logFile()) && Files.size(logFile()) == 0) {
            Files.delete(logFile());
        }
    }

    /**
     * The last step of a clean stop: the state directory goes if nothing is left in it, so models
     * started on throw-away mount points (scripts, tests) leave nothing behind.
     */
    public void removeStateDirIfEmpty() throws IOException {
        try {
            Files.deleteIfExists(stateDir);
        } catch (DirectoryNotEmptyException e) {
            // the log, or the files of a model started since: keep them
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
