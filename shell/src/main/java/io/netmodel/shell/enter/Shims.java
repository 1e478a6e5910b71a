package io.netmodel.shell.enter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;

/**
 * The commands {@code netmodel enter} puts first on PATH (and over {@code /usr/local/sbin},
 * first in sudo's {@code secure_path}): each runs the model's own command against this model.
 * A tool the model should own but this build has no command for refuses to run rather than
 * reach the real host ({@code ethtool -L eth0} on the host's NIC is exactly what must not happen).
 */
public final class Shims {
    /** Tools that act on the kernel: always shimmed, to the model's command or to a refusal. */
    static final List<String> OWNED = List.of("ethtool", "ynl", "chrt", "taskset", "sysctl", "ip", "modprobe",
        "rmmod", "lsmod", "insmod");
    /** Tools shimmed only when the model has them (the host's are harmless). */
    static final List<String> OPTIONAL = List.of("ps", "modinfo");
    /** What each shim runs when it differs from the tool's name. */
    private static String command(String tool) {
        return tool;
    }

    private Shims() {
    }

    /**
     * Writes the shims into {@code dir}: {@code exec LAUNCHER TOOL --mount MOUNT "$@"} for each
     * tool in {@code commands}; a refusal for the owned tools that are not.
     */
    public static void write(Path dir, Path launcher, Path mount, Collection<String> commands) throws IOException {
        Files.createDirectories(dir);
        for (String tool : OWNED) {
            write(dir.resolve(tool), commands.contains(command(tool))
                ? forward(launcher, mount, command(tool))
                : "#!/bin/sh\necho \"netmodel enter: this netmodel has no '" + tool + "' yet; refusing to run the host's "
                    + tool + " (it would change the real host)\" >&2\nexit 127\n");
        }
        for (String tool : OPTIONAL) {
            if (commands.contains(tool)) {
                write(dir.resolve(tool), forward(launcher, mount, tool));
            }
        }
    }

    static String forward(Path launcher, Path mount, String command) {
        return "#!/bin/sh\nexec " + quote(launcher.toString()) + " " + command + " --mount " + quote(mount.toString())
            + " \"$@\"\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Single-quoted for sh. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
