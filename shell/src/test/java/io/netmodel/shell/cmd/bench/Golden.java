package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden outputs in {@code src/test/resources/io/netmodel/shell/cmd/bench/golden/}. To accept
 * new output after a deliberate change, run the tests with {@code -Dnetmodel.updateGolden=true}
 * and review the diff.
 */
final class Golden {
    private static final String DIR = "golden/";

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("netmodel.updateGolden")) {
            Path file = Path.of(System.getProperty("netmodel.home", ".")).resolve(
                "shell/src/test/resources/io/netmodel/shell/cmd/bench/golden").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, "no golden file " + name + " (create it with -Dnetmodel.updateGolden=true)");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden " + name);
        }
    }
}
