package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The in-process path with the real kernel bundle in Felix: until the kernel model registers a
 * BenchService, the command says so and exits 1; once it does, the same command runs.
 */
@Timeout(120)
class InProcessModelTest {
    @Test
    void the_framework_is_asked_for_a_bench_service() throws Exception {
        Layout layout = Layout.fromEnvironment();
        Path cache = TestDirs.felixCache();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 0, "virtio_net", 0), layout.systemDir(),
            layout.bundlesDir(), cache)) {
            host.modprobe("virtio_net", Map.of());
            boolean offered = host.bench().isPresent();
            Cli.Result r = Cli.run(null, "bench", "tcp-rr", "--duration", "0.01", "--json");
            if (offered) {
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains("\"transactions_per_s\": "), r.out());
            } else {
                assertEquals(1, r.code());
                assertEquals("netmodel bench tcp-rr: the kernel model offers no benchmarks yet (no BenchService is "
                    + "registered in its framework); nothing was run\n", r.err());
                assertEquals("", r.out());
            }
        }
    }
}
