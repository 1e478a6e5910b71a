package io.netmodel.shell.cmd.ynl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ynl's command line as its {@code argparse} parser reads it ({@code tools/net/ynl/pyynl/cli.py},
 * 6.17): the options, {@code --opt=value}, unique prefixes, the two mutually exclusive groups
 * (one of {@code --family}/{@code --list-families}/{@code --spec} required; at most one of
 * {@code --do}/{@code --multi}/{@code --dump}/{@code --list-ops}/{@code --list-msgs}), and
 * argparse's error messages. Unlike the real parser, {@code --multi} is refused later: the
 * model does not batch requests.
 */
final class YnlArgs {
    /** An argparse error: usage and {@code ynl: error: MSG} on stderr, exit 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String msg) {
            super(msg, null, false, false);
        }
    }

    /** The usage argparse prints (80 columns), checked against CPython 3.11's argparse. */
    static final String USAGE = String.join("\n",
        "usage: ynl [-h] (--family FAMILY | --list-families | --spec SPEC)",
        "           [--schema SCHEMA] [--no-schema] [--json JSON_TEXT]",
        "           [--do DO-OPERATION | --multi DO-OPERATION JSON_TEXT | --dump DUMP-OPERATION | --list-ops | --list-msgs]",
        "           [--duration DURATION] [--sleep DURATION] [--subscribe NTF]",
        "           [--replace] [--excl] [--create] [--append]",
        "           [--process-unknown | --no-process-unknown] [--output-json]",
        "           [--dbg-small-recv [DBG_SMALL_RECV]]") + "\n";

    /** Option → number of values (-1: optional value). In the parser's order. */
    private static final Map<String, Integer> OPTIONS = new LinkedHashMap<>();

    static {
        for (String o : new String[] {"-h", "--help", "--list-families", "--no-schema", "--list-ops", "--list-msgs",
            "--replace", "--excl", "--create", "--append", "--process-unknown", "--no-process-unknown", "--output-json"}) {
            OPTIONS.put(o, 0);
        }
        for (String o : new String[] {"--family", "--spec", "--schema", "--json", "--do", "--dump", "--duration",
            "--sleep", "--subscribe"}) {
            OPTIONS.put(o, 1);
        }
        OPTIONS.put("--multi", 2);
        OPTIONS.put("--dbg-small-recv", -1);
    }

    private static final List<String> SPEC_GROUP = List.of("--family", "--list-families", "--spec");
    private static final List<String> OPS_GROUP = List.of("--do", "--multi", "--dump", "--list-ops", "--list-msgs");

    boolean help;
    String family;
    String spec;
    boolean listFamilies;
    String jsonText;
    String doOp;
    String dumpOp;
    boolean listOps;
    boolean listMsgs;
    boolean multi;
    String subscribe;
    boolean outputJson;

