package io.netmodel.shell.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Main;
import io.netmodel.shell.Session;
import io.netmodel.shell.TestDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code netmodel completion bash}: valid bash that registers itself and completes from the command model. */
class CompletionScriptTest {
    private static Path script;

    @BeforeAll
    static void generate() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"completion", "bash"}, Session.CLIENT, new PrintWriter(out), new PrintWriter(err)));
        assertEquals("", err.toString());
        script = TestDirs.file("netmodel-completion", ".bash");
        Files.writeString(script, out.toString());
    }

    static String bash(String code) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", code).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The words bash would offer for {@code line} (cursor at its end), one per line, sorted. */
    static String complete(String... words) throws Exception {
        String line = String.join(" ", words);
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append(" '").append(w).append('\'');
        }
        return bash("source '" + script + "'; COMP_WORDS=(" + arr + "); COMP_CWORD=" + (words.length - 1)
            + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
            + "; _complete_netmodel 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\" | LC_ALL=C sort");
    }

    @Test
    void is_valid_bash_and_registers_for_netmodel() throws Exception {
        bash("bash -n '" + script + "'");
        assertTrue(bash("source '" + script + "'; complete -p netmodel").contains("-F _complete_netmodel"));
    }

    @Test
    void completes_commands_options_and_values() throws Exception {
        assertEquals("modinfo\nmodprobe\n", complete("netmodel", "mod"));
        assertEquals("ls\nlsmod\n", complete("netmodel", "ls"));
        assertEquals("--daemon\n", complete("netmodel", "up", "--da"), "not the hidden --daemon-child");
        assertEquals("xsk-rr\n", complete("netmodel", "bench", "xs"));
        assertEquals("bash\n", complete("netmodel", "completion", ""));
    }

    @Test
    void an_unknown_shell_is_a_usage_error() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new String[] {"completion", "fish"}, Session.CLIENT, new PrintWriter(new StringWriter()),
            new PrintWriter(err)));
        assertTrue(err.toString().startsWith("netmodel completion: Invalid value for positional parameter at index 0 (SHELL):"
            + " expected one of [bash]"), err.toString());
    }
}
