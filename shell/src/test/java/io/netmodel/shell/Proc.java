package io.netmodel.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real process (the ./netmodel launcher, cat, sh) and captures what it printed. */
final class Proc {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static final Path HOME = Path.of(System.getProperty("netmodel.home", "..")).toAbsolutePath().normalize();

    private Proc() {
    }

    static Result run(Map<String, String> env, String... cmd) {
        return run(120, env, cmd);
    }

    /** Like {@link #run(Map, String...)}, for a process that may take up to {@code timeoutSeconds}. */
    static Result run(long timeoutSeconds, Map<String, String> env, String... cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(HOME.toFile());
            pb.environment().putAll(env);
            Path out = java.nio.file.Files.createTempFile("proc", ".out");
            Path err = java.nio.file.Files.createTempFile("proc", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            Result r = new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code ./netmodel ARGS...}. */
    static Result netmodel(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("netmodel").toString());
        cmd.addAll(List.of(args));
        return run(env, cmd.toArray(new String[0]));
    }

    /** {@code sh -c SCRIPT} (dash on Debian). */
    static Result sh(String script) {
        return run(Map.of(), "sh", "-c", script);
    }

    /** {@code bash -c SCRIPT}, for its error text ("Invalid argument"). */
    static Result bash(String script) {
        return run(Map.of(), "bash", "-c", script);
    }
}
