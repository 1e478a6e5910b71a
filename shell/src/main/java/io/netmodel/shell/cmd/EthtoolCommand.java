package io.netmodel.shell.cmd;

import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ethtool.EthtoolTool;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code netmodel ethtool}: ethtool 6.1's arguments, output, errors and exit codes on the model's
 * devices ({@link EthtoolTool}); {@code netmodel ethtool -h} lists the modes.
 */
@Command(name = "ethtool", description = "Query or control the model's network devices, like ethtool 6.1.",
    footer = {"", "Takes ethtool's arguments; 'netmodel ethtool -h' prints every mode.", "", "Examples:",
        "  netmodel ethtool -i eth0",
        "  netmodel ethtool -g eth0 && netmodel ethtool -G eth0 rx 1024",
        "  netmodel ethtool -C eth0 adaptive-rx off adaptive-tx off rx-usecs 0 tx-usecs 0",
        "  netmodel ethtool -T eth0"})
public final class EthtoolCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        EthtoolService svc = daemon.host().ethtool().orElseThrow(() ->
            new ToolError("netmodel ethtool: the kernel model offers no ethtool service", 1));
        return new EthtoolTool(svc).run(args, out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return new EthtoolTool(Offline.service(EthtoolService.class)).run(args, out, err);
    }
}
