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
    private final ThreadedNapi threaded;
    private final Map<Integer, NetDeviceImpl> byIfindex = new TreeMap<>();
    /** {@code dev_index_reserve}: cyclic, so a re-registered device gets a fresh ifindex. */
    private int lastIfindex;

    /**
     * {@code nrCpuIds}: the width of the CPU masks under {@code queues/}; {@code tasks}: where
     * threaded NAPI starts its kthreads.
     */
    public NetdevRegistry(KTree tree, KernelProfile profile, int nrCpuIds, io.netmodel.core.Tracepoints trace,
                          io.netmodel.sched.TaskTable tasks) {
        this.trace = trace;
        this.threaded = new ThreadedNapi(profile, tasks);
        this.tree = tree;
        this.profile = profile;
        this.sysfs = new NetSysfs(profile, threaded);
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
        EthtoolFeatures.register(dev);
        KDir dir = tree.mkdirs(devPath);
        sysfs.populate(dir, dev);
        queues.populate(dir, dev);
        dev.queueKobjectsChanged = () -> queues.update(dir, dev);
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
        dev.queueKobjectsChanged = null;
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
        threaded.napiAdded(napi);
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
        threaded.napiDeleted(napi);
        napiHash.del(napi);
        NetDeviceImpl dev = (NetDeviceImpl) napi.dev();
        dev.napis.remove(napi);
        dev.rx.forEach(q -> q.napi = q.napi == napi ? null : q.napi);
        dev.tx.forEach(q -> q.napi = q.napi == napi ? null : q.napi);
    }

    /**
     * {@code netif_queue_set_napi}: links queue {@code index} of {@code type} to {@code napi}
     * (null unlinks).
     */
    public void queueSetNapi(NetDeviceImpl dev, int index, io.netmodel.api.netdev.QueueType type, NapiImpl napi) {
        if (type == io.netmodel.api.netdev.QueueType.RX) {
            dev.rx.get(index).napi = napi;
        } else {
            dev.tx.get(index).napi = napi;
        }
    }

    /**
     * {@code napi_set_defer_hard_irqs}, {@code napi_set_irq_suspend_timeout},
     * {@code napi_set_gro_flush_timeout}: one NAPI's values (null leaves one as it is).
     */
    public void napiSetConfig(NapiImpl napi, Long deferHardIrqs, Long irqSuspendTimeout, Long groFlushTimeout) {
        if (deferHardIrqs != null) {
            napi.deferHardIrqs = deferHardIrqs.intValue();
        }
        if (irqSuspendTimeout != null) {
            napi.irqSuspendTimeout = irqSuspendTimeout;
        }
        if (groFlushTimeout != null) {
            napi.groFlushTimeout = groFlushTimeout;
        }
    }

    /** {@code netif_napi_set_irq}. */
    public void napiSetIrq(NapiImpl napi, int irq) {
        napi.irq = irq;
    }

    /** Threaded NAPI and its kthreads. */
    public ThreadedNapi threaded() {
        return threaded;
    }

    /** The registered device with {@code ifindex}, or null ({@code dev_get_by_index}). */
    public NetDeviceImpl byIfindex(int ifindex) {
        return byIfindex.get(ifindex);
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
