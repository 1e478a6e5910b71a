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
 * Mount options: {@code entry_timeout=86400,attr_timeout=86400,negative_timeout=86400}. The
 * kernel keeps what it looked up, the attributes and the misses (a path is walked and
 * {@code fstat} answered without asking us), because an {@link EntryInvalidator} makes it
 * forget all of it whenever files appear or vanish, before the operation that changed them
 * returns: a file that vanished with its device answers ENOENT at once, as in sysfs, and a new
 * one is found at once. Nothing else about a node changes while it exists (sysfs and procfs
 * sizes, modes and times are fixed; values are read through {@code direct_io}).
 */
public final class FuseMount implements AutoCloseable {
    /** How long the kernel may keep a dentry, s ({@code entry_timeout}; see the class comment). */
    static final String ENTRY_TIMEOUT = "86400";
    /** The default for attributes and misses ({@code attr_timeout}, {@code negative_timeout}). */
    public static final double CACHE_SECONDS = 86400;
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
        return mount(fs, mountPoint, allowOther, CACHE_SECONDS);
    }

    /**
     * As {@link #mount(VirtualFs, Path, boolean)}, letting the kernel keep attributes and misses
     * for {@code cacheSeconds} (FUSE {@code attr_timeout} and {@code negative_timeout}). Any
     * value is exact, since every change of the tree invalidates the kernel's cache; 0 sends
     * every {@code stat}, {@code fstat} and miss to the model (to count upcalls, or to compare).
     */
    public static FuseMount mount(VirtualFs fs, Path mountPoint, boolean allowOther, double cacheSeconds)
        throws IOException {
        if (cacheSeconds < 0 || cacheSeconds > CACHE_SECONDS) {
            throw new IllegalArgumentException("cache seconds must be 0..86400");
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
        String timeout = cacheSeconds == Math.rint(cacheSeconds) ? Long.toString((long) cacheSeconds)
            : Double.toString(cacheSeconds);
        List<String> opts = new ArrayList<>(List.of("-o", "entry_timeout=" + ENTRY_TIMEOUT + ",attr_timeout=" + timeout
            + ",negative_timeout=" + timeout));
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
