package io.netmodel.drivers.testkit;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleLoadException;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.OpenFile;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A real kernel model ({@link Kernel}) built in-process, without OSGi, for testing one driver
 * against it: boot a host the way {@code netmodel up --kernel V --cpus N --nic NICS --queues Q}
 * would, {@link #load} a driver the way {@code modprobe} does (parameters parsed by the kernel,
 * then probe), and look at what came out: files, NAPI ids, {@code ndo_busy_poll}, IRQ rows.
 *
 * <pre>{@code
 * DriverHost host = DriverHost.boot("4.4", 2, "e1000");
 * host.load(new E1000Driver());
 * assertEquals(List.of(0), host.napiIds("eth0"));
 * }</pre>
 */
public final class DriverHost {
    private final Kernel kernel;

    private DriverHost(Kernel kernel) {
        this.kernel = kernel;
    }

    /** A host with {@code cpus} CPUs running {@code version}, NICs as {@code --nic} spells them, default queues. */
    public static DriverHost boot(String version, int cpus, String nics) {
        return boot(version, cpus, nics, 0);
    }

    /** As {@link #boot(String, int, String)}, with {@code --queues queues} (0: each NIC's default). */
    public static DriverHost boot(String version, int cpus, String nics, int queues) {
        HostSpec spec = new HostSpec(cpus, HostSpec.parseNics(nics, queues));
        return new DriverHost(new Kernel(new Profile(KernelVersion.parse(version)), spec));
    }

    /** {@code modprobe NAME} with default parameters. */
    public ModuleInfo load(NetDriver driver) throws ModuleLoadException {
        return load(driver, Map.of());
    }

    /**
     * {@code modprobe NAME key=value...}: announces the parameters, lets the driver appear (as
     * its bundle starting would) and returns the outcome the kernel reports.
     */
    public ModuleInfo load(NetDriver driver, Map<String, String> params) throws ModuleLoadException {
        kernel.modules().prepare(driver.name(), 0, params);
        kernel.modules().driverAppeared(driver);
        return kernel.modules().checkLoaded(driver.name());
    }

    /** {@code rmmod NAME}. */
    public void unload(NetDriver driver) {
        kernel.modules().driverGone(driver);
        kernel.modules().forget(driver.name());
    }

    /**
     * A netdev genl request's attributes from name/value pairs, as {@code ynl --json} would send
     * them: {@code attrs("id", 258, "defer-hard-irqs", 100)} for
     * {@code kernel().netdevFamily().doit("napi-set", ...)}.
     */
    public static Map<String, Long> attrs(Object... kv) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The whole file as {@code cat} reads it. */
    public String read(String path) throws VfsException {
        OpenFile f = kernel.fs().open(path, false, Caller.ROOT);
        try {
            return new String(f.read(0, 1 << 20), StandardCharsets.UTF_8);
        } finally {
            f.release();
        }
    }

    /** {@code echo -n data > path} as root. */
    public void write(String path, String data) throws VfsException {
        OpenFile f = kernel.fs().open(path, true, Caller.ROOT);
        try {
            f.write(data.getBytes(StandardCharsets.UTF_8), 0);
        } finally {
            f.release();
        }
    }

    /** {@code ethtool -L eth0 PARAM n} ({@code combined}, {@code rx}, ...): the driver's {@code set_channels}. */
    public void setChannels(io.netmodel.api.ethtool.ChannelParam param, long n)
        throws io.netmodel.api.ethtool.EthtoolException {
        kernel.ethtool().setChannels("eth0", Map.of(param, n));
    }

    /** {@code ip link set DEV up|down}: {@code dev_change_flags} through rtnetlink. */
    public void setUp(String dev, boolean up) throws io.netmodel.api.rtnl.RtnlException {
        kernel.rtnl().setUp(dev, up);
    }

    /** The NAPIs of {@code dev} that are enabled ({@code napi_enable} and no {@code napi_disable} since). */
    public List<NapiImpl> enabledNapis(String dev) {
        List<NapiImpl> on = new ArrayList<>();
        for (NapiImpl napi : netdev(dev).napis()) {
            if (napi.enabled()) {
                on.add(napi);
            }
        }
        return on;
    }

