package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import io.netmodel.shell.bench.JsonWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmesg}: the model's kernel log (probe messages, module parameter warnings). */
@Command(name = "dmesg", mixinStandardHelpOptions = true, description = "Print the model's kernel log (driver probes, parameter warnings).",
    footer = {"", "Examples:", "  netmodel dmesg",
        "  netmodel rmmod e1000 && netmodel modprobe e1000 && netmodel dmesg | tail -3"})
public final class DmesgCommand extends ModelCommand {
    @Option(names = "--json", description = "The log as a JSON array of lines.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        if (json) {
            JsonWriter w = new JsonWriter().beginArray();
            for (String line : daemon.host().registry().dmesg()) {
                w.value(line);
            }
            out.print(w.endArray());
            return 0;
        }
        for (String line : daemon.host().registry().dmesg()) {
            out.println(line);
        }
        return 0;
    }
}
