package io.netmodel.shell.cmd;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.bench.JsonWriter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lsmod}: the loaded modules in kmod's format. */
@Command(name = "lsmod", mixinStandardHelpOptions = true, description = "List loaded driver modules, like lsmod.",
    footer = {"", "Examples:", "  netmodel lsmod", "  netmodel lsmod --json | jq -r '.[].name'"})
public final class LsmodCommand extends ModelCommand {
    @Option(names = "--json", description = "One object per module: name, size, refcnt, state, parameters.")
    boolean json;

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        out.print(json ? json(daemon) : format(daemon));
        return 0;
    }

    static String json(Daemon daemon) {
        JsonWriter w = new JsonWriter().beginArray();
        for (ModuleInfo m : daemon.host().lsmod()) {
            w.beginObject().name("name").value(m.name()).name("size").value(m.size()).name("refcnt").value(m.refcnt())
                .name("state").value(m.state().name().toLowerCase(java.util.Locale.ROOT)).name("parameters").beginObject();
            for (var p : new java.util.TreeMap<>(m.params()).entrySet()) {
                w.name(p.getKey()).value(p.getValue());
            }
            w.endObject().endObject();
        }
        return w.endArray().toString();
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
