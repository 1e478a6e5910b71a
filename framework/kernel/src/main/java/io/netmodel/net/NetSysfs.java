package io.netmodel.net;

import static io.netmodel.kobj.Kstrtox.kstrtoul;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.kobj.Attr;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.Uevent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sys/class/net/<dev>/}: the attribute table of {@code net/core/net-sysfs.c}, with its
 * three store paths ({@code netdev_store}, {@code netdev_lock_store}, the carrier exception)
 * and their check order: capability, parse, lock, alive, setter
 * ({@code shared/reference/kernel-interfaces.md} §2).
 */
public final class NetSysfs {

    /**
     * {@code phys_port_name}: from 6.16 in the {@code netdev_phys_group}, whose
     * {@code netdev_phys_is_visible} shows it only when the driver has
     * {@code ndo_get_phys_port_name} (or devlink port ops). The modelled drivers' hook answers
     * EOPNOTSUPP ({@code dev_get_phys_port_name}), as virtio does without failover
     * (kernel-interfaces.md §2.1).
     */
    private static final Attr<NetDeviceImpl> PHYS_PORT_NAME = Attr.ro("phys_port_name", show(d -> {
        throw new VfsException(Errno.EOPNOTSUPP);
    })).since(Behaviour.PHYS_PORT_NAME);

    /**
     * Before 6.16 every netdev has {@code phys_port_id}, {@code phys_port_name} and
     * {@code phys_switch_id}; without the driver's hook ({@code ndo_get_phys_port_id},
     * {@code ndo_get_phys_port_name}, switchdev's port attribute) a read is EOPNOTSUPP. No modelled
     * driver has a port id or a switch id, so from 6.16 those two are never shown.
     */
    private static final List<Attr<NetDeviceImpl>> PHYS_BEFORE_GROUP = List.of(
        Attr.<NetDeviceImpl>ro("phys_port_id", show(d -> {
            throw new VfsException(Errno.EOPNOTSUPP);
        })).since(Behaviour.PHYS_PORT_ID),
        PHYS_PORT_NAME,
        Attr.<NetDeviceImpl>ro("phys_switch_id", show(d -> {
            throw new VfsException(Errno.EOPNOTSUPP);
        })).since(Behaviour.PHYS_SWITCH_ID));

    /** A validated setter behind {@code netdev_store}. */
    @FunctionalInterface
    interface Setter {
        void set(NetDeviceImpl dev, long value) throws VfsException;
    }

    private final KernelProfile profile;
    private final ThreadedNapi threadedNapi;
    private final List<Attr<NetDeviceImpl>> table;

    public NetSysfs(KernelProfile profile, ThreadedNapi threadedNapi) {
        this.profile = profile;
        this.threadedNapi = threadedNapi;
        this.table = table();
    }

    /** Creates the device's files in {@code dir}. */
    public void populate(KDir dir, NetDeviceImpl dev) {
        Attr.populate(dir, dev, table, profile, KAttr.Flavor.SYSFS);
        if (!profile.has(Behaviour.NETDEV_PHYS_GROUP)) {
            Attr.populate(dir, dev, PHYS_BEFORE_GROUP, profile, KAttr.Flavor.SYSFS);
        } else if (dev.ndoGetPhysPortName) {
            Attr.populate(dir, dev, List.of(PHYS_PORT_NAME), profile, KAttr.Flavor.SYSFS);
        }
        dev.power.populate(dir, profile);
        KDir statistics = dir.dir("statistics");
        List<Attr<NetDeviceImpl>> stats = new ArrayList<>();
        for (int i = 0; i < NetStats.NAMES.length; i++) {
            int index = i;
            stats.add(Attr.ro(NetStats.NAMES[i], show(d -> Long.toUnsignedString(d.stats.get(index)) + "\n")));
        }
        Attr.populate(statistics, dev, stats, profile, KAttr.Flavor.SYSFS);
    }

