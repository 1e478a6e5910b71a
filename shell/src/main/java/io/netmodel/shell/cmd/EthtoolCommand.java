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
    footer = {"", "Run 'netmodel ethtool -h' for the modes and examples."})
public final class EthtoolCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        EthtoolService svc = daemon.host().ethtool().orElseThrow(() ->
            new ToolError("netmodel ethtool: the kernel model offers no ethtool service", 1));
        return new EthtoolTool(svc).run(args, out, err);
    }
}
