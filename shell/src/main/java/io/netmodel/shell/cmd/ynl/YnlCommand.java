package io.netmodel.shell.cmd.ynl;

import io.netmodel.api.netlink.NetdevFamily;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import io.netmodel.shell.cmd.Offline;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code netmodel ynl ARGS}: ynl's {@code cli.py} on the model's {@code netdev} family. Every
 * argument but {@code --mount} is ynl's, parsed as its argparse parser does ({@link Ynl}).
 */
@Command(name = "ynl", description = {"The netdev generic netlink family, like ynl (tools/net/ynl/pyynl/cli.py).",
    "Takes ynl's arguments; --help prints ynl's help."},
    footer = {"", "Examples:",
        "  netmodel ynl --family netdev --dump napi-get",
        "  netmodel ynl --family netdev --dump qstats-get --json '{\"scope\": \"queue\"}'",
        "  netmodel ynl --family netdev --output-json --do queue-get \\",
        "      --json '{\"ifindex\": 2, \"id\": 0, \"type\": \"rx\"}'",
        "  netmodel ynl --family netdev --do napi-set \\",
        "      --json '{\"id\": 257, \"threaded\": \"busy-poll\"}'"})
public final class YnlCommand extends ModelCommand {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        var family = daemon.host().netdevFamily()
            .orElseThrow(() -> new ToolError("ynl: the kernel model offers no netdev family", 1));
        return new Ynl(family).run(args, out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return new Ynl(Offline.service(NetdevFamily.class)).run(args, out, err);
    }
}
