package io.netmodel.fsmount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process behind a FUSE request holds {@code CAP_NET_ADMIN} in the initial user
 * namespace, as {@code ns_capable(net->user_ns, CAP_NET_ADMIN)} asks for the model's (initial)
 * network namespace in {@code net/core/net-sysfs.c}. Read from {@code /proc/<pid>/status}
 * ({@code CapEff}, {@code fs/proc/array.c} {@code render_cap_t}) and {@code /proc/<pid>/ns/user}
 * compared with ours: root in a child user namespace has the capability only there. The FUSE
 * context's pid is the calling thread's id, which {@code /proc} resolves too.
 */
final class CallerCapabilities {
    /** {@code include/uapi/linux/capability.h}. */
    static final int CAP_NET_ADMIN = 12;

    private CallerCapabilities() {
    }

    /**
     * {@code CAP_NET_ADMIN} of {@code pid} in our user namespace. When {@code /proc} cannot tell
     * (the process has gone), falls back to uid 0, the model's approximation.
     */
    static boolean netAdmin(int pid, int uid) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        try {
            String status = Files.readString(proc.resolve("status"));
            return hasCapability(status, CAP_NET_ADMIN) && sameUserNamespace(proc);
        } catch (IOException | RuntimeException e) {
            return uid == 0;
        }
    }

    /** Bit {@code cap} of the {@code CapEff:} line (16 hex digits) of a {@code /proc/<pid>/status} text. */
    static boolean hasCapability(String status, int cap) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                long mask = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                return (mask >>> cap & 1) != 0;
            }
        }
        throw new IllegalArgumentException("no CapEff line");
    }

    private static boolean sameUserNamespace(Path proc) throws IOException {
        return Files.readSymbolicLink(proc.resolve("ns/user")).equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")));
    }
}
