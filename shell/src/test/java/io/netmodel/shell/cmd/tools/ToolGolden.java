package io.netmodel.shell.cmd.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden outputs of ynl, ps, chrt and taskset in
 * {@code src/test/resources/io/netmodel/shell/cmd/tools/golden/}; accept a deliberate change with
 * {@code -Dnetmodel.updateGolden=true} and review the diff.
 */
final class ToolGolden {
    private ToolGolden() {
    }

    static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("netmodel.updateGolden")) {
            Path file = Path.of(System.getProperty("netmodel.home", ".")).resolve(
                "shell/src/test/resources/io/netmodel/shell/cmd/tools/golden").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = ToolGolden.class.getResourceAsStream("golden/" + name)) {
            assertNotNull(in, "no golden file " + name + " (create it with -Dnetmodel.updateGolden=true)");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden " + name);
        }
    }
}
