package io.netmodel.shell;

import io.netmodel.api.bench.BenchService;
import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleLoadException;
import io.netmodel.api.host.ModuleRegistry;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.trace.TraceService;
import io.netmodel.api.vfs.VirtualFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The embedded OSGi framework with the kernel model inside it, and {@code modprobe}/
 * {@code rmmod}/{@code lsmod} on top: install+start / stop+uninstall of driver bundles from
 * the deploy directory. The host side reaches the model only through services (VirtualFs,
 * KernelProfile, ModuleRegistry) whose API packages the launcher exports as system packages.
 */
public final class ModelHost implements AutoCloseable {
    /**
     * Framework properties the kernel component reads. {@code cpus} and {@code queues} 0 leave
     * the choice to the kernel model's default host.
     */
    public record Config(String kernel, int cpus, String nics, int queues, String smt) {
        /** A host without an SMT setting: the kernel model's default ({@code notsupported}). */
        public Config(String kernel, int cpus, String nics, int queues) {
            this(kernel, cpus, nics, queues, null);
        }
    }

    private final Framework framework;
    private final ModuleDir modules;
    private final VirtualFs fs;
    private final KernelProfile profile;
    private final ModuleRegistry registry;
    private final Map<String, Bundle> loaded = new LinkedHashMap<>();

    private ModelHost(Framework framework, ModuleDir modules) throws ToolError {
        this.framework = framework;
        this.modules = modules;
        BundleContext ctx = framework.getBundleContext();
        this.fs = service(ctx, VirtualFs.class);
        this.profile = service(ctx, KernelProfile.class);
        this.registry = service(ctx, ModuleRegistry.class);
    }

    /**
     * Starts Felix with SCR and the kernel bundle from {@code systemDir}; {@code bundlesDir}
     * is where modprobe looks. The Felix cache lives in {@code cacheDir}, cleaned at start.
     */
    public static ModelHost boot(Config config, Path systemDir, Path bundlesDir, Path cacheDir) throws ToolError {
        Map<String, String> props = new HashMap<>();
        try {
            props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.apiExports());
        } catch (IOException e) {
            throw new ToolError("netmodel: " + e.getMessage(), 1);
        }
        props.put(Constants.FRAMEWORK_STORAGE, cacheDir.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("felix.cache.locking", "false");
        props.put("netmodel.kernel", config.kernel());
        if (config.cpus() > 0) {
            props.put("netmodel.cpus", Integer.toString(config.cpus()));
        }
        props.put("netmodel.nics", config.nics());
        if (config.queues() > 0) {
            props.put("netmodel.queues", Integer.toString(config.queues()));
        }
        if (config.smt() != null) {
            props.put("netmodel.smt", config.smt());
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
            .orElseThrow(() -> new ToolError("netmodel: no OSGi framework on the class path", 1));
        Framework fw = factory.newFramework(props);
        try {
            fw.init();
            fw.start();
            List<Bundle> system = new ArrayList<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(systemDir, "*.jar")) {
                for (Path jar : jars) {
                    system.add(fw.getBundleContext().installBundle("reference:" + jar.toUri()));
                }
            }
            if (system.isEmpty()) {
                throw new ToolError("netmodel: no system bundles in " + systemDir + " (build first: mvn -B verify)", 1);
            }
            for (Bundle b : system) {
                b.start();
            }
            return new ModelHost(fw, new ModuleDir(bundlesDir));
        } catch (BundleException | IOException e) {
            stopQuietly(fw);
            throw new ToolError("netmodel: cannot start the kernel model: " + e.getMessage(), 1);
        } catch (ToolError | RuntimeException e) {
            stopQuietly(fw);
            throw e;
        }
    }

    public VirtualFs fs() {
        return fs;
    }

    public KernelProfile profile() {
        return profile;
    }

    public ModuleRegistry registry() {
        return registry;
    }

    /** The model's probes, when the kernel bundle offers them. */
    public Optional<TraceService> trace() {
        return optionalService(TraceService.class);
    }

    /**
     * The kernel model's benchmarks, when it offers them: the {@code BenchService} the kernel
     * bundle registers, looked up in the framework now (empty while no bundle provides one).
     */
    public Optional<BenchService> bench() {
        return optionalService(BenchService.class);
    }

    /** Traffic on the running model ({@code netmodel traffic}), when the kernel offers it. */
    public Optional<io.netmodel.api.traffic.TrafficService> traffic() {
        return optionalService(io.netmodel.api.traffic.TrafficService.class);
    }

    /** The kernel model's ethtool core ({@code netmodel ethtool}), when it offers one. */
    public Optional<io.netmodel.api.ethtool.EthtoolService> ethtool() {
        return optionalService(io.netmodel.api.ethtool.EthtoolService.class);
    }

    /** The kernel's {@code netdev} generic netlink family, if it registers one. */
    public Optional<io.netmodel.api.netlink.NetdevFamily> netdevFamily() {
        return optionalService(io.netmodel.api.netlink.NetdevFamily.class);
    }

