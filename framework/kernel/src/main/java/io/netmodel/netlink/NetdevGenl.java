package io.netmodel.netlink;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.netlink.Extack;
import io.netmodel.api.netlink.NetlinkException;
import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.api.vfs.Errno;
import io.netmodel.net.NapiHash;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import io.netmodel.net.NetdevRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handlers of {@code net/core/netdev-genl.c}: {@code dev-get}, {@code queue-get},
 * {@code napi-get} (do and dump), {@code napi-set} and the {@code qstats-get} dump
 * ({@link NetdevQstats}), with their errors and reply layouts per
 * release. Model-thread only: the caller holds the model lock.
 */
final class NetdevGenl {
    private final KernelProfile profile;
    private final NetdevRegistry netdevs;
    private final NetdevQstats qstats;

    NetdevGenl(KernelProfile profile, NetdevRegistry netdevs) {
        this.profile = profile;
        this.netdevs = netdevs;
        this.qstats = new NetdevQstats(netdevs);
    }

    Map<String, Object> doit(String op, Map<String, Long> request) throws NetlinkException {
        NlOp policy = NetdevPolicy.doPolicy(op, profile);
        if (policy == null) {
            throw new NetlinkException(Errno.EOPNOTSUPP, Extack.NONE); // genl_get_cmd finds no op
        }
        Map<String, Long> attrs = policy.validate(request);
        switch (op) {
            case "dev-get":
                return devGet(attrs);
            case "queue-get":
                return queueGet(attrs);
            case "napi-get":
                return napiGet(attrs);
            case "napi-set":
                napiSet(attrs);
                return null;
            default:
                throw new IllegalStateException(op);
        }
    }

