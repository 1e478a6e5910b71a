package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rmmod MODULE...}: stops and uninstalls driver bundles; their devices vanish. */
@Command(name = "rmmod", mixinStandardHelpOptions = true,
    description = "Unload driver modules, like rmmod: their netdevs, NAPIs and IRQs go away.",
    footer = {"", "A module in use (a live benchmark holds it: refcnt, lsmod's \"Used by\") is",
        "refused unless -f is given.", "", "Example:", "  netmodel rmmod virtio_net"})
public final class RmmodCommand extends ModelCommand {
    @Option(names = {"-f", "--force"}, description = "Unload even if the module is in use (refcnt > 0).")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Module names.")
    List<String> modules;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        int code = 0;
        for (String m : modules) {
            try {
                daemon.host().rmmod(m, force);
            } catch (ToolError e) {
                err.println(e.getMessage());
                code = e.exitCode();
            }
        }
        return code;
    }
}
