package io.netmodel.net;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.Channels;
import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.Drvinfo;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.EthtoolService;
import io.netmodel.api.ethtool.EthtoolStat;
import io.netmodel.api.ethtool.Features;
import io.netmodel.api.ethtool.LinkKsettings;
import io.netmodel.api.ethtool.NetdevFeature;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.api.ethtool.Ringparam;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.api.ethtool.TsInfo;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.ModelLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ethtool core ({@code net/ethtool/}): looks the device up, checks that the driver has the
 * op, validates the request the way the netlink handlers do (one file per message:
 * {@link EthtoolRings}, {@link EthtoolChannels}, {@link EthtoolCoalesce}, {@link EthtoolFeatures}),
 * then calls the driver's {@link EthtoolOps}. Each call holds the model lock (the kernel's
 * {@code rtnl_lock}). A set that fails changes nothing: validation happens before the driver is
 * called, and drivers validate before they apply.
 */
public final class EthtoolCore implements EthtoolService {
    private final ModelLock lock;
    private final NetdevRegistry netdevs;
    private final String utsRelease;

    /** {@code utsRelease}: {@code UTS_RELEASE}, the version a driver without its own reports. */
    public EthtoolCore(ModelLock lock, NetdevRegistry netdevs, String utsRelease) {
        this.lock = lock;
        this.netdevs = netdevs;
        this.utsRelease = utsRelease;
    }

    /** {@code ethnl_parse_header_dev_get}: ENODEV "no device matches name". */
    private NetDeviceImpl dev(String ifname) throws EthtoolException {
        NetDeviceImpl dev = ifname == null ? null : netdevs.byName(ifname);
        if (dev == null) {
            throw new EthtoolException(Errno.ENODEV, "no device matches name", EthtoolException.DEV_NAME);
        }
        return dev;
    }

    @Override
    public Drvinfo getDrvinfo(String ifname) throws EthtoolException {
        return lock.call(() -> drvinfo(dev(ifname)));
    }

    /**
     * {@code ethtool_get_drvinfo} ({@code net/ethtool/ioctl.c}, checked against the 6.1-era
     * source and the patch that added the parent fallbacks inside the {@code get_drvinfo} branch):
     * the version starts as {@code UTS_RELEASE} and the driver's {@code get_drvinfo} may overwrite
     * it (Leon Romanovsky's patch of January 2020, so from 5.6, inferred; before, an empty version
     * stayed empty, but every modelled driver fills its own on those releases); an empty bus_info or driver becomes the parent device's name or its driver's name.
     * Without {@code get_drvinfo} (the op absent, as idpf's) the parent's name and its driver's name
     * are used; a device with neither (lo) answers EOPNOTSUPP. The counts come from the string-set
     * and length ops.
     */
    Drvinfo drvinfo(NetDeviceImpl dev) throws EthtoolException {
        EthtoolOps ops = dev.ethtoolOps();
        String parent = dev.parentPath == null ? "" : dev.parentPath.substring(dev.parentPath.lastIndexOf('/') + 1);
        Drvinfo d;
        try {
            d = ops.getDrvinfo();
        } catch (EthtoolException e) {
            if (!e.opAbsent() || dev.parentPath == null || dev.parentDriver == null) {
                throw e;
            }
            d = Drvinfo.of(dev.parentDriver, "", "", parent);
        }
        String bus = d.busInfo().isEmpty() ? parent : d.busInfo();
        String driver = d.driver().isEmpty() && dev.parentDriver != null ? dev.parentDriver : d.driver();
        return new Drvinfo(driver, d.version().isEmpty() ? utsRelease : d.version(), d.fwVersion(), d.eromVersion(), bus,
            count(ops::getStringsPrivFlags), count(ops::getStringsStats), count(ops::getStringsTest),
            length(ops::getEepromLen), length(ops::getRegsLen));
    }

    private interface StringsOp {
        List<String> get() throws EthtoolException;
    }

