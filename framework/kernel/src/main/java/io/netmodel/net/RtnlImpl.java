package io.netmodel.net;

import io.netmodel.api.rtnl.LinkInfo;
import io.netmodel.api.rtnl.Rtnl;
import io.netmodel.api.rtnl.RtnlException;
import io.netmodel.api.vfs.Errno;
import io.netmodel.core.ModelLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The link half of rtnetlink ({@code net/core/rtnetlink.c}): {@code rtnl_fill_ifinfo} for dumps,
 * {@code do_setlink} for {@code IFLA_MTU} and the {@code IFF_UP} flag. Each call holds the model
 * lock, as the kernel holds RTNL.
 */
public final class RtnlImpl implements Rtnl {
    /** {@code IFF_RUNNING}, {@code IFF_LOWER_UP}: added by {@code dev_get_flags}, never stored. */
    static final int IFF_RUNNING = 0x40;
    static final int IFF_LOWER_UP = 0x10000;

    private final NetdevRegistry netdevs;
    private final ModelLock lock;

    public RtnlImpl(NetdevRegistry netdevs, ModelLock lock) {
        this.netdevs = netdevs;
        this.lock = lock;
    }

    @Override
    public List<LinkInfo> links() {
        return lock.call(() -> {
            List<LinkInfo> out = new ArrayList<>();
            for (NetDeviceImpl d : netdevs.devices()) {
                out.add(fill(d));
            }
            return out;
        });
    }

    @Override
    public void setUp(String name, boolean up) throws RtnlException {
        lock.<Void, RtnlException>call(() -> {
            NetDeviceImpl d = find(name);
            if (up) {
                int err = d.open(); // __dev_open: the driver's ndo_open may refuse
                if (err != 0) {
                    throw new RtnlException(-err, null);
                }
            } else {
                d.close();
            }
            return null;
        });
    }

    /** {@code dev_validate_mtu} with its extack messages, then the new MTU. */
    @Override
    public void setMtu(String name, int mtu) throws RtnlException {
        lock.<Void, RtnlException>call(() -> {
            NetDeviceImpl d = find(name);
            if (mtu == d.mtu) {
                return null; // dev_set_mtu_ext: nothing to do, nothing validated
            }
            if (mtu < d.minMtu) {
                throw new RtnlException(Errno.EINVAL, "mtu less than device minimum");
            }
            if (d.maxMtu > 0 && mtu > d.maxMtu) {
                throw new RtnlException(Errno.EINVAL, "mtu greater than device maximum");
            }
            d.mtu = mtu;
            return null;
        });
    }

    private NetDeviceImpl find(String name) throws RtnlException {
        NetDeviceImpl d = netdevs.byName(name);
        if (d == null || !d.alive) {
            throw new RtnlException(Errno.ENODEV, null);
        }
        return d;
    }

    /** {@code rtnl_fill_ifinfo}. */
    static LinkInfo fill(NetDeviceImpl d) {
        List<Long> stats = new ArrayList<>();
        for (int i = 0; i < NetStats.NAMES.length; i++) {
            stats.add(d.stats.get(i));
        }
        String oper = NetSysfs.operstate(d).trim().toUpperCase(Locale.ROOT);
        return new LinkInfo(d.ifindex, d.name, devGetFlags(d, oper), d.mtu, d.minMtu, d.maxMtu, d.qdisc, oper, 0,
            d.netdevGroup, d.txQueueLen, d.type, d.address, d.broadcast, d.numTx, d.numRx, stats,
            d.carrierUpCount + d.carrierDownCount);
    }

    /** {@code dev_get_flags}: the stored flags plus RUNNING (operstate up or unknown) and LOWER_UP (carrier) while up. */
    static int devGetFlags(NetDeviceImpl d, String oper) {
        int flags = d.flags & ~(IFF_RUNNING | IFF_LOWER_UP);
        if (d.isUp()) {
            if (oper.equals("UP") || oper.equals("UNKNOWN")) {
                flags |= IFF_RUNNING;
            }
            if (d.carrier) {
                flags |= IFF_LOWER_UP;
            }
        }
        return flags;
    }
}
