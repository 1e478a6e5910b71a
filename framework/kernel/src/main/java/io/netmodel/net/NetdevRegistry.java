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
    private java.util.function.Consumer<String> log = line -> { };

    /** Where a driver op that throws is reported ({@code printk}). */
    public void setLog(java.util.function.Consumer<String> printk) {
        this.log = printk;
    }

    /** Where an up reads {@code net.core.default_qdisc} from. */
    public void setDefaultQdisc(java.util.function.Supplier<String> source) {
        this.defaultQdisc = source;
    }

    /** Where a new rx queue finds {@code net.core.rps_default_mask} (6.3+). */
    public void setRpsDefaultMask(java.util.function.Supplier<java.util.BitSet> source) {
        queues.setRpsDefaultMask(source);
    }

    /**
     * {@code register_netdev}: name from the pattern, next ifindex, files. The device stays down:
     * whoever registers it brings it up ({@link #devOpen}), as ifup does after the driver's probe.
     */
    public void register(NetDeviceImpl dev) {
        if (dev.alive) {
            throw new IllegalStateException(dev.name + " is already registered");
        }
        if (dev.name.contains("%d")) {
            dev.name = dev.name.replace("%d", Integer.toString(firstFreeUnit(dev.name)));
        }
        dev.ifindex = ++lastIfindex;
        byIfindex.put(dev.ifindex, dev);
        if (dev.addrAssignType == 0) { // register_netdevice: NET_ADDR_PERM
            dev.permAddr = dev.address.clone();
        }
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
        dev.log = log;
        trace.hit(io.netmodel.core.Tracepoints.REGISTER_NETDEV, 0, "dev", dev.name, "ifindex", dev.ifindex);
    }

    /**
     * {@code dev_open}: {@code __dev_open} with the driver's {@code ndo_open}; 0, or the negative
     * errno it failed with (the device stays down).
     */
    public int devOpen(NetDeviceImpl dev) {
        return dev.open();
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
     * {@code netif_napi_add}: from 4.5 to 6.12 the core hashes the NAPI itself (an id at once);
     * before, the id stays 0 unless the driver calls {@code napi_hash_add}; from 6.13 the id comes
     * with {@link #napiEnable} (86e25f40aa1e moved {@code napi_hash_add} there). The NAPI starts
     * disabled ({@code NAPI_STATE_SCHED}), as Linux's does; on a device whose driver installed no
     * {@code net_device_ops} (a driver of API 1.2) the core enables it here, which is what the
     * model's add did before drivers had {@code ndo_open}.
     */
    public NapiImpl napiAdd(NetDeviceImpl dev, NapiPoll poll, int weight) {
        return napiAdd(dev, poll, weight, -1);
    }

    /**
     * {@code netif_napi_add_config(dev, napi, poll, index)} (6.13, {@code Behaviour.NAPI_CONFIG}):
     * the NAPI takes entry {@code index} of {@code dev->napi_config}, whose id and settings
     * {@link #napiEnable} restores. {@code index} -1 is a plain {@code netif_napi_add}.
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
        if (profile.has(Behaviour.NAPI_HASH_IN_NETIF_NAPI_ADD) && !profile.has(Behaviour.NAPI_CONFIG)) {
            napiHashAdd(napi);
        }
        if (dev.netdevOps() == null) {
            napiEnable(napi); // before the kthread, which is named with the id at creation, as before
        }
        // a threaded device's new NAPI gets its kthread here, named "napi/<dev>-<napi_id>" with the id
        // it has now: from 6.13, for a driver that enables later, that is 0 (napi_kthread_create)
        threaded.napiAdded(napi);
        // the id after the call, as `stap -e 'probe kernel.function("netif_napi_add").return'` prints it
        trace.hit(io.netmodel.core.Tracepoints.NETIF_NAPI_ADD, 0, "dev", dev.name, "weight", weight,
            "napi_id", napi.napiId);
        return napi;
    }

    /**
     * {@code napi_enable}: from 6.13 the id is given here, {@code napi_restore_config} for a NAPI
     * with a config (the kept id, or a new one the config then keeps), else {@code napi_hash_add}
     * (a new id every time); before 6.13 the id is the one {@code netif_napi_add} gave.
     *
     * @throws IllegalStateException the NAPI is enabled already ({@code BUG_ON} in Linux) or deleted
     */
    public void napiEnable(NapiImpl napi) {
        NetDeviceImpl dev = (NetDeviceImpl) napi.dev();
        if (!dev.napis.contains(napi)) {
            throw new IllegalStateException("napi_enable of a NAPI that was deleted");
        }
        if (napi.enabled) {
            throw new IllegalStateException("napi_enable of an enabled NAPI (" + napi.napiId + ")");
        }
        if (profile.has(Behaviour.NAPI_CONFIG)) {
            if (napi.config != null) {
                napiRestoreConfig(napi);
            } else {
                napiHashAdd(napi);
            }
        }
        napi.enabled = true;
        trace.hit(io.netmodel.core.Tracepoints.NAPI_ENABLE, 0, "dev", dev.name, "napi_id", napi.napiId);
    }

    /**
     * {@code napi_disable}: from 6.13 the id leaves the hash ({@code napi_save_config} for a NAPI
     * with a config, else {@code napi_hash_del}); {@code napi->napi_id} keeps the stale number, as
     * in Linux. Before 6.13 the NAPI stays hashed.
     *
     * @throws IllegalStateException the NAPI is not enabled (Linux would wait forever)
     */
    public void napiDisable(NapiImpl napi) {
        if (!napi.enabled) {
            throw new IllegalStateException("napi_disable of a disabled NAPI (" + napi.napiId + ")");
        }
        trace.hit(io.netmodel.core.Tracepoints.NAPI_DISABLE, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
        if (profile.has(Behaviour.NAPI_CONFIG)) {
            if (napi.config != null) {
                napiSaveConfig(napi);
            } else {
                napiHash.del(napi);
            }
        }
        napi.enabled = false;
    }

    /**
     * {@code napi_restore_config}: settings, then the kept id ({@code napi_hash_add_with_id}) or a
     * new one the entry keeps from now on; from 6.17 the kept threaded mode.
     */
    private void napiRestoreConfig(NapiImpl napi) {
        NapiConfig c = napi.config;
        napi.deferHardIrqs = c.deferHardIrqs;
        napi.groFlushTimeout = c.groFlushTimeout;
        napi.irqSuspendTimeout = c.irqSuspendTimeout;
        if (c.napiId != 0) {
            napiHash.addWithId(napi, c.napiId);
        } else {
            napiHashAdd(napi);
            c.napiId = napi.napiId;
        }
        threaded.configRestored(napi);
    }

    /** {@code napi_save_config} (from {@code napi_disable}): the settings and id into the entry, then {@code napi_hash_del}. */
    private void napiSaveConfig(NapiImpl napi) {
        NapiConfig c = napi.config;
        c.deferHardIrqs = napi.deferHardIrqs;
        c.groFlushTimeout = napi.groFlushTimeout;
        c.irqSuspendTimeout = napi.irqSuspendTimeout;
        c.napiId = napi.napiId;
        napiHash.del(napi);
    }

    /** {@code napi_hash_add}: fires its probe when an id is given. */
    public void napiHashAdd(NapiImpl napi) {
        if (napiHash.hashed(napi)) {
            return;
        }
        napiHash.add(napi);
        trace.hit(io.netmodel.core.Tracepoints.NAPI_HASH_ADD, 0, "dev", napi.dev().name(), "napi_id", napi.napiId);
    }

    /**
     * {@code netif_napi_del}, after {@code napi_disable} when the driver left the NAPI enabled (a
     * NAPI with a config saves into it there): the kthread stops, the id leaves the hash (before
     * 6.13; from 6.13 {@code napi_disable} took it out), queues pointing at the NAPI lose it.
     * Deleting one that is already gone does nothing.
     */
    public void napiDel(NapiImpl napi) {
        NetDeviceImpl owner = (NetDeviceImpl) napi.dev();
        if (!owner.napis.contains(napi)) {
            return;
        }
        if (napi.enabled) {
            napiDisable(napi);
        }
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

    /** The kernel version profile the devices behave by. */
    public KernelProfile profile() {
        return profile;
    }
}
