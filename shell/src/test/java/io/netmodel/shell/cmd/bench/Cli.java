package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.shell.Main;
import io.netmodel.shell.Session;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code netmodel ARGS} in this JVM as Main does, bench commands on a given service. */
final class Cli {
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(BenchService service, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = Main.execute(args, Session.CLIENT, o, e, command -> {
            if (service != null && command instanceof BenchSubcommand b) {
                b.useService(service);
            }
        });
        o.flush();
        e.flush();
        return new Result(code, out.toString(), err.toString());
    }
}
