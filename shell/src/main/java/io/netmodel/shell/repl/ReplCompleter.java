package io.netmodel.shell.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion in the REPL. Which kind of word is wanted comes from the command's picocli
 * model ({@link SlotFinder}), so commands added to {@code Main} complete without a list here:
 * <ul>
 *   <li>a value labelled {@code PATH} completes model paths segment by segment from the
 *       running model's directories ({@code cat /sys/cl<Tab>} gives {@code /sys/class/});</li>
 *   <li>a value labelled {@code DEVNAME}, {@code DEV}, {@code DEVICE}, {@code IFNAME},
 *       {@code IFACE} or {@code INTERFACE}, the word after {@code dev} (ip's syntax), or where
 *       ethtool's and ip's own syntax put a device ({@link #deviceBySyntax}), completes the
 *       model's network devices (the directories of {@code /sys/class/net});</li>
 *   <li>a value labelled {@code MODULE} without its own candidates completes the model's
 *       loaded modules (the directories of {@code /sys/module}: {@code rmmod});</li>
 *   <li>a value labelled {@code PROBE} completes the model's probe names ({@code trace});</li>
 *   <li>a value labelled {@code FILE} or {@code DIR} completes local files or directories
 *       (scripts, plots, mount points);</li>
 *   <li>anything else goes to picocli-shell-jline3: command names, option names and each
 *       parameter's completion candidates (enums, {@code completionCandidates}); hidden
 *       options and commands are left out.</li>
 * </ul>
 */
public final class ReplCompleter implements Completer {
    static final Set<String> DEVICE_LABELS = Set.of("DEV", "DEVNAME", "DEVICE", "IFNAME", "IFACE", "INTERFACE");
    static final String NET_CLASS = "/sys/class/net/";
    static final String MODULES = "/sys/module/";

    private final CommandSpec root;
    private final ModelListing model;
    private final Completer commands;
    private final Completer files = new Completers.FileNameCompleter();
    private final Completer dirs;

    public ReplCompleter(CommandSpec root, ModelListing model) {
        this.root = root;
        this.model = model;
        this.commands = new PicocliJLineCompleter(root);
        this.dirs = new Completers.DirectoriesCompleter(() -> Path.of(System.getProperty("user.dir")));
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Slot slot = SlotFinder.find(root, line.words(), line.wordIndex());
        boolean ownCandidates = slot.arg().map(a -> a.completionCandidates() != null).orElse(false);
        if (!slot.optionName() && !ownCandidates) {
            String label = slot.label();
            if (DEVICE_LABELS.contains(label) || slot.previous().equals("dev")
                || slot.arg().map(a -> !a.isOption()).orElse(true)
                    && deviceBySyntax(slot.command().name(), line.words(), line.wordIndex())) {
                directories(NET_CLASS, candidates);
                return;
            }
            switch (label) {
                case "MODULE" -> {
                    directories(MODULES, candidates);
                    return;
                }
                case "PATH" -> {
                    paths(line.word(), candidates);
                    return;
                }
                case "PROBE" -> {
                    model.probes().forEach(p -> candidates.add(new Candidate(p, p, null, null, null, null, true)));
                    return;
                }
                case "FILE" -> {
                    files.complete(reader, line, candidates);
                    return;
                }
                case "DIR" -> {
                    dirs.complete(reader, line, candidates);
                    return;
                }
                default -> { }
            }
        }
        List<Candidate> named = new ArrayList<>();
        commands.complete(reader, line, named);
        Set<String> hidden = hidden(slot.command());
        String word = line.word();
        named.stream().filter(c -> !hidden.contains(c.value()) && c.value().startsWith(word)).forEach(candidates::add);
    }

    /**
     * Where a command that takes its tool's own arguments wants a device: ethtool's first word
     * after its mode options ({@code ethtool -c eth0}, {@code ethtool eth0}), ip's word after
     * {@code link show|list|set} ({@code ip -s link show eth0}). Other commands label theirs.
     */
    static boolean deviceBySyntax(String command, List<String> words, int index) {
        if (index >= words.size() || words.get(index).startsWith("-")) {
            return false;
        }
        int at = words.subList(0, index).lastIndexOf(command);
        if (at < 0) {
            return false;
        }
        List<String> plain = new ArrayList<>(); // the tool's own words before this one, options left out
        for (int i = at + 1; i < index; i++) {
            String w = words.get(i);
            if (w.equals("--mount")) {
                i++; // netmodel's option and its value
            } else if (!w.startsWith("-")) {
                plain.add(w);
            }
        }
        return switch (command) {
            case "ethtool" -> plain.isEmpty();
            case "ip" -> plain.size() == 2 && plain.get(0).equals("link") && Set.of("show", "list", "set").contains(plain.get(1));
            default -> false;
        };
    }

    /** Names of the hidden options and subcommands of {@code cmd}, which completion does not offer. */
    static Set<String> hidden(CommandSpec cmd) {
        Set<String> out = new HashSet<>();
        for (OptionSpec o : cmd.options()) {
            if (o.hidden()) {
                out.addAll(List.of(o.names()));
            }
        }
        cmd.subcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                out.add(name);
            }
        });
        return out;
    }

    /**
     * The subdirectories (symlinks to them included) of {@code dir} in the model, as words:
     * network devices from {@code /sys/class/net}, loaded modules from {@code /sys/module}.
     */
    void directories(String dir, List<Candidate> candidates) {
        for (String entry : model.list(dir)) {
            if (entry.endsWith("/")) {
                String name = entry.substring(0, entry.length() - 1);
                candidates.add(new Candidate(name, name, null, null, null, null, true));
            }
        }
    }

    /**
     * Model paths: the entries of the directory the word names so far; a directory is offered
     * with its {@code /} and no trailing space, so the next Tab goes on into it.
     */
    void paths(String word, List<Candidate> candidates) {
        if (!word.isEmpty() && !word.startsWith("/")) {
            return; // model paths are absolute
        }
        String dir = word.isEmpty() ? "/" : word.substring(0, word.lastIndexOf('/') + 1);
        for (String entry : model.list(dir)) {
            boolean isDir = entry.endsWith("/");
            candidates.add(new Candidate(dir + entry, entry, null, null, null, null, !isDir));
        }
    }
}
