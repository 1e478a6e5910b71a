package io.netmodel.shell.sysctl;

import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.ToolError;
import io.netmodel.shell.cmd.ModelCommand;
import io.netmodel.shell.cmd.Offline;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sysctl} (procps-ng 4.0.2) over the model's {@code /proc/sys}: read, {@code -w}, {@code -a},
 * {@code -n}, {@code -N}, {@code -e}, {@code -q}, {@code -b}, {@code -r}, {@code -p FILE},
 * {@code --dry-run}, and {@code --json} (an object of key to value). {@code --system} is refused:
 * it would load the real host's whole configuration into the model.
 */
@Command(name = "sysctl", description = "procps sysctl on the model's /proc/sys (net.core, kernel.timer_migration, ...).",
    footer = {"", "Examples:", "  netmodel sysctl net.core.busy_poll", "  netmodel sysctl -w net.core.busy_poll=50",
        "  netmodel sysctl -a", "  netmodel sysctl -p tuning.conf", "  netmodel sysctl --json net.core.busy_read net.core.busy_poll",
        "", "Arguments are sysctl's own: [options] [variable[=value] ...]; -h lists them."})
public final class SysctlCommand extends ModelCommand {
    @Parameters(arity = "0..*", paramLabel = "ARG", description = "sysctl's own arguments.")
    List<String> args = new ArrayList<>();

    @Override
    protected List<String> argvForDaemon(List<String> argv) {
        List<String> out = new ArrayList<>(argv);
        boolean files = false;
        for (int i = 1; i < out.size(); i++) {
            String a = out.get(i);
            if (a.equals("--mount")) {
                i++; // its value is a directory of this client, handled before forwarding
            } else if (a.startsWith("--load=")) {
                files = true;
                out.set(i, "--load=" + absolute(a.substring(7)));
            } else if (isLoadOption(a)) {
                files = true;
                if (a.length() > 2 && !a.startsWith("--")) {
                    int p = Math.max(a.indexOf('p'), a.indexOf('f'));
                    if (p + 1 < a.length()) {
                        out.set(i, a.substring(0, p + 1) + absolute(a.substring(p + 1)));
                    }
                }
            } else if (files && !a.startsWith("-")) {
                out.set(i, absolute(a));
            }
        }
        return out;
    }

    /** {@code -p}, {@code -f}, {@code --load}, or a cluster of short options containing p or f ({@code -qp}, {@code -pFILE}). */
    private static boolean isLoadOption(String a) {
        if (a.equals("--load")) {
            return true;
        }
        if (!a.startsWith("-") || a.startsWith("--") || a.length() < 2) {
            return false;
        }
        for (int c = 1; c < a.length(); c++) {
            char ch = a.charAt(c);
            if (ch == 'p' || ch == 'f') {
                return true;
            }
            if (ch == 'r') {
                return false; // the rest is the pattern
            }
        }
        return false;
    }

    private static String absolute(String p) {
        return Path.of(p).toAbsolutePath().normalize().toString();
    }

    @Override
    protected int run(Daemon daemon, PrintWriter out, PrintWriter err) throws ToolError {
        return sysctl(daemon.host().fs(), out, err);
    }

    @Override
    protected int runWithoutModel(PrintWriter out, PrintWriter err) throws ToolError {
        return sysctl(Offline.service(VirtualFs.class), out, err);
    }

    private int sysctl(VirtualFs fs, PrintWriter out, PrintWriter err) throws ToolError {
        if (args.isEmpty()) {
            usage(err); // procps 4.0.2: "if (argc < 2) Usage(stderr)"
            return 1;
        }
        Sysctl.Options o = parse(args, out, err);
        if (o == null) {
            return lastExit;
        }
        Sysctl s = new Sysctl(fs, o);
        int rc = s.run(path -> Files.readString(Path.of(path), StandardCharsets.UTF_8));
        out.print(s.out());
        err.print(s.err());
        out.flush();
        err.flush();
        return rc;
    }

    private int lastExit;

