package io.netmodel.shell.cmd.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * glibc {@code getopt_long} in {@code "+"} mode as util-linux's {@code chrt} and
 * {@code taskset} call it: short options clustered ({@code -pc}), a short option's argument
 * attached or in the next word, long options by unique prefix with {@code =value}, parsing
 * stops at the first non-option or {@code --}, and glibc's error messages.
 */
final class Getopt {
    /** A getopt error: {@code PROG: MESSAGE}, then the try-help line, exit 1 (errtryhelp). */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;

        Error(String msg) {
            super(msg, null, false, false);
        }
    }

    /** One parsed option: its short letter and argument (or null). */
    record Opt(char letter, String arg) {
    }

    private final String shortOpts;
    private final Map<String, Character> longOpts;
    final List<Opt> opts = new ArrayList<>();
    /** {@code argv + optind}: the words after the options. */
    final List<String> rest = new ArrayList<>();

    /**
     * {@code shortOpts} as in C without the leading '+' ({@code "p:"}: p takes an argument);
     * {@code longOpts}: long name to the short letter it stands for.
     */
    Getopt(String shortOpts, Map<String, Character> longOpts) {
        this.shortOpts = shortOpts;
        this.longOpts = longOpts;
    }

    Getopt parse(List<String> argv) throws Error {
        int i = 0;
        for (; i < argv.size(); i++) {
            String w = argv.get(i);
            if (w.equals("--")) {
                i++;
                break;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                break;
            }
            if (w.startsWith("--")) {
                i = parseLong(argv, i);
                continue;
            }
            for (int k = 1; k < w.length(); k++) {
                char c = w.charAt(k);
                int at = shortOpts.indexOf(c);
                if (at < 0 || c == ':') {
                    throw new Error("invalid option -- '" + c + "'");
                }
                boolean takesArg = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
                if (!takesArg) {
                    opts.add(new Opt(c, null));
                    continue;
                }
                if (k + 1 < w.length()) {
                    opts.add(new Opt(c, w.substring(k + 1)));
                } else if (i + 1 < argv.size()) {
                    opts.add(new Opt(c, argv.get(++i)));
                } else {
                    throw new Error("option requires an argument -- '" + c + "'");
                }
                break;
            }
        }
        rest.addAll(argv.subList(Math.min(i, argv.size()), argv.size()));
        return this;
    }

    private int parseLong(List<String> argv, int i) throws Error {
        String w = argv.get(i);
        int eq = w.indexOf('=');
        String name = w.substring(2, eq < 0 ? w.length() : eq);
        String inline = eq < 0 ? null : w.substring(eq + 1);
        String full = null;
        if (longOpts.containsKey(name)) {
            full = name;
        } else {
            List<String> hits = new ArrayList<>();
            for (String l : longOpts.keySet()) {
                if (l.startsWith(name)) {
                    hits.add(l);
                }
            }
            if (hits.size() > 1) {
                StringBuilder sb = new StringBuilder("option '--" + name + "' is ambiguous; possibilities:");
                hits.forEach(h -> sb.append(" '--").append(h).append('\''));
                throw new Error(sb.toString());
            }
            if (hits.size() == 1) {
                full = hits.get(0);
            }
        }
        if (full == null) {
            throw new Error("unrecognized option '" + (eq < 0 ? w : w.substring(0, eq)) + "'");
        }
        char c = longOpts.get(full);
        int at = shortOpts.indexOf(c);
        boolean takesArg = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
        if (!takesArg && inline != null) {
            throw new Error("option '--" + full + "' doesn't allow an argument");
        }
        if (takesArg && inline == null) {
            if (i + 1 >= argv.size()) {
                throw new Error("option '--" + full + "' requires an argument");
            }
            inline = argv.get(++i);
        }
        opts.add(new Opt(c, inline));
        return i;
    }
}