    /** The kernel's tasks and scheduler calls, if it registers them. */
    public Optional<io.netmodel.api.sched.TaskService> tasks() {
        return optionalService(io.netmodel.api.sched.TaskService.class);
    }

    /** The kernel model's rtnetlink link operations ({@code ip link}), when it offers them. */
    public Optional<io.netmodel.api.rtnl.Rtnl> rtnl() {
        return optionalService(io.netmodel.api.rtnl.Rtnl.class);
    }

    private <T> Optional<T> optionalService(Class<T> type) {
        BundleContext ctx = framework.getBundleContext();
        ServiceReference<T> ref = ctx == null ? null : ctx.getServiceReference(type);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ctx.getService(ref));
    }

    public Path bundlesDir() {
        return modules.path();
    }

    /**
     * {@code modprobe NAME [param=value...]}: idempotent for a loaded module, like the real one.
     *
     * @throws ToolError with modprobe's message and exit code 1
     */
    public synchronized void modprobe(String moduleName, Map<String, String> params) throws ToolError {
        String name = ModuleDir.normalize(moduleName);
        if (loaded.containsKey(name)) {
            return;
        }
        Path jar;
        try {
            jar = modules.find(name).orElseThrow(() -> new ToolError(
                "modprobe: FATAL: Module " + moduleName + " not found in directory " + modules.path(), 1));
        } catch (IOException e) {
            throw new ToolError("modprobe: FATAL: cannot read " + modules.path() + ": " + e.getMessage(), 1);
        }
        Bundle bundle = null;
        try {
            registry.prepare(name, Files.size(jar), params);
            bundle = framework.getBundleContext().installBundle("reference:" + jar.toUri());
            bundle.start();
            registry.checkLoaded(name);
            loaded.put(name, bundle);
        } catch (ModuleLoadException e) {
            discard(bundle, name);
            throw new ToolError("modprobe: ERROR: could not insert '" + name + "': " + Errno.strerror(e.errno()), 1);
        } catch (BundleException | IOException | RuntimeException e) {
            discard(bundle, name);
            throw new ToolError("modprobe: ERROR: could not insert '" + name + "': " + e.getMessage(), 1);
        }
    }

    /** {@code rmmod NAME}: refused while the module is in use. */
    public void rmmod(String moduleName) throws ToolError {
        rmmod(moduleName, false);
    }

    /**
     * {@code rmmod [-f] NAME}. Like kmod's {@code rmmod} ({@code check_module_inuse}), a
     * module whose {@code refcnt} is above 0 is refused with "Module X is in use" unless
     * {@code force} ({@code rmmod -f}: {@code delete_module(O_TRUNC)},
     * {@code CONFIG_MODULE_FORCE_UNLOAD}), which unloads it and drops its references.
     */
    public synchronized void rmmod(String moduleName, boolean force) throws ToolError {
        String name = ModuleDir.normalize(moduleName);
        Bundle bundle = loaded.get(name);
        if (bundle == null) {
            throw new ToolError("rmmod: ERROR: Module " + name + " is not currently loaded", 1);
        }
        if (!force && refcnt(name) > 0) {
            throw new ToolError("rmmod: ERROR: Module " + name + " is in use", 1);
        }
        loaded.remove(name);
        discard(bundle, name);
    }

    private int refcnt(String name) {
        for (ModuleInfo m : registry.modules()) {
            if (m.name().equals(name)) {
                return m.refcnt();
            }
        }
        return 0;
    }

    /** Loaded modules as the kernel lists them (newest first). */
    public List<ModuleInfo> lsmod() {
        return registry.modules();
    }

    public synchronized boolean isLoaded(String moduleName) {
        return loaded.containsKey(ModuleDir.normalize(moduleName));
    }

    /** Bundles installed in the framework right now (a leak shows here). */
    public int bundleCount() {
        return framework.getBundleContext().getBundles().length;
    }

    private void discard(Bundle bundle, String name) {
        if (bundle != null) {
            try {
                bundle.stop();
            } catch (BundleException | RuntimeException e) {
                // the bundle is going away regardless
            }
            try {
                bundle.uninstall();
            } catch (BundleException | RuntimeException e) {
                // already uninstalled
            }
            refresh(bundle);
        }
        registry.forget(name);
    }

    /** Lets the framework drop the uninstalled bundle's class loader now rather than at exit. */
    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopQuietly(framework);
    }

    private static void stopQuietly(Framework fw) {
        try {
            fw.stop();
            fw.waitForStop(10_000);
        } catch (BundleException | InterruptedException e) {
            // shutting down anyway
        }
    }

    private static <T> T service(BundleContext ctx, Class<T> type) throws ToolError {
        var ref = ctx.getServiceReference(type);
        if (ref == null) {
            throw new ToolError("netmodel: the kernel model did not publish " + type.getSimpleName()
                + " (is SCR among the system bundles?)", 1);
        }
        return ctx.getService(ref);
    }
}
