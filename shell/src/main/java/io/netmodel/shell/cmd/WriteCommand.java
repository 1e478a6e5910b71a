package io.netmodel.shell.cmd;

import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.shell.Daemon;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code echo VALUE > PATH} through the model's file tree in-process (one write, like echo). */
@Command(name = "write", mixinStandardHelpOptions = true,
    description = "Write a value to a model file like 'echo VALUE > PATH', without FUSE.",
    footer = {"", "Example:", "  netmodel write /proc/sys/net/core/busy_read 50"})
public final class WriteCommand extends ModelCommand {
    @Option(names = "-n", description = "Do not append a newline (like echo -n).")
    boolean noNewline;

    @Parameters(index = "0", paramLabel = "PATH", description = "Absolute path inside the model.")
    String path;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "VALUE", description = "Words joined by spaces, as echo does.")
    List<String> words;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        byte[] data = (String.join(" ", words) + (noNewline ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
        try {
            OpenFile f = daemon.host().fs().open(path, true, Caller.ROOT);
            try {
                int done = 0;
                while (done < data.length) { // write(2) semantics: retry the rest at the new offset
                    byte[] rest = java.util.Arrays.copyOfRange(data, done, data.length);
                    int n = f.write(rest, done);
                    if (n <= 0) {
                        break;
                    }
                    done += n;
                }
            } finally {
                f.release();
            }
            return 0;
        } catch (VfsException e) {
            err.println("write: " + path + ": " + e.getMessage());
            return 1;
        }
    }
}
