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
     * the id stays 0 unless the driver calls {@code napi_hash_add}. The model's add is also the
     * driver's {@code napi_enable}, which is where 6.13+ hashes ({@code napi_hash_add} moved there
     * by 86e25f40aa1e): the id is there when the call returns either way.
     */
    public NapiImpl napiAdd(NetDeviceImpl dev, NapiPoll poll, int weight) {
        return napiAdd(dev, poll, weight, -1);
    }

    /**
     * {@code netif_napi_add_config(dev, napi, poll, index)} then {@code napi_enable} (6.13,
     * {@code Behaviour.NAPI_CONFIG}): the NAPI takes entry {@code index} of {@code dev->napi_config};
     * {@code napi_restore_config} loads its settings and hashes it under the id the entry kept
     * ({@code napi_hash_add_with_id}), or under a new id that the entry then keeps. From 6.17 the
     * entry's threaded mode is applied as well ({@code napi_set_threaded}). {@code index} -1 is a
     * plain {@code netif_napi_add}.
     */
    public NapiImpl napiAdd(NetDeviceImpl dev, NapiPoll poll, int weight, int index) {
        if (index >= 0 && !profile.has(Behaviour.NAPI_CONFIG)) {
            throw new IllegalStateException("netif_napi_add_config does not exist before "
                + Behaviour.NAPI_CONFIG.since());
        }
        if (index >= dev.napiConfig.length) {
            throw new IllegalArgumentException("napi_config index " + index + " outside 0.."
                + (dev.napiConfig.length - 1));
        }
        for (NapiImpl other : dev.napis) {
            if (index >= 0 && other.index == index) { // two NAPIs would share one id in the hash
                throw new IllegalStateException("napi_config index " + index + " is in use by NAPI " + other.napiId);
            }
        }
        NapiImpl napi = new NapiImpl(dev, poll, weight, index);
        dev.napis.add(napi);
        if (napi.config != null) {
            napiRestoreConfig(napi);
        } else if (profile.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD)) {
            napiHash.add(napi);
        }
        threaded.napiAdded(napi);
        // the id after the call, as `stap -e 'probe kernel.function("netif_napi_add").return'` prints it
        trace.hit(io.netmodel.core.Tracepoints.NETIF_NAPI_ADD, 0, "dev", dev.name, "weight", weight,
            "napi_id", napi.napiId);
        return napi;
    }

    /** {@code napi_restore_config}: settings, then the kept id or a new one (kept from now on). */
    private void napiRestoreConfig(NapiImpl napi) {
        NapiConfig c = napi.config;
        napi.deferHardIrqs = c.deferHardIrqs;
        napi.groFlushTimeout = c.groFlushTimeout;
        napi.irqSuspendTimeout = c.irqSuspendTimeout;
        if (c.napiId != 0) {
            napiHash.addWithId(napi, c.napiId);
        } else {
            napiHash.add(napi);
            c.napiId = napi.napiId;
        }
    }

    /** {@code napi_save_config} (from {@code napi_disable}): the settings and id into the entry. */
    private static void napiSaveConfig(NapiImpl napi) {
        NapiConfig c = napi.config;
        c.deferHardIrqs = napi.deferHardIrqs;
        c.groFlushTimeout = napi.groFlushTimeout;
        c.irqSuspendTimeout = napi.irqSuspendTimeout;
        c.napiId = napi.napiId;
    }

    /** {@code napi_hash_add}. */
    public void napiHashAdd(NapiImpl napi) {
        napiHash.add(napi);
        trace.hit(io.netmodel.core.Tracepoints.NAPI_HASH_ADD, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
    }

    /**
     * {@code napi_disable} + {@code netif_napi_del}: a NAPI with a config saves into it first; the
     * kthread stops, the id leaves the hash, queues pointing at the NAPI lose it. Deleting one that
     * is already gone does nothing.
     */
    public void napiDel(NapiImpl napi) {
        NetDeviceImpl owner = (NetDeviceImpl) napi.dev();
        if (!owner.napis.contains(napi)) {
            return;
        }
        trace.hit(io.netmodel.core.Tracepoints.NETIF_NAPI_DEL, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
        if (napi.config != null) {
            napiSaveConfig(napi);
        }
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
