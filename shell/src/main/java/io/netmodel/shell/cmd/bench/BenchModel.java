package io.netmodel.shell.cmd.bench;

import io.netmodel.api.bench.BenchService;
import io.netmodel.shell.Daemon;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.ToolError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model a benchmark runs on, and what to release afterwards: an in-process model booted
 * for this command (Felix with a temporary cache, no mount, the driver loaded as udev would),
 * the daemon's model ({@code --live}, run inside the daemon), or a given service (tests).
 * Either way the {@link BenchService} comes from the OSGi framework, where the kernel bundle
 * registers it; without one there is nothing to run. A {@code --live} run holds a reference
 * on each of the daemon's modules while it runs ({@link ModuleRefs}), so rmmod refuses them.
 */
final class BenchModel implements AutoCloseable {
    private final BenchService service;
    private final ModelHost ownedHost;
    private final Path ownedCache;
    /** The daemon's modules this run holds a reference on ({@code --live}), released at close. */
    private final ModuleRefs held;

    private BenchModel(BenchService service, ModelHost ownedHost, Path ownedCache, ModuleRefs held) {
        this.service = service;
        this.ownedHost = ownedHost;
        this.ownedCache = ownedCache;
        this.held = held;
    }

    BenchService service() {
        return service;
    }

    static BenchModel given(BenchService service) {
        return new BenchModel(service, null, null, null);
    }

    static BenchModel ofDaemon(Daemon daemon, String who) throws ToolError {
        BenchService service = require(daemon.host().bench(), who);
        return new BenchModel(service, null, null, ModuleRefs.holdAll(daemon.host().registry()));
    }

    /** Boots a model host in this process from the build's system bundles and bundles/. */
    static BenchModel inProcess(BenchOptions o, Layout layout, String who) throws ToolError {
        Path cache;
        try {
            cache = Files.createTempDirectory("netmodel-bench-felix");
        } catch (IOException e) {
            throw new ToolError(who + ": cannot create a temporary directory: " + e.getMessage(), 1);
        }
        ModelHost host = null;
        try {
            String driver = o.driverOrDefault();
            host = ModelHost.boot(new ModelHost.Config(o.kernelOrDefault(), o.cpus == null ? 0 : o.cpus, driver, 0),
                layout.systemDir(), layout.bundlesDir(), cache);
            host.modprobe(driver, Map.of());
            return new BenchModel(require(host.bench(), who), host, cache, null);
        } catch (ToolError | RuntimeException e) {
            if (host != null) {
                host.close();
            }
            deleteTree(cache);
            throw e;
        }
    }

    private static BenchService require(Optional<BenchService> service, String who) throws ToolError {
        return service.orElseThrow(() -> new ToolError(who + ": the kernel model offers no benchmarks yet "
            + "(no BenchService is registered in its framework); nothing was run", 1));
    }

    @Override
    public void close() {
        if (held != null) {
            held.close();
        }
        if (ownedHost != null) {
            ownedHost.close();
        }
        if (ownedCache != null) {
            deleteTree(ownedCache);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