    private List<Attr<NetDeviceImpl>> table() {
        return List.of(
            Attr.ro("addr_assign_type", show(d -> d.addrAssignType + "\n")),
            Attr.ro("addr_len", show(d -> d.address.length + "\n")),
            Attr.ro("address", show(d -> mac(d.address))),
            Attr.ro("broadcast", show(d -> mac(d.broadcast))),
            Attr.rw("carrier", show(NetSysfs::carrier), NetSysfs::storeCarrier),
            Attr.ro("carrier_changes", show(d -> (d.carrierUpCount + d.carrierDownCount) + "\n"))
                .since(Behaviour.SYSFS_CARRIER_CHANGES),
            Attr.ro("carrier_down_count", show(d -> d.carrierDownCount + "\n")).since(Behaviour.CARRIER_UP_DOWN_COUNT),
            Attr.ro("carrier_up_count", show(d -> d.carrierUpCount + "\n")).since(Behaviour.CARRIER_UP_DOWN_COUNT),
            Attr.ro("dev_id", show(d -> "0x0\n")),
            Attr.ro("dev_port", show(d -> "0\n")).since(Behaviour.SYSFS_DEV_PORT),
            Attr.ro("dormant", show(d -> running(d, "0\n"))),
            Attr.ro("duplex", show(d -> linkKsettings(d, d.speed == NetDeviceImpl.SPEED_UNKNOWN ? "unknown\n" : "full\n"))),
            Attr.rw("flags", show(d -> String.format("%#x", d.flags) + "\n"), netdevStore(NetSysfs::changeFlags)),
            Attr.rw("gro_flush_timeout", show(d -> Long.toUnsignedString(d.groFlushTimeout) + "\n"),
                lockStore((d, v) -> {
                    d.setGroFlushTimeout(v);
                })).since(Behaviour.GRO_FLUSH_TIMEOUT),
            Attr.rw("ifalias", show(NetSysfs::ifalias), NetSysfs::storeIfalias),
            Attr.ro("ifindex", show(d -> d.ifindex + "\n")),
            Attr.ro("iflink", show(d -> d.ifindex + "\n")),
            Attr.ro("link_mode", show(d -> "0\n")),
            Attr.rw("mtu", show(d -> d.mtu + "\n"), netdevStore(NetSysfs::setMtu)),
            Attr.ro("name_assign_type", show(NetSysfs::nameAssignType)).since(Behaviour.SYSFS_NAME_ASSIGN_TYPE),
            Attr.rw("napi_defer_hard_irqs", show(d -> Integer.toUnsignedString(d.napiDeferHardIrqs) + "\n"),
                lockStore((d, v) -> {
                    if (Long.compareUnsigned(v, Integer.MAX_VALUE) > 0) {
                        throw new VfsException(Errno.ERANGE);
                    }
                    d.setDeferHardIrqs((int) v);
                })).since(Behaviour.NAPI_DEFER_HARD_IRQS),
            Attr.rw("netdev_group", show(d -> d.netdevGroup + "\n"), netdevStore((d, v) -> d.netdevGroup = (int) v)),
            Attr.ro("operstate", show(NetSysfs::operstate)),
            Attr.rw("proto_down", show(d -> "0\n"), netdevStore((d, v) -> {
                throw new VfsException(Errno.EOPNOTSUPP);
            })).since(Behaviour.SYSFS_PROTO_DOWN),
            Attr.ro("speed", show(d -> linkKsettings(d, d.speed + "\n"))),
            Attr.ro("testing", show(d -> running(d, "0\n"))).since(Behaviour.SYSFS_TESTING),
            Attr.rw("threaded", show(d -> (d.threaded ? 1 : 0) + "\n"), this::storeThreaded)
                .since(Behaviour.THREADED_NAPI),
            Attr.rw("tx_queue_len", show(d -> d.txQueueLen + "\n"), netdevStore((d, v) -> {
                if (v != (v & 0xFFFF_FFFFL)) {
                    throw new VfsException(Errno.ERANGE);
                }
                d.txQueueLen = (int) v;
            })),
            Attr.ro("type", show(d -> d.type + "\n")),
            Attr.rw("uevent", show(d -> "INTERFACE=" + d.name + "\nIFINDEX=" + d.ifindex + "\n"), (d, data, caller) -> Uevent.synth(data)));
    }

    /** {@code netdev_show}: a device being unregistered reads as EINVAL. */
    private static Attr.Show<NetDeviceImpl> show(Attr.Show<NetDeviceImpl> inner) {
        return d -> {
            if (!d.alive) {
                throw new VfsException(Errno.EINVAL);
            }
            return inner.show(d);
        };
    }

    /**
     * {@code netdev_store}: CAP_NET_ADMIN (EPERM), {@code kstrtoul} (EINVAL/ERANGE), RTNL,
     * alive check (ENODEV from 6.15, a zero-byte write before), then the setter.
     */
    private Attr.Store<NetDeviceImpl> netdevStore(Setter setter) {
        return (dev, data, caller) -> {
            requireNetAdmin(caller);
            long value = kstrtoul(data);
            if (!dev.alive) {
                if (profile.has(Behaviour.SYSFS_RTNL_LOCK)) {
                    throw new VfsException(Errno.ENODEV);
                }
                return 0;
            }
            setter.set(dev, value);
            return data.length;
        };
    }

    /** {@code netdev_lock_store}: like netdev_store, but a dead device is a silent zero-byte write. */
    private static Attr.Store<NetDeviceImpl> lockStore(Setter setter) {
        return (dev, data, caller) -> {
            requireNetAdmin(caller);
            long value = kstrtoul(data);
            if (!dev.alive) {
                return 0;
            }
            setter.set(dev, value);
            return data.length;
        };
    }

    /** {@code capable(CAP_NET_ADMIN)} (modelled as uid 0), else EPERM; shared with {@link QueueSysfs}. */
    static void requireNetAdmin(Caller caller) throws VfsException {
        if (!caller.hasNetAdmin()) {
            throw new VfsException(Errno.EPERM);
        }
    }

