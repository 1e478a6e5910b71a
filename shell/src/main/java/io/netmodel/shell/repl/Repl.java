package io.netmodel.shell.repl;

import io.netmodel.shell.Instance;
import io.netmodel.shell.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;

/**
 * The netmodel shell: {@code netmodel} with no arguments on a terminal, or {@code netmodel
 * shell}. Each line is a netmodel command line without the leading {@code netmodel}, run
 * exactly as on the command line ({@link Main#execute} in the client: forwarded to the running
 * model). JLine gives line editing, a persistent history ({@link HistoryFile}) and completion
 * ({@link ReplCompleter}); {@code exit}, {@code quit} or Ctrl-D leave, Ctrl-C drops the line being
 * typed or cancels the running command. When stdin is not a terminal, lines are read from it
 * without prompt or history and the exit code is the last command's, like {@code sh < FILE}.
 */
public final class Repl {
    private final Path mountOption;
    private final CommandLine root = Main.commandLine();
    private final Parser parser = new DefaultParser();

    /** @param mountOption the shell's {@code --mount DIR}, or null for $NETMODEL_MOUNT / the default instance */
    public Repl(Path mountOption) {
        this.mountOption = mountOption;
    }

    /** The prompt: {@code netmodel> }, with the mount point when it is not the default instance's. */
    public String prompt() {
        Path mount = Instance.resolve(mountOption).mountPoint();
        return mount.equals(Instance.defaultMountPoint()) ? "netmodel> " : "netmodel " + mount + "> ";
    }

    /** The interactive shell on the process's terminal; returns 0 when the user leaves. */
    public int interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("netmodel").build()) {
            LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("netmodel")
                .parser(parser)
                .completer(new ReplCompleter(root.getCommandSpec(), new DaemonListing(Instance.resolve(mountOption))))
                .variable(LineReader.HISTORY_FILE, HistoryFile.path(System.getenv(), System.getProperty("user.home")))
                .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
            PrintWriter out = terminal.writer();
            CommandRunner runner = new CommandRunner();
            terminal.handle(Terminal.Signal.INT, signal -> runner.cancel());
            String prompt = prompt();
            int last = 0;
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the line, new prompt
                } catch (EndOfFileException e) {
                    break; // Ctrl-D on an empty line
                }
                List<String> words = words(line);
                Integer exit = exitStatus(words, last, out);
                if (exit != null) {
                    last = exit;
                    break;
                }
                if (!words.isEmpty()) {
                    last = runLine(words, runner, out, out);
                    if (last == CommandRunner.CANCELLED) {
                        out.println(); // after the terminal's ^C
                    }
                }
                out.flush();
            }
            reader.getHistory().save();
            return last;
        }
    }

    /** Lines from a non-terminal stdin; returns the last command's exit code. */
    public int script(BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        CommandRunner runner = new CommandRunner();
        int last = 0;
        String line;
        while ((line = in.readLine()) != null) {
            List<String> words;
            try {
                words = words(line);
            } catch (org.jline.reader.EOFError e) {
                err.println("netmodel: " + e.getMessage() + ": " + line);
                last = 2;
                continue;
            }
            Integer exit = exitStatus(words, last, err);
            if (exit != null) {
                return exit;
            }
            if (!words.isEmpty() && !words.get(0).startsWith("#")) {
                last = runLine(words, runner, out, err);
            }
        }
        return last;
    }

    private int runLine(List<String> words, CommandRunner runner, PrintWriter out, PrintWriter err) {
        Optional<String> refusal = LinePolicy.refusal(Main.commandLine(), words);
        if (refusal.isPresent()) {
            err.println(refusal.get());
            return 1;
        }
        try {
            return runner.run(LinePolicy.withMount(root.getCommandSpec(), words, mountOption), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandRunner.CANCELLED;
        }
    }

    /** The words of a line as the shell's parser splits them (quotes, backslashes), without empty ones. */
    List<String> words(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE);
        return parsed.words().stream().filter(w -> !w.isEmpty()).toList();
    }

    /**
     * {@code exit}, {@code quit} or {@code exit N}: the status to leave with, as a shell's
     * ({@code exit} alone: the last command's; {@code exit N}: N & 255; a word that is no number:
     * 2, said on {@code err}); null when the line is something else.
     */
    static Integer exitStatus(List<String> words, int last, PrintWriter err) {
        if (words.isEmpty() || !(words.get(0).equals("exit") || words.get(0).equals("quit")) || words.size() > 2) {
            return null;
        }
        if (words.size() == 1) {
            return last;
        }
        String n = words.get(1);
        if (n.matches("[0-9]{1,9}")) {
            return Integer.parseInt(n) & 0xFF;
        }
        err.println("netmodel: " + words.get(0) + ": Illegal number: " + n);
        return 2;
    }
}
