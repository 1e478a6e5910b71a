package io.netmodel.fsmount;

import io.netmodel.api.vfs.VirtualFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A mounted {@link VirtualFs}. libfuse's loop runs blocking on a thread of ours (jnr-fuse's
 * non-blocking mount always waits 2 s); readiness is read from {@code /proc/self/mountinfo}.
 * Mount options: {@code entry_timeout=86400,attr_timeout=0,negative_timeout=0}. The kernel keeps
 * the dentries it looked up (a path is resolved without asking us again), but never their
 * attributes and never a miss: every {@code stat}, {@code open} and {@code readlink} reaches the
 * tree, so a file that vanished with its device answers ENOENT at once, as in sysfs, and a new
 * one is found at once. A name the tree no longer has stays in the dcache until the kernel
 * evicts it, answering ENOENT to everything; libfuse's high-level layer resolves by path, so a
 * device that comes back under the same name is served through the same dentries.
 */
public final class FuseMount implements AutoCloseable {
    /** How long the kernel may keep a dentry, s ({@code entry_timeout}; see the class comment). */
    static final String ENTRY_TIMEOUT = "86400";
    /** The type {@code /proc/self/mountinfo} shows for our mounts. */
    public static final String FS_TYPE = "fuse.netmodel";
    private static final long MOUNT_TIMEOUT_MS = 10_000;

    private final Path mountPoint;
    private final VirtualFsFuse fuse;
    private final Thread loop;
    private volatile boolean closed;

    private FuseMount(Path mountPoint, VirtualFsFuse fuse, Thread loop) {
        this.mountPoint = mountPoint;
        this.fuse = fuse;
        this.loop = loop;
    }

    /**
     * Mounts {@code fs} at {@code mountPoint} (created if missing) and returns once the kernel
     * serves it. {@code allowOther} adds {@code allow_other} (other users may enter the mount).
     *
     * @throws IOException with a one-line reason when FUSE is unavailable or the mount fails
     */
    public static FuseMount mount(VirtualFs fs, Path mountPoint, boolean allowOther) throws IOException {
        return mount(fs, mountPoint, allowOther, 0);
    }

    /**
     * As {@link #mount(VirtualFs, Path, boolean)}, letting the kernel cache attributes for
     * {@code cacheSeconds} (FUSE {@code attr_timeout}). 0, the default, is exact: a file that
     * vanishes is gone at once. A positive value saves the {@code getattr} of every
     * {@code stat}/{@code fstat} and path walk through a symlink (whole-tree walks of big hosts
     * get faster), at the price that a removed device stays {@code stat}-able (not readable) for
     * up to that long. Negative lookups are never cached.
     */
    public static FuseMount mount(VirtualFs fs, Path mountPoint, boolean allowOther, double cacheSeconds)
        throws IOException {
        if (cacheSeconds < 0 || cacheSeconds > 3600) {
            throw new IllegalArgumentException("cache seconds must be 0..3600");
        }
        String problem = FuseAvailability.problem().orElse(null);
        if (problem != null) {
            throw new IOException(problem);
        }
        Path mp = mountPoint.toAbsolutePath().normalize();
        Files.createDirectories(mp);
        VirtualFsFuse fuse;
        try {
            fuse = new VirtualFsFuse(fs);
        } catch (Throwable e) {
            throw new IOException("cannot load libfuse: " + e.getMessage(), e);
        }
        String timeout = cacheSeconds == 0 ? "0" : Double.toString(cacheSeconds);
        List<String> opts = new ArrayList<>(List.of("-o", "entry_timeout=" + ENTRY_TIMEOUT + ",attr_timeout=" + timeout
            + ",negative_timeout=0"));
        if (allowOther) {
            opts.add("-o");
            opts.add("allow_other");
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                fuse.mount(mp, true, false, opts.toArray(new String[0]));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fuse-loop");
        loop.setDaemon(true);
        loop.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOUNT_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (MountInfo.find(mp).map(m -> m.fsType().equals(FS_TYPE)).orElse(false)) {
                return new FuseMount(mp, fuse, loop);
            }
            if (!loop.isAlive()) {
                Throwable t = failure.get();
                throw new IOException("FUSE mount of " + mp + " failed"
                    + (t == null ? " (libfuse exited; is the mount point in use?)" : ": " + rootMessage(t)));
            }
            sleepBriefly();
        }
        unmountLazily(mp);
        throw new IOException("FUSE mount of " + mp + " did not appear within " + MOUNT_TIMEOUT_MS + " ms");
    }

    public Path mountPoint() {
        return mountPoint;
    }

    public FuseCounters counters() {
        return fuse.counters();
    }

    /** Unmounts (idempotent; jnr-fuse's own shutdown hook may have done it already). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (MountInfo.find(mountPoint).isPresent()) {
            fuse.umount();
        }
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (MountInfo.find(mountPoint).map(m -> m.fsType().equals(FS_TYPE)).orElse(false)) {
            unmountLazily(mountPoint);
        }
    }

    /**
     * {@code fusermount -u -z}: detaches a mount even when its server is dead (ENOTCONN), which
     * is how a stale mount left by a killed {@code up} is cleaned.
     */
    public static boolean unmountLazily(Path mountPoint) {
        try {
            Process p = new ProcessBuilder("fusermount", "-u", "-z", mountPoint.toString())
                .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
