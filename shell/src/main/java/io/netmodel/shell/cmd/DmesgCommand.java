package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code dmesg}: the model's kernel log (probe messages, module parameter warnings). */
@Command(name = "dmesg", mixinStandardHelpOptions = true, description = "Print the model's kernel log (driver probes, parameter warnings).",
    footer = {"", "Examples:", "  netmodel dmesg",
        "  netmodel rmmod e1000 && netmodel modprobe e1000 && netmodel dmesg | tail -3"})
public final class DmesgCommand extends ModelCommand {
    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        for (String line : daemon.host().registry().dmesg()) {
            out.println(line);
        }
        return 0;
    }
}
