package io.netmodel.shell;

import io.netmodel.fsmount.FuseMount;
import io.netmodel.shell.control.ControlServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running model instance: the framework with the kernel model, its FUSE mount (when FUSE
 * is available), and its control socket. Stops on {@code netmodel down}, SIGINT or SIGTERM,
 * unmounting first.
 */
public final class Daemon {
    private final Instance instance;
    private final ModelHost host;
    private final FuseMount mount;
    private final String mountProblem;
    private final long startedNanos = System.nanoTime();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean stopRequested;
    private ControlServer server;

    private Daemon(Instance instance, ModelHost host, FuseMount mount, String mountProblem) {
        this.instance = instance;
        this.host = host;
        this.mount = mount;
        this.mountProblem = mountProblem;
    }

    /**
     * Boots the model, mounts it and opens the control socket. {@code coldplug} modules are
     * loaded first, as udev loads drivers for the devices present at boot.
     */
    public static Daemon start(Instance instance, Layout layout, ModelHost.Config config, List<String> coldplug,
                        boolean allowOther, boolean mountIt, double fuseCacheSeconds) throws ToolError, IOException {
        instance.createStateDir();
        // Mount while the framework boots: the mount answers once the model is there.
        DeferredFs deferred = new DeferredFs();
        CompletableFuture<MountAttempt> mounting = mountIt
            ? CompletableFuture.supplyAsync(() -> MountAttempt.of(deferred, instance, allowOther, fuseCacheSeconds))
            : CompletableFuture.completedFuture(new MountAttempt(null, "not mounted (--no-mount)"));
        ModelHost host;
        try {
            host = ModelHost.boot(config, layout.systemDir(), layout.bundlesDir(), instance.felixCache());
        } catch (ToolError | RuntimeException e) {
            deferred.fail(e);
            mounting.join().close();
            throw e;
        }
        try {
            for (String module : coldplug) {
                host.modprobe(module, java.util.Map.of());
            }
            deferred.complete(host.fs());
            MountAttempt attempt = mounting.join();
            Daemon d = new Daemon(instance, host, attempt.mount(), attempt.problem());
            d.server = ControlServer.start(instance.socket(), new ControlServer.Handler() {
                @Override
                public int run(List<String> argv, PrintWriter out, PrintWriter err) {
                    return d.execute(argv, out, err);
                }

                @Override
                public void replied() {
                    if (d.stopRequested) {
                        new Thread(d::shutdown, "netmodel-down").start();
                    }
                }
            });
            Files.writeString(instance.pidFile(), ProcessHandle.current().pid() + "\n");
            Runtime.getRuntime().addShutdownHook(new Thread(d::shutdown, "netmodel-shutdown"));
            return d;
        } catch (ToolError | IOException | RuntimeException e) {
            deferred.fail(e);
            mounting.join().close();
            host.close();
            throw e;
        }
    }

    /** The outcome of mounting: the mount, or why there is none. */
    private record MountAttempt(FuseMount mount, String problem) {
        static MountAttempt of(DeferredFs fs, Instance instance, boolean allowOther, double cacheSeconds) {
            try {
                return new MountAttempt(FuseMount.mount(fs, instance.mountPoint(), allowOther, cacheSeconds), null);
            } catch (IOException e) {
                return new MountAttempt(null, e.getMessage());
            }
        }

        void close() {
            if (mount != null) {
                mount.close();
            }
        }
    }

    private int execute(List<String> argv, PrintWriter out, PrintWriter err) {
        return Main.execute(argv.toArray(new String[0]), new Session(this), out, err);
    }

    public Instance instance() {
        return instance;
    }

    public ModelHost host() {
        return host;
    }

    /** The mount, or null with {@link #mountProblem()} saying why there is none. */
    public FuseMount mount() {
        return mount;
    }

    public String mountProblem() {
        return mountProblem;
    }

    public long uptimeNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** Stops once the current command's reply has reached its client. */
    public void requestStop() {
        stopRequested = true;
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            System.err.println("netmodel: while stopping: " + e);
        }
    }

    /** Unmount, close the socket, stop the framework; idempotent. */
    void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            // each step on its own: a failed unmount must not keep the framework running
            quietly(() -> {
                if (mount != null) {
                    mount.close();
                }
            });
            quietly(() -> {
                if (server != null) {
                    server.close();
                }
            });
            quietly(host::close);
            quietly(instance::removeLeftovers);
            quietly(() -> Files.deleteIfExists(instance.pidFile()));
            quietly(instance::removeStateDirIfEmpty);
        } finally {
            stopped.countDown();
        }
    }
}