    static YnlArgs parse(List<String> argv) throws UsageError {
        YnlArgs a = new YnlArgs();
        List<String> unrecognized = new ArrayList<>();
        String specSeen = null;
        String opsSeen = null;
        for (int i = 0; i < argv.size(); i++) {
            String tok = argv.get(i);
            if (!tok.startsWith("-") || tok.equals("-") || tok.equals("--")) {
                if (tok.equals("--")) {
                    unrecognized.addAll(argv.subList(i + 1, argv.size()));
                    break;
                }
                unrecognized.add(tok);
                continue;
            }
            String name = tok;
            String inline = null;
            int eq = tok.indexOf('=');
            if (tok.startsWith("--") && eq > 0) {
                name = tok.substring(0, eq);
                inline = tok.substring(eq + 1);
            }
            String opt = resolve(name);
            if (opt == null) {
                unrecognized.add(tok);
                continue;
            }
            int nargs = OPTIONS.get(opt);
            List<String> values = new ArrayList<>();
            if (inline != null) {
                if (nargs == 0) {
                    throw new UsageError("argument " + display(opt) + ": ignored explicit argument '" + inline + "'");
                }
                values.add(inline);
            } else {
                int want = nargs < 0 ? 1 : nargs;
                while (values.size() < want && i + 1 < argv.size() && !looksLikeOption(argv.get(i + 1))) {
                    values.add(argv.get(++i));
                }
                if (nargs > 0 && values.size() < nargs) {
                    throw new UsageError("argument " + display(opt) + ": expected " + (nargs == 1 ? "one argument"
                        : nargs + " arguments"));
                }
            }
            if (SPEC_GROUP.contains(opt)) {
                if (specSeen != null && !specSeen.equals(opt)) {
                    throw new UsageError("argument " + display(opt) + ": not allowed with argument " + display(specSeen));
                }
                specSeen = opt;
            }
            if (OPS_GROUP.contains(opt)) {
                if (opsSeen != null && !opsSeen.equals(opt)) {
                    throw new UsageError("argument " + display(opt) + ": not allowed with argument " + display(opsSeen));
                }
                opsSeen = opt;
            }
            a.apply(opt, values);
            if (a.help) {
                return a;
            }
        }
        if (specSeen == null) {
            throw new UsageError("one of the arguments --family --list-families --spec is required");
        }
        if (!unrecognized.isEmpty()) {
            throw new UsageError("unrecognized arguments: " + String.join(" ", unrecognized));
        }
        return a;
    }

    private void apply(String opt, List<String> v) throws UsageError {
        switch (opt) {
            case "-h", "--help" -> help = true;
            case "--family" -> family = v.get(0);
            case "--spec" -> spec = v.get(0);
            case "--list-families" -> listFamilies = true;
            case "--json" -> jsonText = v.get(0);
            case "--do" -> doOp = v.get(0);
            case "--dump" -> dumpOp = v.get(0);
            case "--list-ops" -> listOps = true;
            case "--list-msgs" -> listMsgs = true;
            case "--multi" -> multi = true;
            case "--subscribe" -> subscribe = v.get(0);
            case "--output-json" -> outputJson = true;
            case "--duration", "--sleep" -> {
                if (!v.get(0).trim().matches("[+-]?[0-9]+(_[0-9]+)*")) {
                    throw new UsageError("argument " + opt + ": invalid int value: " + PyFormat.reprStr(v.get(0)));
                }
            }
            case "--dbg-small-recv" -> {
                if (!v.isEmpty() && !v.get(0).trim().matches("[+-]?[0-9]+(_[0-9]+)*")) {
                    throw new UsageError("argument --dbg-small-recv: invalid int value: " + PyFormat.reprStr(v.get(0)));
                }
            }
            default -> { } // schema options and netlink flags change nothing the model shows
        }
    }

    /** argparse's {@code _parse_optional}: exact match, else a unique prefix of a long option. */
    private static String resolve(String name) throws UsageError {
        if (OPTIONS.containsKey(name)) {
            return name;
        }
        if (!name.startsWith("--")) {
            return null;
        }
        List<String> hits = new ArrayList<>();
        for (String o : OPTIONS.keySet()) {
            if (o.startsWith(name)) {
                hits.add(o);
            }
        }
        if (hits.size() > 1) {
            throw new UsageError("ambiguous option: " + name + " could match " + String.join(", ", hits));
        }
        return hits.isEmpty() ? null : hits.get(0);
    }

    /** argparse shows an argument by its option strings joined with '/'. */
    private static String display(String opt) {
        return opt.equals("-h") || opt.equals("--help") ? "-h/--help" : opt;
    }

    /** A token argparse takes for an option, not a value ({@code -1} is a value: no option looks like a number). */
    private static boolean looksLikeOption(String tok) {
        return tok.startsWith("-") && tok.length() > 1 && !tok.matches("-[0-9]+|-[0-9]*\\.[0-9]+");
    }
}
