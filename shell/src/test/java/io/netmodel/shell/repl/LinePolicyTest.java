package io.netmodel.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Main;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class LinePolicyTest {
    private static Optional<String> refusal(String... words) {
        return LinePolicy.refusal(Main.commandLine(), List.of(words));
    }

    @Test
    void up_in_the_foreground_and_a_nested_shell_are_refused() {
        assertTrue(refusal("up").orElseThrow().contains("use 'up --daemon'"));
        assertTrue(refusal("up", "--kernel", "4.4").isPresent());
        assertEquals("netmodel: already in the netmodel shell", refusal("shell").orElseThrow());
    }

    @Test
    void everything_else_runs() {
        assertEquals(Optional.empty(), refusal("up", "--daemon", "--kernel", "4.4"));
        assertEquals(Optional.empty(), refusal("up", "--help"));
        assertEquals(Optional.empty(), refusal("shell", "-h"));
        assertEquals(Optional.empty(), refusal("lsmod"));
        assertEquals(Optional.empty(), refusal("frobnicate"), "picocli reports what does not parse");
    }

    @Test
    void the_shells_mount_goes_after_the_command_name() {
        CommandSpec root = Main.commandLine().getCommandSpec();
        Path m = Path.of("/tmp/nm");
        assertEquals(List.of("cat", "--mount", "/tmp/nm", "/sys/class/net/eth0/mtu"),
            LinePolicy.withMount(root, List.of("cat", "/sys/class/net/eth0/mtu"), m));
        assertEquals(List.of("up", "--mount", "/tmp/nm", "--daemon"), LinePolicy.withMount(root, List.of("up", "--daemon"), m));
        assertEquals(List.of("cat", "--mount", "/x", "/a"), LinePolicy.withMount(root, List.of("cat", "--mount", "/x", "/a"), m),
            "the line's own --mount wins");
        assertEquals(List.of("cat", "--mount=/x", "/a"), LinePolicy.withMount(root, List.of("cat", "--mount=/x", "/a"), m));
        assertEquals(List.of("completion", "bash"), LinePolicy.withMount(root, List.of("completion", "bash"), m),
            "a command without --mount is left alone");
        assertEquals(List.of("cat", "/a"), LinePolicy.withMount(root, List.of("cat", "/a"), null));
    }
}