    private interface LenOp {
        int get() throws EthtoolException;
    }

    private static int count(StringsOp op) throws EthtoolException {
        try {
            return op.get().size();
        } catch (EthtoolException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return 0;
            }
            throw e;
        }
    }

    private static int length(LenOp op) throws EthtoolException {
        try {
            return Math.max(0, op.get());
        } catch (EthtoolException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public boolean getLink(String ifname) throws EthtoolException {
        return lock.call(() -> {
            NetDeviceImpl dev = dev(ifname);
            try {
                return dev.ethtoolOps().getLink();
            } catch (EthtoolException e) {
                if (e.errno() != Errno.EOPNOTSUPP) {
                    throw e;
                }
                return dev.carrier && (dev.flags & NetDeviceImpl.IFF_UP) != 0; // ethtool_op_get_link
            }
        });
    }

    @Override
    public byte[] getPermAddr(String ifname) throws EthtoolException {
        return lock.call(() -> {
            byte[] perm = dev(ifname).permAddr;
            for (byte b : perm) {
                if (b != 0) {
                    return perm.clone(); // rtnl_fill_ifinfo: only when memchr_inv(perm_addr, 0, addr_len)
                }
            }
            return null;
        });
    }

    @Override
    public LinkKsettings getLinkKsettings(String ifname) throws EthtoolException {
        return lock.call(() -> dev(ifname).ethtoolOps().getLinkKsettings());
    }

    @Override
    public Ringparam getRingparam(String ifname) throws EthtoolException {
        return lock.call(() -> dev(ifname).ethtoolOps().getRingparam());
    }

    @Override
    public Ringparam setRingparam(String ifname, Map<RingSize, Long> values) throws EthtoolException {
        return lock.call(() -> EthtoolRings.set(dev(ifname).ethtoolOps(), values));
    }

    @Override
    public Channels getChannels(String ifname) throws EthtoolException {
        return lock.call(() -> dev(ifname).ethtoolOps().getChannels());
    }

    @Override
    public Channels setChannels(String ifname, Map<ChannelParam, Long> values) throws EthtoolException {
        return lock.call(() -> EthtoolChannels.set(dev(ifname), netdevs.profile(), values));
    }

    @Override
    public int getRxRings(String ifname) throws EthtoolException {
        return lock.call(() -> EthtoolRxfh.rxRings(dev(ifname).ethtoolOps()));
    }

    @Override
    public Rxfh getRxfh(String ifname) throws EthtoolException {
        return lock.call(() -> EthtoolRxfh.get(dev(ifname).ethtoolOps()));
    }

    @Override
    public Rxfh setRxfhIndir(String ifname, int[] indir) throws EthtoolException {
        int[] copy = indir.clone();
        return lock.call(() -> EthtoolRxfh.set(dev(ifname), copy, null));
    }

    @Override
    public Rxfh setRxfh(String ifname, int[] indir, byte[] key) throws EthtoolException {
        int[] table = indir == null ? null : indir.clone();
        byte[] hkey = key == null ? null : key.clone();
        return lock.call(() -> EthtoolRxfh.set(dev(ifname), table, hkey));
    }

    @Override
    public Coalesce getCoalesce(String ifname) throws EthtoolException {
        return lock.call(() -> dev(ifname).ethtoolOps().getCoalesce());
    }

    @Override
    public int supportedCoalesceParams(String ifname) throws EthtoolException {
        return lock.call(() -> dev(ifname).ethtoolOps().supportedCoalesceParams());
    }

    @Override
    public Coalesce setCoalesce(String ifname, Map<CoalesceParam, Long> values) throws EthtoolException {
        return lock.call(() -> EthtoolCoalesce.set(dev(ifname).ethtoolOps(), values));
    }

    /**
     * {@code __ethtool_get_ts_info}: the driver's {@code get_ts_info}, else software receive
     * timestamps only ({@link TsInfo#softwareReceiveOnly()}); an error of a driver's op (idpf's
     * without a PTP clock) is the answer.
     */
    @Override
    public TsInfo getTsInfo(String ifname) throws EthtoolException {
        return lock.call(() -> {
            NetDeviceImpl dev = dev(ifname);
            try {
                return dev.ethtoolOps().getTsInfo();
            } catch (EthtoolException e) {
                if (!e.opAbsent()) {
                    throw e;
                }
                return TsInfo.softwareReceiveOnly();
            }
        });
    }

    /** {@code ethtool_get_strings} + {@code ethtool_get_stats}: same count and order. */
    @Override
    public List<EthtoolStat> getStats(String ifname) throws EthtoolException {
        return lock.call(() -> {
            EthtoolOps ops = dev(ifname).ethtoolOps();
            List<String> names = ops.getStringsStats();
            long[] values = ops.getEthtoolStats();
            if (values.length != names.size()) {
                throw new IllegalStateException("driver returned " + values.length + " stats for "
                    + names.size() + " strings");
            }
            List<EthtoolStat> out = new ArrayList<>(names.size());
            for (int i = 0; i < values.length; i++) {
                out.add(new EthtoolStat(names.get(i), values[i]));
            }
            return out;
        });
    }

    @Override
    public Features getFeatures(String ifname) throws EthtoolException {
        return lock.call(() -> EthtoolFeatures.get(dev(ifname)));
    }

    @Override
    public Features setFeatures(String ifname, Map<NetdevFeature, Boolean> wanted) throws EthtoolException {
        return lock.call(() -> EthtoolFeatures.set(dev(ifname), wanted));
    }

    // What the receive-path simulation reads (caller holds the lock). Values come from the driver,
    // which stores them (like the adapter struct); a driver without the op gives the fallback.

    /** {@code rx_pending} of the device's RX rings, or {@code fallback} without {@code get_ringparam}. */
    public static int rxRingSize(NetDeviceImpl dev, int fallback) {
        try {
            return dev.ethtoolOps().getRingparam().rxPending();
        } catch (EthtoolException e) {
            return fallback;
        }
    }

    /**
     * The RSS indirection table the NIC steers by: the driver's ({@code get_rxfh}), or null when it
     * has none ({@code get_rxfh} absent or an empty table: the device's own spread applies).
     */
    public static int[] rssIndir(NetDeviceImpl dev) {
        try {
            int[] t = dev.ethtoolOps().getRxfh().indir();
            return t.length == 0 ? null : t;
        } catch (EthtoolException e) {
            return null;
        }
    }

    /** {@code rx_coalesce_usecs}, or {@code fallback} without {@code get_coalesce}. */
    public static long rxUsecs(NetDeviceImpl dev, long fallback) {
        try {
            return dev.ethtoolOps().getCoalesce().rxCoalesceUsecs();
        } catch (EthtoolException e) {
            return fallback;
        }
    }

    /** {@code rx_max_coalesced_frames}, or {@code fallback} without {@code get_coalesce}. */
    public static long rxFrames(NetDeviceImpl dev, long fallback) {
        try {
            return dev.ethtoolOps().getCoalesce().rxMaxCoalescedFrames();
        } catch (EthtoolException e) {
            return fallback;
        }
    }

    /** The device's coalescing as {@code ethtool -c} reads it, or empty without {@code get_coalesce}. */
    public static java.util.Optional<io.netmodel.api.ethtool.Coalesce> coalesce(NetDeviceImpl dev) {
        try {
            return java.util.Optional.of(dev.ethtoolOps().getCoalesce());
        } catch (EthtoolException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code use_adaptive_rx_coalesce}; false without {@code get_coalesce}. */
    public static boolean adaptiveRx(NetDeviceImpl dev) {
        try {
            return dev.ethtoolOps().getCoalesce().useAdaptiveRxCoalesce();
        } catch (EthtoolException e) {
            return false;
        }
    }
}
