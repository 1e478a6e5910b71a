package io.netmodel.shell.enter;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code sh} script {@code enter} runs as the first process of the new mount namespace: the
 * bind mounts (any failure stops it before CMD runs), {@code /proc/net}, the shims over
 * {@code /usr/local/sbin}, the environment, then {@code exec} of CMD or of an interactive shell.
 */
final class EnterScript {
    /**
     * {@code open_tree(AT_FDCWD, link, OPEN_TREE_CLONE | AT_SYMLINK_NOFOLLOW)} then
     * {@code move_mount(fd, "", AT_FDCWD, "/proc/net", MOVE_MOUNT_F_EMPTY_PATH)}: syscalls 428 and
     * 429 on every architecture (the unified numbering of syscalls added after 5.0).
     */
    static final String MOUNT_SYMLINK_PERL = "my ($s, $d) = @ARGV; my $e = \"\";"
        + " my $fd = syscall(428, -100, $s, 0x101); die \"open_tree $s: $!\\n\" if $fd < 0;"
        + " syscall(429, $fd, $e, -100, $d, 4) == 0 or die \"move_mount $d: $!\\n\";";

    private EnterScript() {
    }

    static String render(List<EnterPlan.Bind> binds, Path procNetLink, Path shims, Path mount, Path cwd, boolean perl) {
        StringBuilder sb = new StringBuilder("#!/bin/sh\n# netmodel enter: runs inside the private mount namespace\nset -e\n");
        for (EnterPlan.Bind b : binds) {
            sb.append("mount --bind ").append(Shims.quote(b.source())).append(' ').append(Shims.quote(b.target())).append('\n');
        }
        if (perl) {
            sb.append("perl -e ").append(Shims.quote(MOUNT_SYMLINK_PERL)).append(' ')
                .append(Shims.quote(procNetLink.toString())).append(" /proc/net\n");
        } else {
            sb.append("echo 'netmodel enter: perl is missing: /proc/net/dev, netstat, snmp and softnet_stat stay the host'\"'\"'s' >&2\n");
        }
        sb.append("if [ -d /usr/local/sbin ]; then mount --bind ").append(Shims.quote(shims.toString()))
            .append(" /usr/local/sbin; fi\n");
        sb.append("set +e\n");
        sb.append("PATH=").append(Shims.quote(shims.toString())).append(":$PATH\n");
        sb.append("NETMODEL_MOUNT=").append(Shims.quote(mount.toString())).append("\n");
        sb.append("NETMODEL_ENTER=1\nexport PATH NETMODEL_MOUNT NETMODEL_ENTER\n");
        sb.append("cd ").append(Shims.quote(cwd.toString())).append(" 2>/dev/null || cd /\n");
        sb.append("if [ $# -eq 0 ]; then exec \"${SHELL:-/bin/sh}\" -i; fi\n");
        sb.append("exec \"$@\"\n");
        return sb.toString();
    }
}
