package io.netmodel.net;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netdev.NapiPoll;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The netdev list of the (single) network namespace: {@code register_netdev} /
 * {@code unregister_netdev}, name and ifindex allocation, the NAPI hash, and the files that
 * appear and vanish with each device ({@code netdev_register_kobject}).
 */
public final class NetdevRegistry {
    private static final String CLASS_NET = "/sys/class/net";
    private static final String VIRTUAL_NET = "/sys/devices/virtual/net";

    private final KTree tree;
    private final KernelProfile profile;
    private final NetSysfs sysfs;
    private final QueueSysfs queues;
    private final NapiHash napiHash;
    private final io.netmodel.core.Tracepoints trace;
    private final Map<Integer, NetDeviceImpl> byIfindex = new TreeMap<>();
    /** {@code dev_index_reserve}: cyclic, so a re-registered device gets a fresh ifindex. */
    private int lastIfindex;

    /** {@code nrCpuIds}: the width of the CPU masks under {@code queues/}. */
    public NetdevRegistry(KTree tree, KernelProfile profile, int nrCpuIds, io.netmodel.core.Tracepoints trace) {
        this.trace = trace;
        this.tree = tree;
        this.profile = profile;
        this.sysfs = new NetSysfs(profile);
        this.queues = new QueueSysfs(profile, nrCpuIds);
        this.napiHash = new NapiHash(profile);
        tree.mkdirs(CLASS_NET);
    }

    private java.util.function.Supplier<String> defaultQdisc = () -> "pfifo_fast";

    /** Where an up reads {@code net.core.default_qdisc} from. */
    public void setDefaultQdisc(java.util.function.Supplier<String> source) {
        this.defaultQdisc = source;
    }

    /** {@code register_netdev}: name from the pattern, next ifindex, files, then up (as ifup would). */
    public void register(NetDeviceImpl dev) {
        if (dev.alive) {
            throw new IllegalStateException(dev.name + " is already registered");
        }
        if (dev.name.contains("%d")) {
            dev.name = dev.name.replace("%d", Integer.toString(firstFreeUnit(dev.name)));
        }
        dev.ifindex = ++lastIfindex;
        byIfindex.put(dev.ifindex, dev);
        dev.alive = true;

        String devPath = (dev.parentPath == null ? VIRTUAL_NET : dev.parentPath + "/net") + "/" + dev.name;
        KDir dir = tree.mkdirs(devPath);
        sysfs.populate(dir, dev);
        queues.populate(dir, dev);
        if (dev.parentPath != null) {
            dir.link("device", dev.parentPath);
        }
        dir.link("subsystem", CLASS_NET);
        tree.mkdirs(CLASS_NET).link(dev.name, devPath);
        dev.defaultQdisc = defaultQdisc;
        dev.open();
        trace.hit(io.netmodel.core.Tracepoints.REGISTER_NETDEV, 0, "dev", dev.name, "ifindex", dev.ifindex);
    }

    /** {@code unregister_netdev}: down, files gone, NAPIs unhashed; open files read EINVAL. */
    public void unregister(NetDeviceImpl dev) {
        if (!dev.alive) {
            return;
        }
        trace.hit(io.netmodel.core.Tracepoints.UNREGISTER_NETDEV, 0, "dev", dev.name, "ifindex", dev.ifindex);
        dev.close();
        dev.alive = false;
        byIfindex.remove(dev.ifindex);
        tree.mkdirs(CLASS_NET).remove(dev.name);
        String parent = dev.parentPath == null ? VIRTUAL_NET : dev.parentPath + "/net";
        KDir netDir = tree.mkdirs(parent);
        netDir.remove(dev.name);
        if (dev.parentPath != null && netDir.names().isEmpty()) {
            netDir.parent().remove("net");
        }
        for (NapiImpl napi : dev.napis) {
            napiHash.del(napi);
        }
    }

    /**
     * {@code netif_napi_add}: from 4.5 the core hashes the NAPI itself (an id at once); before,
     * the id stays 0 unless the driver calls {@code napi_hash_add}.
     */
    public NapiImpl napiAdd(NetDeviceImpl dev, NapiPoll poll, int weight) {
        NapiImpl napi = new NapiImpl(dev, poll, weight);
        dev.napis.add(napi);
        if (profile.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
            napiHash.add(napi);
        }
        // the id after the call, as `stap -e 'probe kernel.function("netif_napi_add").return'` prints it
        trace.hit(io.netmodel.core.Tracepoints.NETIF_NAPI_ADD, 0, "dev", dev.name, "weight", weight,
            "napi_id", napi.napiId);
        return napi;
    }

    /** {@code napi_hash_add}. */
    public void napiHashAdd(NapiImpl napi) {
        napiHash.add(napi);
        trace.hit(io.netmodel.core.Tracepoints.NAPI_HASH_ADD, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
    }

    /** {@code netif_napi_del}. */
    public void napiDel(NapiImpl napi) {
        trace.hit(io.netmodel.core.Tracepoints.NETIF_NAPI_DEL, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
        napiHash.del(napi);
        ((NetDeviceImpl) napi.dev()).napis.remove(napi);
    }

    public NapiHash napiHash() {
        return napiHash;
    }

    /** Registered devices in ifindex order. */
    public List<NetDeviceImpl> devices() {
        return new ArrayList<>(byIfindex.values());
    }

    public NetDeviceImpl byName(String name) {
        for (NetDeviceImpl d : byIfindex.values()) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    private int firstFreeUnit(String pattern) {
        for (int unit = 0; ; unit++) {
            if (byName(pattern.replace("%d", Integer.toString(unit))) == null) {
                return unit;
            }
        }
    }
}
