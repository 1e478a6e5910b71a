package io.netmodel.shell.cmd;

import io.netmodel.shell.Main;
import io.netmodel.shell.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code netmodel} command line run in-process as a client of an instance that is not
 * there ({@code --mount DIR/none}), so no running model can answer in its place: what a command
 * says with no model behind it.
 */
public final class OfflineCli {
    /** The exit code and what was printed on stdout and stderr. */
    public record Result(int code, String out, String err) {
    }

    private OfflineCli() {
    }

    /** Runs {@code words} (the command first) with {@code --mount} pointing below {@code dir}. */
    public static Result run(Path dir, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add(1, "--mount");
        args.add(2, dir.resolve("none").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), Session.CLIENT, new PrintWriter(out, true),
            new PrintWriter(err, true), c -> { });
        return new Result(code, out.toString(), err.toString());
    }
}
