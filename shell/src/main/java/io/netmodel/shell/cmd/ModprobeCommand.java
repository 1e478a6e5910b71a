package io.netmodel.shell.cmd;

import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modprobe MODULE [param=value...]}: installs and starts a driver bundle from the deploy directory. */
@Command(name = "modprobe", mixinStandardHelpOptions = true,
    description = "Load a driver bundle from the deploy directory (bundles/), like modprobe.",
    footer = {"", "Examples:", "  netmodel modprobe virtio_net", "  netmodel modprobe virtio_net napi_weight=32",
        "  netmodel modprobe -r virtio_net       (same as rmmod)"})
public final class ModprobeCommand extends ModelCommand {
    @Option(names = {"-r", "--remove"}, description = "Remove the module instead (like rmmod).")
    boolean remove;

    @Parameters(index = "0", paramLabel = "MODULE", completionCandidates = KnownNics.class, description = "Module name (- and _ are the same).")
    String module;

    @Parameters(index = "1..*", paramLabel = "PARAM=VALUE", description = "Module parameters.")
    List<String> params = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        if (remove) {
            daemon.host().rmmod(module);
            return 0;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            values.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? null : p.substring(eq + 1));
        }
        daemon.host().modprobe(module, values);
        return 0;
    }
}
