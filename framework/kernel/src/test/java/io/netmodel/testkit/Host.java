package io.netmodel.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.bus.NicModel;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * A default host (2 CPUs, one virtio-net function at 0000:00:03.0), or one with another CPU count,
 * and file helpers over its VirtualFs.
 */
public final class Host {
    public final Kernel kernel;
    public final VirtualFs fs;

    private Host(Kernel kernel) {
        this.kernel = kernel;
        this.fs = kernel.fs();
    }

    /** A host of {@code spec} running {@code version}, no driver loaded. */
    public static Host of(String version, HostSpec spec) {
        return new Host(new Kernel(new Profile(KernelVersion.parse(version)), spec));
    }

    /** A host running {@code version} with no driver bound: only lo. */
    public static Host bare(String version) {
        return new Host(new Kernel(new Profile(KernelVersion.parse(version)), HostSpec.defaultHost()));
    }

    /** A host with {@code cpus} CPUs (so {@code nr_cpu_ids} = cpus) running {@code version}, with {@code driver} bound. */
    public static Host with(String version, int cpus, TinyDriver driver) {
        Host h = new Host(new Kernel(new Profile(KernelVersion.parse(version)),
            new HostSpec(cpus, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1)))));
        h.kernel.modules().driverAppeared(driver);
        return h;
    }

    /**
     * A host with {@code cpus} CPUs running {@code version} whose virtio-net function has as many
     * queue pairs (and MSI-X vectors) as {@code driver} uses, with {@code driver} bound.
     */
    public static Host with(String version, int cpus, NapiDriver driver) {
        Host h = new Host(new Kernel(new Profile(KernelVersion.parse(version)),
            new HostSpec(cpus, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, driver.queues)))));
        h.kernel.modules().driverAppeared(driver);
        return h;
    }

    /** A host whose virtio-net function has {@code queues} queue pairs, with {@code driver} bound. */
    public static Host with(String version, int cpus, int queues, io.netmodel.api.driver.NetDriver driver) {
        Host h = new Host(new Kernel(new Profile(KernelVersion.parse(version)),
            new HostSpec(cpus, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, queues)))));
        h.kernel.modules().driverAppeared(driver);
        return h;
    }

    /** A host running {@code version} with {@code driver} loaded and bound. */
    public static Host with(String version, TinyDriver driver) {
        Host h = bare(version);
        h.kernel.modules().driverAppeared(driver);
        return h;
    }

    /** A 6.19 host with a plain {@link TinyDriver}: lo is ifindex 1, eth0 ifindex 2. */
    public static Host withEth0() {
        return with("6.19", TinyDriver.plain());
    }

    /** The whole file, as {@code cat} reads it from offset 0 with a page-sized buffer. */
    public String read(String path) throws VfsException {
        OpenFile f = fs.open(path, false, Caller.ROOT);
        try {
            return new String(f.read(0, 65536), StandardCharsets.UTF_8);
        } finally {
            f.release();
        }
    }

    /**
     * Column {@code name} of {@code group}'s value line in a MIB file laid out as
     * {@code /proc/net/snmp} and {@code /proc/net/netstat} are: a header line of names, then a
     * line of values, per group.
     */
    public long mibColumn(String path, String group, String name) throws VfsException {
        String[] lines = read(path).split("\n");
        for (int i = 0; i + 1 < lines.length; i += 2) {
            if (lines[i].startsWith(group + ":")) {
                String[] names = lines[i].split(" ");
                String[] values = lines[i + 1].split(" ");
                for (int c = 1; c < names.length; c++) {
                    if (names[c].equals(name)) {
                        return Long.parseLong(values[c]);
                    }
                }
            }
        }
        throw new AssertionError(group + " " + name + " in " + path + ":\n" + read(path));
    }

    /** One {@code write(2)} of {@code text} at offset 0 by root; returns the count reported. */
    public int write(String path, String text) throws VfsException {
        return writeAt(path, text, 0);
    }

    public int writeAt(String path, String text, long offset) throws VfsException {
        OpenFile f = fs.open(path, true, Caller.ROOT);
        try {
            return f.write(text.getBytes(StandardCharsets.UTF_8), offset);
        } finally {
            f.release();
        }
    }

    /** Whether {@code path} exists (lstat). */
    public boolean exists(String path) {
        try {
            fs.stat(path);
            return true;
        } catch (VfsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw new AssertionError("stat " + path + ": " + e.getMessage(), e);
            }
            return false;
        }
    }

    /** The errno {@code action} fails with; fails the test if it succeeds. */
    public static int errno(Executable action) {
        return assertThrows(VfsException.class, action).errno();
    }

    /** The value of an {@link Errno} constant by name ({@code "EINVAL"} gives 22). */
    public static int errnoNamed(String name) {
        try {
            return Errno.class.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no errno " + name, e);
        }
    }

    /**
     * Test-table escapes to bytes: {@code \n}, {@code \t}, {@code \r}, {@code \v} and
     * {@code \0} in the written text become the control bytes, so CSV rows stay on one line.
     */
    public static byte[] bytes(String escaped) {
        String s = escaped.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
            .replace("\\v", "\u000b").replace("\\0", "\0");
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
