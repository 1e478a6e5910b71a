package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the in-process path finds the model's benchmarks: the kernel bundle inside Felix
 * registers a BenchService; {@link ModelHost#bench()} finds it across class loaders (the API
 * package comes from the class path as a system package), and {@code netmodel bench} runs on it.
 */
@Timeout(120)
class BenchServiceInFelixTest {
    @Test
    void model_host_finds_the_kernel_bundles_bench_service() throws Exception {
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 0, "virtio_net", 0), layout.systemDir(),
            layout.bundlesDir(), TestDirs.felixCache())) {
            host.modprobe("virtio_net", Map.of());
            BenchService service = host.bench().orElseThrow();
            assertNotSame(getClass().getClassLoader(), service.getClass().getClassLoader(),
                "the service comes from the kernel bundle's class loader");
            BenchResult r = service.xskRr(new XskRrRequest(80_000, 0, XskMode.THREADED_BUSY_POLL, 8_000_000, 1), (d, t) -> { });
            assertEquals(100, r.latencyNs().length);
            assertEquals("virtio_net", r.knobs().get("driver"));
        }
    }

    @Test
    void the_command_boots_its_own_model_and_runs_on_it() {
        Cli.Result r = Cli.run(null, "bench", "xsk-rr", "--rate", "12500", "--mode", "threaded-busy-poll",
            "--duration", "0.01", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"samples\": 125,"), r.out());
        Cli.Result tcp = Cli.run(null, "bench", "tcp-rr", "--duration", "0.01");
        assertEquals(0, tcp.code(), tcp.err());
        assertTrue(tcp.out().contains("transactions/s"), tcp.out());
    }
}
