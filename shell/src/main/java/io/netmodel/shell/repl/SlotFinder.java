package io.netmodel.shell.repl;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Walks the words before the cursor through picocli's {@link CommandSpec} the way picocli's
 * parser would (subcommand names, options and the values they consume, {@code --}, positional
 * indexes) and says which {@link Slot} the word under the cursor fills. It reads only the
 * spec, so every command registered in {@code Main} is understood without a list here.
 */
public final class SlotFinder {
    private SlotFinder() {
    }

    /** The slot of {@code words.get(index)} in a command line rooted at {@code root}. */
    public static Slot find(CommandSpec root, List<String> words, int index) {
        CommandSpec cmd = root;
        OptionSpec pending = null;
        int pendingValues = 0;
        int positional = 0;
        boolean endOfOptions = false;
        for (int i = 0; i < index && i < words.size(); i++) {
            String w = words.get(i);
            if (pending != null) {
                if (--pendingValues == 0) {
                    pending = null;
                }
                continue;
            }
            if (!endOfOptions && w.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (!endOfOptions && positional == 0 && cmd.subcommands().containsKey(w)) {
                cmd = cmd.subcommands().get(w).getCommandSpec();
                continue;
            }
            if (!endOfOptions && w.startsWith("-") && w.length() > 1) {
                OptionSpec o = cmd.findOption(w);
                if (o != null && !w.contains("=") && o.arity().min() > 0) {
                    pending = o;
                    pendingValues = o.arity().min();
                }
                continue;
            }
            positional++;
        }
        String word = index < words.size() ? words.get(index) : "";
        String previous = index > 0 && index - 1 < words.size() ? words.get(index - 1) : "";
        if (pending != null) {
            return new Slot(cmd, Optional.of(pending), false, previous);
        }
        if (!endOfOptions && word.startsWith("-")) {
            return new Slot(cmd, Optional.empty(), true, previous);
        }
        return new Slot(cmd, positionalAt(cmd, positional), false, previous);
    }

    private static Optional<ArgSpec> positionalAt(CommandSpec cmd, int position) {
        for (PositionalParamSpec p : cmd.positionalParameters()) {
            if (!p.hidden() && p.index().contains(position)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
