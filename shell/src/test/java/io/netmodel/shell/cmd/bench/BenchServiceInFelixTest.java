package io.netmodel.shell.cmd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.cmd.bench.fakebundle.Activator;
import io.netmodel.shell.cmd.bench.fakebundle.BundleBench;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the in-process path finds the model's benchmarks: a bundle inside Felix (here a test
 * bundle built from jars at test time, among the system bundles) registers a BenchService;
 * {@link ModelHost#bench()} finds it through the framework, across class loaders, because the
 * API package comes from the class path as a system package; {@code netmodel bench} then runs
 * on it.
 */
@Timeout(120)
class BenchServiceInFelixTest {
    @TempDir
    Path dir;

    /** The real system bundles plus the test bundle. */
    private Path systemDirWithBenchBundle() throws IOException {
        Path system = Files.createDirectories(dir.resolve("system"));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Layout.fromEnvironment().systemDir(), "*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, system.resolve(jar.getFileName()));
            }
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.netmodel.test.benchbundle");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", Activator.class.getName());
        a.putValue("Import-Package", "io.netmodel.api.bench;version=\"[1.0,2)\",org.osgi.framework");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(system.resolve("zz-bench-test.jar")), mf)) {
            for (Class<?> c : new Class<?>[] {Activator.class, BundleBench.class}) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (var in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo((OutputStream) out);
                }
                out.closeEntry();
            }
        }
        return system;
    }

    @Test
    void model_host_finds_a_bench_service_registered_inside_felix() throws Exception {
        Path system = systemDirWithBenchBundle();
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.19", 0, "virtio_net", 0), system,
            layout.bundlesDir(), Files.createDirectories(dir.resolve("cache")))) {
            BenchService service = host.bench().orElseThrow();
            assertTrue(service.getClass().getClassLoader() != BundleBench.class.getClassLoader(),
                "the service comes from the bundle's class loader, not the test's");
            BenchResult r = service.xskRr(new XskRrRequest(80_000, 0, XskMode.BUSY_POLL, 8_000_000, 1), (d, t) -> { });
            assertEquals(100, r.latencyNs().length);
            assertEquals(14_000, r.latencyNs()[0]);
        }
    }

    @Test
    void the_command_boots_its_own_model_and_runs_on_the_bundles_service() throws Exception {
        Path system = systemDirWithBenchBundle();
        String before = System.getProperty("netmodel.system");
        System.setProperty("netmodel.system", system.toString());
        try {
            Cli.Result r = Cli.run(null, "bench", "xsk-rr", "--rate", "12500", "--mode", "threaded-busy-poll",
                "--duration", "0.01", "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("\"samples\": 125,"), r.out());
            assertTrue(r.out().contains("\"p50_ns\": 16000,"), r.out());
            assertTrue(r.out().contains("\"true_p50_ns\": 16000,"), r.out());
            assertTrue(r.out().contains("\"loaded-by\": "), r.out());
            Cli.Result tcp = Cli.run(null, "bench", "tcp-rr", "--duration", "0.01");
            assertEquals(1, tcp.code());
            assertEquals("netmodel bench tcp-rr: the model failed: tcp_rr is not in this test bundle\n", tcp.err());
        } finally {
            if (before == null) {
                System.clearProperty("netmodel.system");
            } else {
                System.setProperty("netmodel.system", before);
            }
        }
    }
}
