package io.netmodel.shell.cmd;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModuleDir;
import io.netmodel.shell.modinfo.Modinfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modinfo MODULE...}: a driver bundle's {@code .modinfo}, as kmod 30 prints it, read from
 * the deploy directory without loading the module. With a model running, its kernel release
 * chooses the parameters; without one, 6.19 or {@code -k}.
 */
@Command(name = "modinfo", mixinStandardHelpOptions = true,
    description = {"Show a driver module's information (license, description, author, PCI aliases,",
        "vermagic, parameters with their descriptions and types), like kmod's modinfo. Reads the",
        "bundle in the deploy directory (bundles/) without loading it; works with no model running."},
    footer = {"", "Examples:", "  netmodel modinfo ixgbe", "  netmodel modinfo -p e1000              parameters only",
        "  netmodel modinfo -F alias igb          one field's values", "  netmodel modinfo -k 4.4 e1000          as on a 4.4 kernel",
        "", "Not offered: -b (the deploy directory is $NETMODEL_BUNDLES, else",
        "<netmodel home>/bundles). A module's aliases are its id table: virtio_net and",
        "mlx4_en list the PCI ids they bind (in Linux virtio-pci and mlx4_core bind",
        "them)."})
public final class ModinfoCommand extends ModelCommand {
    /**
     * The one field to print: each of -a, -d, -l, -p, -n and -F sets it, and the last on the
     * line wins, as kmod's getopt loop does ({@code modinfo -a -l} prints the license).
     */
    private String field;

    @Option(names = {"-a", "--author"}, description = "Print only 'author'.")
    void author(boolean on) {
        field = "author";
    }

    @Option(names = {"-d", "--description"}, description = "Print only 'description'.")
    void description(boolean on) {
        field = "description";
    }

    @Option(names = {"-l", "--license"}, description = "Print only 'license'.")
    void license(boolean on) {
        field = "license";
    }

    @Option(names = {"-p", "--parameters"}, description = "Print only 'parm'.")
    void parameters(boolean on) {
        field = "parm";
    }

    @Option(names = {"-n", "--filename"}, description = "Print only 'filename'.")
    void filename(boolean on) {
        field = "filename";
    }

    @Option(names = {"-F", "--field"}, paramLabel = "FIELD", description = "Print only the values of FIELD.")
    void field(String name) {
        field = name;
    }

    @Option(names = {"-0", "--null"}, description = "End each value with a NUL, not a newline.")
    boolean nul;

    @Option(names = {"-k", "--set-version"}, paramLabel = "VERSION",
        description = "The kernel release whose modules to read (default: the running model's, else 6.19).")
    String kernel;

    @Parameters(paramLabel = "MODULE", arity = "0..*", completionCandidates = KnownNics.class,
        description = "Module names (- and _ are the same) or bundle jar paths.")
    List<String> modules = new ArrayList<>();

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) {
        return modinfo(new ModuleDir(daemon.host().bundlesDir()), daemon.host().profile().version(), out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) {
        return modinfo(new ModuleDir(Layout.fromEnvironment().bundlesDir()), KernelVersion.NEWEST_MODELLED, out, err);
    }

    private int modinfo(ModuleDir dir, KernelVersion running, PrintWriter out, PrintWriter err) {
        return new Modinfo(dir, kernel == null ? running : release(kernel), new Modinfo.Options(field(), nul ? '\0' : '\n'))
            .run(modules, out, err);
    }

    /** {@code -k}: a release the model does not cover (or not a release) has no modules, like a missing /lib/modules/VERSION. */
    private static KernelVersion release(String text) {
        try {
            return KernelVersion.parse(text);
        } catch (IllegalArgumentException e) {
            return new KernelVersion(2, 0);
        }
    }

    private String field() {
        return field;
    }

    /** Jar paths are the caller's: the daemon runs elsewhere. */
    @Override
    protected List<String> argvForDaemon(List<String> argv) {
        List<String> out = new ArrayList<>(argv);
        for (int i = 1; i < out.size(); i++) {
            String a = out.get(i);
            if (modules.contains(a) && (a.contains("/") || a.endsWith(".jar"))) {
                out.set(i, Path.of(a).toAbsolutePath().toString());
            }
        }
        return out;
    }
}
