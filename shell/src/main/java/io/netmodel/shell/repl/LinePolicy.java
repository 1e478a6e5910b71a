package io.netmodel.shell.repl;

import io.netmodel.shell.cmd.ShellCommand;
import io.netmodel.shell.cmd.UpCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the REPL does to a line before running it: refuses the commands that would take over
 * the terminal ({@code up} in the foreground, a nested {@code shell}), and points every command
 * at the shell's instance when it was started with {@code --mount DIR}.
 */
public final class LinePolicy {
    private LinePolicy() {
    }

    /** Why {@code words} cannot run inside the REPL; empty when they can (or do not parse: picocli says why). */
    public static Optional<String> refusal(CommandLine root, List<String> words) {
        ParseResult parsed;
        try {
            parsed = root.parseArgs(words.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return Optional.empty();
        }
        Object command = leaf.commandSpec().userObject();
        if (command instanceof UpCommand && !leaf.hasMatchedOption("--daemon")) {
            return Optional.of("netmodel: 'up' would hold this shell until the model stops: use 'up --daemon'");
        }
        if (command instanceof ShellCommand) {
            return Optional.of("netmodel: already in the netmodel shell");
        }
        return Optional.empty();
    }

    /**
     * {@code words} with {@code --mount DIR} added right after the command's name when the
     * command takes {@code --mount} and the line does not give one.
     */
    public static List<String> withMount(CommandSpec root, List<String> words, Path mount) {
        if (mount == null) {
            return words;
        }
        CommandSpec cmd = root;
        int at = 0;
        while (at < words.size() && cmd.subcommands().containsKey(words.get(at))) {
            cmd = cmd.subcommands().get(words.get(at)).getCommandSpec();
            at++;
        }
        if (at == 0 || cmd.findOption("--mount") == null) {
            return words;
        }
        for (String w : words) {
            if (w.equals("--")) {
                break;
            }
            if (w.equals("--mount") || w.startsWith("--mount=")) {
                return words;
            }
        }
        List<String> out = new ArrayList<>(words.subList(0, at));
        out.add("--mount");
        out.add(mount.toString());
        out.addAll(words.subList(at, words.size()));
        return out;
    }
}