    /** {@code dev_set_mtu}: the value is cast to int, then checked against min/max. */
    private static void setMtu(NetDeviceImpl d, long value) throws VfsException {
        int mtu = (int) value;
        if (mtu == d.mtu) {
            return;
        }
        if (mtu < 0 || mtu < d.minMtu) {
            throw new VfsException(Errno.EINVAL);
        }
        if (d.maxMtu > 0 && mtu > d.maxMtu) {
            throw new VfsException(Errno.EINVAL);
        }
        d.mtu = mtu;
    }

    /**
     * {@code dev_change_flags}: soft bits as given, UP opens/closes, PROMISC/ALLMULTI as requested.
     * An open the driver refuses fails the write with its errno; the soft bits stay changed, as
     * {@code __dev_change_flags} sets them before {@code __dev_open}.
     */
    private static void changeFlags(NetDeviceImpl d, long value) throws VfsException {
        int requested = (int) value;
        int kept = d.flags & ~(NetDeviceImpl.USER_FLAGS | NetDeviceImpl.IFF_UP
            | NetDeviceImpl.IFF_PROMISC | NetDeviceImpl.IFF_ALLMULTI);
        int soft = requested & (NetDeviceImpl.USER_FLAGS | NetDeviceImpl.IFF_PROMISC | NetDeviceImpl.IFF_ALLMULTI);
        int up = d.flags & NetDeviceImpl.IFF_UP;
        d.flags = kept | soft | up;
        if ((requested & NetDeviceImpl.IFF_UP) != 0) {
            int err = d.open();
            if (err != 0) {
                throw new VfsException(-err);
            }
        } else {
            d.close();
        }
    }

    /** {@code carrier_store}: EOPNOTSUPP without {@code ndo_change_carrier}, before any other check. */
    private static int storeCarrier(NetDeviceImpl d, byte[] data, Caller caller) throws VfsException {
        throw new VfsException(Errno.EOPNOTSUPP);
    }

    /**
     * {@code ifalias_store}: ns capability, one trailing newline dropped, then
     * {@code dev_set_alias} keeps the rest byte for byte ({@code memcpy}); 256 bytes and more
     * (IFALIASZ) is EINVAL, nothing at all clears the alias.
     */
    private static int storeIfalias(NetDeviceImpl d, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        int len = data.length;
        if (len > 0 && data[len - 1] == '\n') {
            len--;
        }
        if (len >= 256) {
            throw new VfsException(Errno.EINVAL);
        }
        if (d.alive) {
            d.ifalias = new String(data, 0, len, StandardCharsets.ISO_8859_1);
        }
        return data.length;
    }

    /**
     * {@code ifalias_show}: {@code "%s\n"} of the stored bytes (up to a NUL), or nothing at
     * all when no alias is set.
     */
    private static String ifalias(NetDeviceImpl d) {
        int nul = d.ifalias.indexOf('\0');
        String alias = nul < 0 ? d.ifalias : d.ifalias.substring(0, nul);
        return alias.isEmpty() ? "" : alias + "\n";
    }

    /**
     * {@code threaded_store}: ns capability, parse, no NAPI or a value other than 0/1 gives
     * EOPNOTSUPP (not EINVAL); then {@code netif_set_threaded}, which starts or stops the
     * NAPIs' kthreads ({@link ThreadedNapi}).
     */
    private int storeThreaded(NetDeviceImpl d, byte[] data, Caller caller) throws VfsException {
        requireNetAdmin(caller);
        long value = kstrtoul(data);
        if (!d.alive) {
            return 0;
        }
        if (d.napis.isEmpty() || (value != 0 && value != 1)) {
            throw new VfsException(Errno.EOPNOTSUPP);
        }
        threadedNapi.netifSetThreaded(d, value == 1);
        return data.length;
    }

    private static String carrier(NetDeviceImpl d) throws VfsException {
        if (!d.isUp()) {
            throw new VfsException(Errno.EINVAL);
        }
        return (d.carrier ? 1 : 0) + "\n";
    }

    private static String running(NetDeviceImpl d, String value) throws VfsException {
        if (!d.isUp()) {
            throw new VfsException(Errno.EINVAL);
        }
        return value;
    }

    /** {@code speed}/{@code duplex}: EINVAL without {@code get_link_ksettings} or when down. */
    private static String linkKsettings(NetDeviceImpl d, String value) throws VfsException {
        if (!d.hasLinkKsettings || !d.isUp()) {
            throw new VfsException(Errno.EINVAL);
        }
        return value;
    }

    private static String nameAssignType(NetDeviceImpl d) throws VfsException {
        if (d.nameAssignType == 0) {
            throw new VfsException(Errno.EINVAL);
        }
        return d.nameAssignType + "\n";
    }

    /** {@code operstate_show}: the RFC 2863 state name, lower case. */
    static String operstate(NetDeviceImpl d) {
        if (!d.isUp()) {
            return "down\n";
        }
        if (d.type == NetDeviceImpl.ARPHRD_LOOPBACK) {
            return "unknown\n";
        }
        return d.carrier ? "up\n" : "lowerlayerdown\n";
    }

    static String mac(byte[] addr) {
        StringBuilder sb = new StringBuilder(18);
        for (int i = 0; i < addr.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", addr[i] & 0xff));
        }
        return sb.append('\n').toString();
    }
}
