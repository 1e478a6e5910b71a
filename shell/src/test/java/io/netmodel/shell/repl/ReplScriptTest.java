package io.netmodel.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.TestDirs;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shell fed from a non-terminal stdin: one command per line, no prompt, the last exit code. */
class ReplScriptTest {
    record Run(int code, String out, String err) {
    }

    static Run run(Path mount, String input) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Repl(mount).script(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
            new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void each_line_runs_like_the_command_line_against_the_shells_instance() throws Exception {
        Path nowhere = TestDirs.dir("netmodel-repl");
        Run r = run(nowhere, "help ls\nlsmod\n");
        assertEquals(1, r.code(), "the last command's code: no model runs there");
        assertTrue(r.out().contains("Usage: netmodel ls"), r.out());
        assertEquals("netmodel: no model is running at " + nowhere + " (start one with: netmodel up --daemon --mount "
            + nowhere + ")\n", r.err());
    }

    @Test
    void errors_do_not_stop_the_shell_and_exit_leaves() throws Exception {
        Path nowhere = TestDirs.dir("netmodel-repl");
        Run r = run(nowhere, "frobnicate\nup\n\n# a comment\ncompletion bash\nexit\nlsmod\n");
        assertEquals(0, r.code());
        assertTrue(r.err().contains("Unmatched argument at index 0: 'frobnicate'"), r.err());
        assertTrue(r.err().contains("use 'up --daemon'"), r.err());
        assertTrue(r.out().contains("complete -F _complete_netmodel"), "completion ran");
        assertTrue(!r.err().contains("no model is running"), "nothing after exit ran: " + r.err());
    }

    /** exit N leaves with N & 255 as sh does; a word that is no number is sh's "Illegal number", status 2. */
    @Test
    void exit_takes_a_status() throws Exception {
        Path nowhere = TestDirs.dir("netmodel-repl");
        assertEquals(7, run(nowhere, "completion bash\nexit 7\nlsmod\n").code());
        assertEquals(1, run(nowhere, "exit 257\n").code());
        Run bad = run(nowhere, "exit seven\n");
        assertEquals(2, bad.code());
        assertEquals("netmodel: exit: Illegal number: seven\n", bad.err());
    }

    @Test
    void quotes_group_words_as_in_a_shell() throws Exception {
        Repl repl = new Repl(null);
        assertEquals(java.util.List.of("write", "/proc/x", "a b", "c"), repl.words("write /proc/x 'a b' c"));
        assertEquals(java.util.List.of("lsmod"), repl.words("  lsmod  "));
    }

    @Test
    void the_prompt_names_a_non_default_instance() {
        assertEquals("netmodel /tmp/nm> ", new Repl(Path.of("/tmp/nm")).prompt());
        if (System.getenv("NETMODEL_MOUNT") == null) {
            assertEquals("netmodel> ", new Repl(null).prompt());
        }
    }
}
