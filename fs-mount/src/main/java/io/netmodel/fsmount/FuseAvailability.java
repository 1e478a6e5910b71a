package io.netmodel.fsmount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a FUSE mount cannot work here, if it cannot: no {@code /dev/fuse}, no libfuse2, no
 * {@code fusermount}. Checked before loading jnr-fuse so the answer is a sentence, not a
 * stack trace. {@code $NETMODEL_DEV_FUSE} names another device node (tests use it to see the
 * no-FUSE path).
 */
public final class FuseAvailability {
    private static final String INSTALL = "install them with: apt-get install -y fuse libfuse2";

    private FuseAvailability() {
    }

    /** Empty when a mount can be attempted; otherwise the reason, with what to do about it. */
    public static Optional<String> problem() {
        Path dev = Path.of(System.getenv().getOrDefault("NETMODEL_DEV_FUSE", "/dev/fuse"));
        if (!Files.exists(dev)) {
            return Optional.of(dev + " does not exist (no FUSE support in this kernel or container;"
                + " load it with 'modprobe fuse' or run the container with --device /dev/fuse)");
        }
        if (!libfuse2Present()) {
            return Optional.of("libfuse2 (libfuse.so.2) is not installed; " + INSTALL);
        }
        if (!onPath("fusermount")) {
            return Optional.of("fusermount is not installed; " + INSTALL);
        }
        return Optional.empty();
    }

    private static boolean libfuse2Present() {
        for (String dir : new String[] {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"}) {
            if (Files.exists(Path.of(dir, "libfuse.so.2"))) {
                return true;
            }
        }
        return false;
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/bin", program)) || Files.isExecutable(Path.of("/usr/bin", program));
    }
}
