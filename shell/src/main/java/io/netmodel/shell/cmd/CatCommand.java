package io.netmodel.shell.cmd;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.shell.Daemon;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cat} through the model's file tree in-process: works with or without a FUSE mount,
 * with the same bytes and errors.
 */
@Command(name = "cat", mixinStandardHelpOptions = true,
    description = "Print model files (paths inside the mount, e.g. /sys/class/net/eth0/mtu), without FUSE.",
    footer = {"", "Example:", "  netmodel cat /sys/class/net/eth0/mtu /proc/sys/net/core/busy_read"})
public final class CatCommand extends ModelCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Absolute paths inside the model.")
    List<String> paths;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        int code = 0;
        for (String path : paths) {
            try {
                out.print(read(daemon, path));
            } catch (VfsException e) {
                err.println("cat: " + path + ": " + e.getMessage());
                code = 1;
            }
        }
        out.flush();
        return code;
    }

    /** Reads the whole file the way {@code cat} does: from offset 0 until an empty read. */
    static String read(Daemon daemon, String path) throws VfsException {
        OpenFile f = daemon.host().fs().open(path, false, Caller.ROOT);
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                byte[] chunk = f.read(buf.size(), 131072);
                if (chunk.length == 0) {
                    return buf.toString(StandardCharsets.UTF_8);
                }
                buf.writeBytes(chunk);
            }
        } finally {
            f.release();
        }
    }
}
