package io.netmodel.shell.cmd;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.shell.Daemon;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code lsmod}: the loaded modules in kmod's format. */
@Command(name = "lsmod", mixinStandardHelpOptions = true, description = "List loaded driver modules, like lsmod.",
    footer = {"", "Example:", "  netmodel lsmod"})
public final class LsmodCommand extends ModelCommand {
    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        out.print(format(daemon));
        return 0;
    }

    /** kmod's {@code lsmod}: {@code %-19s %8lu  %d} with holders after the count. */
    static String format(Daemon daemon) {
        StringBuilder sb = new StringBuilder("Module                  Size  Used by\n");
        for (ModuleInfo m : daemon.host().lsmod()) {
            sb.append(String.format("%-19s %8d  %d", m.name(), m.size(), m.refcnt())).append('\n');
        }
        return sb.toString();
    }
}