    List<Map<String, Object>> dumpit(String op, Map<String, Long> request) throws NetlinkException {
        NlOp policy = NetdevPolicy.dumpPolicy(op, profile);
        if (policy == null) {
            throw new NetlinkException(Errno.EOPNOTSUPP, Extack.NONE);
        }
        Map<String, Long> attrs = policy.validate(request);
        if (op.equals("qstats-get")) {
            return qstats.dumpit(attrs);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<NetDeviceImpl> devs = netdevs.devices();
        Long ifindex = attrs.get("ifindex");
        if (ifindex != null && ifindex != 0) {
            NetDeviceImpl d = netdevs.byIfindex(ifindex.intValue());
            if (d == null) {
                throw new NetlinkException(Errno.ENODEV, Extack.NONE);
            }
            devs = List.of(d);
        }
        for (NetDeviceImpl d : devs) {
            switch (op) {
                case "dev-get":
                    out.add(devFill(d));
                    break;
                case "queue-get":
                    if (d.isUp()) {
                        for (int i = 0; i < d.realNumRxQueues(); i++) {
                            out.add(queueFill(d, i, 0));
                        }
                        for (int i = 0; i < d.realNumTxQueues(); i++) {
                            out.add(queueFill(d, i, 1));
                        }
                    }
                    break;
                case "napi-get":
                    if (d.isUp()) {
                        for (NapiImpl n : napisDescending(d)) {
                            out.add(napiFill(n));
                        }
                    }
                    break;
                default:
                    throw new IllegalStateException(op);
            }
        }
        return out;
    }

    /** {@code netdev_nl_dev_get_doit}: ENODEV for an unknown ifindex. */
    private Map<String, Object> devGet(Map<String, Long> attrs) throws NetlinkException {
        long ifindex = NlOp.require(attrs, "ifindex");
        NetDeviceImpl d = netdevs.byIfindex((int) ifindex);
        if (d == null) {
            throw new NetlinkException(Errno.ENODEV, Extack.NONE);
        }
        return devFill(d);
    }

    /**
     * {@code netdev_nl_dev_fill}: ifindex and the three feature masks. The model's drivers
     * declare no XDP or AF_XDP features, so the masks are 0 and {@code xdp-zc-max-segs}
     * (only with {@code NETDEV_XDP_ACT_XSK_ZEROCOPY}) is absent.
     */
    private static Map<String, Object> devFill(NetDeviceImpl d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ifindex", (long) d.ifindex());
        m.put("xdp-features", 0L);
        m.put("xdp-rx-metadata-features", 0L);
        m.put("xsk-features", 0L);
        return m;
    }

    /**
     * {@code netdev_nl_queue_get_doit}: id, type and ifindex required (EINVAL, checked in that
     * order); unknown ifindex ENODEV; a device that is down ENOENT; an id at or above the real
     * queue count EINVAL.
     */
    private Map<String, Object> queueGet(Map<String, Long> attrs) throws NetlinkException {
        long id = NlOp.require(attrs, "id");
        long type = NlOp.require(attrs, "type");
        long ifindex = NlOp.require(attrs, "ifindex");
        NetDeviceImpl d = netdevs.byIfindex((int) ifindex);
        if (d == null) {
            throw new NetlinkException(Errno.ENODEV, Extack.NONE);
        }
        if (!d.isUp()) {
            throw new NetlinkException(Errno.ENOENT, Extack.NONE);
        }
        long count = type == 0 ? d.realNumRxQueues() : d.realNumTxQueues();
        if (id >= count) {
            throw new NetlinkException(Errno.EINVAL, Extack.NONE);
        }
        return queueFill(d, (int) id, (int) type);
    }

    /** {@code netdev_nl_queue_fill_one}: id, type, ifindex, then napi-id when linked to a hashed NAPI. */
    private static Map<String, Object> queueFill(NetDeviceImpl d, int id, int type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", (long) id);
        m.put("type", (long) type);
        m.put("ifindex", (long) d.ifindex());
        NapiImpl napi = type == 0 ? d.rxQueues().get(id).napi() : d.txQueues().get(id).napi();
        if (napi != null && napiIdValid(napi.napiId())) {
            m.put("napi-id", (long) napi.napiId());
        }
        return m;
    }

    /**
     * {@code netdev_nl_napi_get_doit}: an unknown id is ENOENT pointing at {@code id}; a NAPI
     * of a device that is down fills nothing, which is ENOENT without the pointer.
     */
    private Map<String, Object> napiGet(Map<String, Long> attrs) throws NetlinkException {
        long id = NlOp.require(attrs, "id");
        NapiImpl napi = napiById(id);
        if (napi == null) {
            throw new NetlinkException(Errno.ENOENT, new Extack(null, "id", null, null));
        }
        if (!((NetDeviceImpl) napi.dev()).isUp()) {
            throw new NetlinkException(Errno.ENOENT, Extack.NONE);
        }
        return napiFill(napi);
    }

    /**
     * {@code netdev_nl_napi_fill_one}: id, ifindex, irq (when set), threaded (6.17+), pid (when
     * the NAPI has a kthread), then defer-hard-irqs, irq-suspend-timeout, gro-flush-timeout
     * (6.13+).
     */
    private Map<String, Object> napiFill(NapiImpl n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", (long) n.napiId());
        m.put("ifindex", (long) n.dev().ifindex());
        if (n.irq() >= 0) {
            m.put("irq", (long) n.irq());
        }
        if (profile.has(Behaviour.NAPI_THREADED_NETLINK)) {
            m.put("threaded", (long) n.threaded().value());
        }
        if (n.thread() != null) {
            m.put("pid", (long) n.thread().pid());
        }
        if (profile.has(Behaviour.PER_NAPI_NETLINK_CONFIG)) {
            m.put("defer-hard-irqs", Integer.toUnsignedLong(n.deferHardIrqs()));
            m.put("irq-suspend-timeout", n.irqSuspendTimeout());
            m.put("gro-flush-timeout", n.groFlushTimeout());
        }
        return m;
    }

    /**
     * {@code netdev_nl_napi_set_doit} / {@code netdev_nl_napi_set_config}: ENOENT pointing at
     * {@code id} for an unknown NAPI; threaded first ({@code napi_set_threaded}), then
     * defer-hard-irqs, irq-suspend-timeout, gro-flush-timeout, on this NAPI only (the
     * device's sysfs values stay).
     */
    private void napiSet(Map<String, Long> attrs) throws NetlinkException {
        long id = NlOp.require(attrs, "id");
        NapiImpl napi = napiById(id);
        if (napi == null) {
            throw new NetlinkException(Errno.ENOENT, new Extack(null, "id", null, null));
        }
        Long threaded = attrs.get("threaded");
        if (threaded != null) {
            netdevs.threaded().napiSetThreaded(napi, NapiThreaded.values()[threaded.intValue()]);
        }
        Long defer = attrs.get("defer-hard-irqs");
        Long suspend = attrs.get("irq-suspend-timeout");
        Long gro = attrs.get("gro-flush-timeout");
        netdevs.napiSetConfig(napi, defer, suspend, gro);
    }

    /** {@code netdev_napi_by_id_lock}: a hashed NAPI of a registered device. */
    private NapiImpl napiById(long id) {
        if (id <= 0 || id > Integer.MAX_VALUE) {
            return null;
        }
        NapiImpl napi = netdevs.napiHash().byId((int) id);
        return napi != null && ((NetDeviceImpl) napi.dev()).alive() ? napi : null;
    }

    /** {@code napi_id_valid}: at or above {@code MIN_NAPI_ID} (NR_CPUS + 1). */
    private static boolean napiIdValid(int id) {
        return id >= NapiHash.NR_CPUS + 1;
    }

    private static List<NapiImpl> napisDescending(NetDeviceImpl d) {
        List<NapiImpl> list = new ArrayList<>();
        for (NapiImpl n : d.napis()) {
            if (napiIdValid(n.napiId())) {
                list.add(n);
            }
        }
        list.sort(Comparator.comparingInt(NapiImpl::napiId).reversed());
        return list;
    }
}