    /** procps' getopt loop ({@code "bneNwfp::qoxaAXr:hdV"} and the long options); null when it has answered already. */
    Sysctl.Options parse(List<String> argv, PrintWriter out, PrintWriter err) throws ToolError {
        Sysctl.Options o = new Sysctl.Options();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                switch (name) {
                    case "all" -> o.all = true;
                    case "binary" -> o.binary = true;
                    case "ignore" -> o.ignore = true;
                    case "names" -> o.namesOnly = true;
                    case "values" -> o.valuesOnly = true;
                    case "quiet" -> o.quiet = true;
                    case "write" -> o.write = true;
                    case "dry-run" -> o.dryRun = true;
                    case "deprecated" -> { }
                    case "json" -> o.json = true;
                    case "load" -> {
                        o.load = true;
                        if (value != null) {
                            o.files.add(value);
                        }
                    }
                    case "pattern" -> o.pattern = pattern(value != null ? value : argAt(argv, ++i, "pattern"));
                    case "help" -> {
                        usage(out);
                        lastExit = 0;
                        return null;
                    }
                    case "version" -> {
                        out.println("sysctl from procps-ng 4.0.2 (netmodel)");
                        out.flush();
                        lastExit = 0;
                        return null;
                    }
                    case "system" -> throw new ToolError("netmodel sysctl: --system would load the real host's "
                        + "configuration into the model; use -p FILE", 1);
                    default -> {
                        err.println("sysctl: unrecognized option '" + a + "'");
                        usage(err);
                        lastExit = 1;
                        return null;
                    }
                }
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                for (int c = 1; c < a.length(); c++) {
                    char ch = a.charAt(c);
                    switch (ch) {
                        case 'a', 'A', 'X' -> o.all = true;
                        case 'b' -> o.binary = true;
                        case 'e' -> o.ignore = true;
                        case 'N' -> o.namesOnly = true;
                        case 'n' -> o.valuesOnly = true;
                        case 'q' -> o.quiet = true;
                        case 'w' -> o.write = true;
                        case 'o', 'x' -> { }
                        case 'p', 'f' -> {
                            o.load = true;
                            if (c + 1 < a.length()) {
                                o.files.add(a.substring(c + 1));
                                c = a.length();
                            }
                        }
                        case 'r' -> {
                            String p = c + 1 < a.length() ? a.substring(c + 1) : argAt(argv, ++i, "r");
                            o.pattern = pattern(p);
                            c = a.length();
                        }
                        case 'h', 'd' -> {
                            usage(out);
                            lastExit = 0;
                            return null;
                        }
                        case 'V' -> {
                            out.println("sysctl from procps-ng 4.0.2 (netmodel)");
                            out.flush();
                            lastExit = 0;
                            return null;
                        }
                        default -> {
                            err.println("sysctl: invalid option -- '" + ch + "'");
                            usage(err);
                            lastExit = 1;
                            return null;
                        }
                    }
                }
                continue;
            }
            if (o.load) {
                o.files.add(a); // procps: with -p the remaining arguments are files
            } else {
                o.keys.add(a);
            }
        }
        return o;
    }

    private static String argAt(List<String> argv, int i, String opt) throws ToolError {
        if (i >= argv.size()) {
            throw new ToolError("sysctl: option requires an argument -- '" + opt + "'", 1);
        }
        return argv.get(i);
    }

    private static Pattern pattern(String p) throws ToolError {
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new ToolError("sysctl: invalid regex: " + p, 1);
        }
    }

    private static void usage(PrintWriter w) {
        w.println();
        w.println("Usage:");
        w.println(" sysctl [options] [variable[=value] ...]");
        w.println();
        w.println("Options:");
        w.println("  -a, --all            display all variables");
        w.println("  -A                   alias of -a");
        w.println("  -X                   alias of -a");
        w.println("      --deprecated     include deprecated parameters to listing");
        w.println("      --dry-run        Print the key and values but do not write");
        w.println("  -b, --binary         print value without new line");
        w.println("  -e, --ignore         ignore unknown variables errors");
        w.println("  -N, --names          print variable names without values");
        w.println("  -n, --values         print only values of the given variable(s)");
        w.println("  -p, --load[=<file>]  read values from file");
        w.println("  -f                   alias of -p");
        w.println("  -r, --pattern <expression>");
        w.println("                       select setting that match expression");
        w.println("  -q, --quiet          do not echo variable set");
        w.println("  -w, --write          enable writing a value to variable");
        w.println("  -o                   does nothing");
        w.println("  -x                   does nothing");
        w.println("  -d                   alias of -h");
        w.println("      --json           (netmodel) print the keys read or set as one JSON object");
        w.println();
        w.println(" -h, --help     display this help and exit");
        w.println(" -V, --version  output version information and exit");
        w.println();
        w.println("For more details see sysctl(8).");
        w.flush();
    }
}