    /** Whether {@code path} exists ({@code lstat}). */
    public boolean exists(String path) throws VfsException {
        try {
            kernel.fs().stat(path);
            return true;
        } catch (VfsException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    /** Names in a directory, sorted. */
    public List<String> list(String path) throws VfsException {
        List<String> names = new ArrayList<>(kernel.fs().list(path));
        names.removeIf(n -> n.equals(".") || n.equals(".."));
        names.sort(null);
        return names;
    }

    /** The registered netdev called {@code name}; fails if there is none. */
    public NetDeviceImpl netdev(String name) {
        NetDeviceImpl dev = kernel.netdevs().byName(name);
        if (dev == null) {
            throw new IllegalStateException("no netdev " + name + "; have " + netdevNames());
        }
        return dev;
    }

    /** Registered netdev names in ifindex order ({@code lo} first). */
    public List<String> netdevNames() {
        List<String> names = new ArrayList<>();
        for (NetDeviceImpl d : kernel.netdevs().devices()) {
            names.add(d.name());
        }
        return names;
    }

    /** {@code napi->napi_id} of each NAPI of {@code dev}, in {@code netif_napi_add} order. */
    public List<Integer> napiIds(String dev) {
        List<Integer> ids = new ArrayList<>();
        for (NapiImpl napi : netdev(dev).napis()) {
            ids.add(napi.napiId());
        }
        return ids;
    }

    /** Whether {@code dev->netdev_ops->ndo_busy_poll} is set. */
    public boolean hasNdoBusyPoll(String dev) {
        return netdev(dev).ndoBusyPoll() != null;
    }

    /** The device rows of {@code /proc/interrupts} (between the CPU header and the NMI row). */
    public List<String> irqRows() throws VfsException {
        List<String> rows = new ArrayList<>();
        String[] lines = read("/proc/interrupts").split("\n");
        for (int i = 1; i < lines.length && !lines[i].startsWith("NMI:"); i++) {
            rows.add(lines[i]);
        }
        return rows;
    }

    /** The action names of the device rows, in IRQ order ({@code eth0-TxRx-0}, ...). */
    public List<String> irqNames() throws VfsException {
        List<String> names = new ArrayList<>();
        for (String row : irqRows()) {
            names.add(row.substring(row.lastIndexOf("  ") + 2));
        }
        return names;
    }

    /**
     * Every path of the tree with its kind, mode and content (or read errno), for comparing
     * states; files that change by design from one registration to the next ({@code ifindex},
     * {@code iflink}, {@code uevent} with its {@code IFINDEX=}) are listed but not read.
     */
    /**
     * rmmod/modprobe in a loop: loads a driver from {@code fresh}, then {@code cycles} times
     * unloads it (only lo and no IRQ rows may remain) and loads a new one; the IRQ rows and the
     * whole tree must come back the same (ifindex, iflink and uevent aside).
     */
    public void assertReloadsTheSame(java.util.function.Supplier<? extends NetDriver> fresh, int cycles) throws Exception {
        NetDriver driver = fresh.get();
        load(driver);
        TreeMap<String, String> first = snapshot();
        List<String> irqs = irqRows();
        for (int i = 0; i < cycles; i++) {
            unload(driver);
            org.junit.jupiter.api.Assertions.assertEquals(List.of("lo"), netdevNames(), "cycle " + i);
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), irqRows(), "cycle " + i);
            driver = fresh.get();
            load(driver);
        }
        org.junit.jupiter.api.Assertions.assertEquals(irqs, irqRows(), "same IRQ numbers and names");
        org.junit.jupiter.api.Assertions.assertEquals(first, snapshot(),
            "same files, modes and contents (ifindex, iflink, uevent, netdev_rss_key aside)");
    }

    public TreeMap<String, String> snapshot() throws VfsException {
        TreeMap<String, String> all = new TreeMap<>();
        // netdev_rss_key: filled once per boot by the first driver with RSS (net_get_random_once)
        // and kept after rmmod, as in Linux, so the tree before the first modprobe differs there
        walk("", all, Set.of("ifindex", "iflink", "uevent", "netdev_rss_key"));
        return all;
    }

    private void walk(String dir, TreeMap<String, String> all, Set<String> volatileNames) throws VfsException {
        for (String name : kernel.fs().list(dir.isEmpty() ? "/" : dir)) {
            String path = dir + "/" + name;
            NodeStat st = kernel.fs().stat(path);
            if (st.kind() == NodeKind.DIRECTORY) {
                all.put(path, "dir " + Integer.toOctalString(st.mode()));
                walk(path, all, volatileNames);
            } else if (st.kind() == NodeKind.SYMLINK) {
                all.put(path, "-> " + kernel.fs().readlink(path));
            } else if (volatileNames.contains(name)) {
                all.put(path, "file " + Integer.toOctalString(st.mode()));
            } else {
                String content;
                try {
                    content = read(path);
                } catch (VfsException e) {
                    content = "errno " + e.errno();
                }
                all.put(path, "file " + Integer.toOctalString(st.mode()) + " " + content);
            }
        }
    }

    /** The kernel log without its {@code [seconds.micros]} stamps. */
    public List<String> dmesg() {
        List<String> lines = new ArrayList<>();
        for (String l : kernel.modules().dmesg()) {
            lines.add(l.substring(l.indexOf("] ") + 2));
        }
        return lines;
    }
}
