package io.netmodel.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program on a real terminal, driven the way a person would: {@code tmux new-session -d},
 * {@code send-keys}, {@code capture-pane -p}. Each instance has its own tmux server socket
 * ({@code -L}), so tests never touch the user's tmux.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private static final String SESSION = "t";

    /** Starts {@code command} (a shell command line) in a 160x40 pane. */
    Tmux(String command) {
        socket = "netmodel-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("new-session", "-d", "-s", SESSION, "-x", "160", "-y", "40", command);
    }

    /** Types {@code text} literally. */
    void type(String text) {
        tmux("send-keys", "-t", SESSION, "-l", text);
    }

    /** Presses keys by tmux name: {@code Tab}, {@code Enter}, {@code Up}, {@code C-u}. */
    void press(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    /** What the pane shows now. */
    String screen() {
        return tmux("capture-pane", "-p", "-t", SESSION);
    }

    /** The last non-blank line of the pane: the line being edited. */
    String line() {
        String[] lines = screen().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].stripTrailing();
            }
        }
        return "";
    }

    /** Waits up to {@code seconds} for the screen to satisfy {@code test}; fails with the screen otherwise. */
    String await(String what, long seconds, Predicate<String> test) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = screen();
        while (!test.test(s)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; the screen shows:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** Waits for the edited line to be exactly {@code expected}. */
    void awaitLine(String expected, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!line().equals(expected)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected the line '" + expected + "'; the screen shows:\n" + screen());
            }
            Thread.sleep(100);
        }
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (.ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            tmux("kill-server");
        } catch (AssertionError e) {
            // already gone: the pane's program ended and took the server with it
        }
    }
}
