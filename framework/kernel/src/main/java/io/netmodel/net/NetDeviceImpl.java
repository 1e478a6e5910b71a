package io.netmodel.net;

import io.netmodel.api.netdev.NetDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code struct net_device}: the state its sysfs files show and its setters change, with
 * the kernel's rules ({@code dev_set_mtu}, {@code dev_change_flags}, ...). Model-thread only.
 */
public final class NetDeviceImpl implements NetDevice {
    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_DEBUG = 0x4;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_NOTRAILERS = 0x20;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_PROMISC = 0x100;
    public static final int IFF_ALLMULTI = 0x200;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_PORTSEL = 0x2000;
    public static final int IFF_AUTOMEDIA = 0x4000;
    public static final int IFF_DYNAMIC = 0x8000;
    /** Bits {@code dev_change_flags} takes from userspace as they are. */
    static final int USER_FLAGS = IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_DYNAMIC | IFF_MULTICAST
        | IFF_PORTSEL | IFF_AUTOMEDIA;

    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;
    public static final int SPEED_UNKNOWN = -1;

    String name;
    int ifindex;
    final int type;
    int mtu;
    int minMtu;
    int maxMtu;
    byte[] address = new byte[6];
    byte[] broadcast = {-1, -1, -1, -1, -1, -1};
    /** 0 permanent, 1 random, 2 stolen, 3 set. */
    int addrAssignType;
    /** {@code dev->perm_addr}: the address at registration when it was permanent; zeros otherwise. */
    byte[] permAddr = new byte[6];
    /** 1 enum (eth%d), 2 predictable, 3 user, 4 renamed. */
    int nameAssignType;
    int flags;
    int txQueueLen = 1000;
    /** {@code dev->ifalias}: the stored bytes, one char per byte (ISO-8859-1); empty when unset. */
    String ifalias = "";
    int netdevGroup;
    long groFlushTimeout;
    int napiDeferHardIrqs;
    boolean threaded;
    int speed = SPEED_UNKNOWN;
    boolean carrier = true;
    int carrierUpCount;
    int carrierDownCount;
    boolean alive;
    final boolean hasLinkKsettings;
    final int numTx;
    final int numRx;
    int realNumTx;
    int realNumRx;
    /** The sysfs path of the parent device, or null for a virtual device (lo). */
    final String parentPath;
    /** {@code dev->dev.parent->driver->name}: the driver bound to the parent device, or null. */
    String parentDriver;
    final List<NapiImpl> napis = new ArrayList<>();
    /** {@code dev->napi_config}: max(txqs, rxqs) entries, zeroed, for the life of the netdev. */
    final NapiConfig[] napiConfig;
    final NetStats stats = new NetStats();
    private io.netmodel.api.netdev.NdoBusyPoll ndoBusyPoll;
    /** {@code dev->netdev_ops}' open and stop, or null (a driver without them). */
    private io.netmodel.api.netdev.NetDeviceOps netdevOps;
    /** {@code __LINK_STATE_START}: {@code netif_running}, set before {@code ndo_open}, cleared before {@code ndo_stop}. */
    private boolean linkStateStart;
    /** {@code printk}, for a driver op that throws; set at registration. */
    java.util.function.Consumer<String> log = line -> { };
    /** While registered: re-syncs {@code queues/} with the real queue counts. */
    Runnable queueKobjectsChanged;
    /** {@code dev->ethtool_ops}: every op EOPNOTSUPP until the driver installs its own. */
    private io.netmodel.api.ethtool.EthtoolOps ethtoolOps = new io.netmodel.api.ethtool.EthtoolOps() { };
    /** {@code dev->hw_features}, {@code dev->features}, {@code dev->wanted_features}. */
    final java.util.EnumSet<io.netmodel.api.ethtool.NetdevFeature> hwFeatures =
        java.util.EnumSet.noneOf(io.netmodel.api.ethtool.NetdevFeature.class);
    final java.util.EnumSet<io.netmodel.api.ethtool.NetdevFeature> features =
        java.util.EnumSet.noneOf(io.netmodel.api.ethtool.NetdevFeature.class);
    final java.util.EnumSet<io.netmodel.api.ethtool.NetdevFeature> wantedFeatures =
        java.util.EnumSet.noneOf(io.netmodel.api.ethtool.NetdevFeature.class);
    /** {@code dev->_rx}, {@code dev->_tx}: one object per queue, index = queue number. */
    final List<RxQueue> rx = new ArrayList<>();
    final List<TxQueue> tx = new ArrayList<>();
    /** {@code dev->lltx} / {@code IFF_NO_QUEUE}: no qdisc queue, so no BQL (lo). */
    boolean lltx;
    /** Whether the driver has {@code ndo_get_phys_port_name} (the {@code phys_port_name} file exists). */
    boolean ndoGetPhysPortName;
    /** {@code dev->sysfs_rx_queue_group}: its name and files (file name → show for a queue index), or null. */
    String rxQueueGroup;
    java.util.Map<String, java.util.function.IntFunction<String>> rxQueueGroupFiles = java.util.Map.of();
    /**
     * {@code dev->power} of the class device: runtime PM never enabled ({@code disable_depth} 1),
     * {@code runtime_auto} as {@code power/control} sets it, {@code usage_count}, async suspend.
     */
    final io.netmodel.kobj.DevicePower power = new io.netmodel.kobj.DevicePower();
    /** Whether the driver has {@code ndo_set_tx_maxrate}; no modelled driver has one yet. */
    boolean ndoSetTxMaxrate;

    NetDeviceImpl(String namePattern, int type, int txQueues, int rxQueues, String parentPath,
                  boolean hasLinkKsettings) {
        this.name = namePattern;
        this.type = type;
        this.numTx = txQueues;
        this.numRx = rxQueues;
        this.realNumTx = txQueues;
        this.realNumRx = rxQueues;
        this.parentPath = parentPath;
        this.hasLinkKsettings = hasLinkKsettings;
        this.napiConfig = new NapiConfig[Math.max(txQueues, rxQueues)];
        for (int i = 0; i < napiConfig.length; i++) {
            napiConfig[i] = new NapiConfig();
        }
        for (int i = 0; i < rxQueues; i++) {
            rx.add(new RxQueue(this, i));
        }
        for (int i = 0; i < txQueues; i++) {
            tx.add(new TxQueue(this, i));
        }
    }

    /**
     * {@code alloc_etherdev_mqs} + {@code ether_setup}, for a device whose parent (at
     * {@code parentPath}) is bound to the driver {@code parentDriver} ({@code SET_NETDEV_DEV}).
     */
    public static NetDeviceImpl etherdev(int txQueues, int rxQueues, String parentPath, String parentDriver) {
        NetDeviceImpl d = new NetDeviceImpl("eth%d", ARPHRD_ETHER, txQueues, rxQueues, parentPath, true);
        d.parentDriver = parentDriver;
        d.mtu = 1500;
        d.minMtu = 68;
        d.maxMtu = 1500;
        d.flags = IFF_BROADCAST | IFF_MULTICAST;
        d.nameAssignType = 1;
        return d;
    }

    /**
     * {@code loopback_ethtool_ops} ({@code drivers/net/loopback.c}): {@code get_ts_info =
     * ethtool_op_get_ts_info} (a 6.18 host's {@code ethtool -T lo} shows software-transmit);
     * {@code get_link = always_on} is left to the core's carrier check, which lo passes.
     */
    private static final io.netmodel.api.ethtool.EthtoolOps LOOPBACK_ETHTOOL_OPS = new io.netmodel.api.ethtool.EthtoolOps() {
        @Override
        public io.netmodel.api.ethtool.TsInfo getTsInfo() {
            return io.netmodel.api.ethtool.TsInfo.softwareOnly();
        }
    };

    /** {@code loopback_setup}. */
    public static NetDeviceImpl loopback() {
        NetDeviceImpl d = new NetDeviceImpl("lo", ARPHRD_LOOPBACK, 1, 1, null, false);
        d.ethtoolOps = LOOPBACK_ETHTOOL_OPS;
        d.mtu = 65536;
        d.minMtu = 0;
        d.maxMtu = 0;
        d.flags = IFF_LOOPBACK;
        d.broadcast = new byte[6];
        d.nameAssignType = 2;
        d.lltx = true;
        return d;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int ifindex() {
        return ifindex;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public void setMtuRange(int min, int max) {
        this.minMtu = min;
        this.maxMtu = max;
    }

    @Override
    public void setMacAddress(byte[] addr) {
        if (addr.length != 6) {
            throw new IllegalArgumentException("an Ethernet address has 6 bytes");
        }
        this.address = addr.clone();
    }

    @Override
    public void setSpeed(int mbps) {
        this.speed = mbps;
    }

    /** The link speed the driver reported, Mb/s, or {@link #SPEED_UNKNOWN} (virtio_net, a device without a link). */
    public int speedMbps() {
        return speed;
    }

    @Override
    public void setPhysPortNameSupported(boolean supported) {
        this.ndoGetPhysPortName = supported;
    }

    @Override
    public void setSysfsRxQueueGroup(String group, java.util.Map<String, java.util.function.IntFunction<String>> files) {
        this.rxQueueGroup = group;
        this.rxQueueGroupFiles = new java.util.TreeMap<>(files);
    }

    @Override
    public void setEthtoolOps(io.netmodel.api.ethtool.EthtoolOps ops) {
        this.ethtoolOps = ops != null ? ops : new io.netmodel.api.ethtool.EthtoolOps() { };
    }

    /** {@code dev->stat_ops}, or null: a driver without queue statistics for {@code qstats-get}. */
    private io.netmodel.api.netdev.NetdevStatOps statOps;

    @Override
    public void setStatOps(io.netmodel.api.netdev.NetdevStatOps ops) {
        this.statOps = ops;
    }

    /** {@code dev->stat_ops}, or null. */
    public io.netmodel.api.netdev.NetdevStatOps statOps() {
        return statOps;
    }

    /** {@code dev->ethtool_ops} (never null: an all-EOPNOTSUPP table when the driver set none). */
    public io.netmodel.api.ethtool.EthtoolOps ethtoolOps() {
        return ethtoolOps;
    }

    /**
     * {@code IFF_RXFH_CONFIGURED} in {@code priv_flags} ({@code netif_is_rxfh_configured}): the
     * user set the RSS indirection table ({@code ethtool -X}); {@code -X default} clears it.
     * Written by {@link EthtoolRxfh} under the model lock.
     */
    boolean rxfhConfigured;

    @Override
    public boolean rxfhConfigured() {
        return rxfhConfigured;
    }

    /** How the driver's adaptive RX moderation works when it is DIM; null when it is not. */
    private io.netmodel.api.netdev.RxDim rxDim;

    @Override
    public void setRxDim(io.netmodel.api.netdev.RxDim dim) {
        this.rxDim = dim;
    }

    /** The driver's DIM declaration ({@link #setRxDim}), or null. */
    public io.netmodel.api.netdev.RxDim rxDim() {
        return rxDim;
    }

    @Override
    public void setFeatures(java.util.Set<io.netmodel.api.ethtool.NetdevFeature> hw,
                            java.util.Set<io.netmodel.api.ethtool.NetdevFeature> on) {
        hwFeatures.clear();
        hwFeatures.addAll(hw);
        features.clear();
        features.addAll(on);
    }

    @Override
    public void setNdoBusyPoll(io.netmodel.api.netdev.NdoBusyPoll op) {
        this.ndoBusyPoll = op;
    }

    @Override
    public void setNetdevOps(io.netmodel.api.netdev.NetDeviceOps ops) {
        if (alive || !napis.isEmpty()) {
            throw new IllegalStateException("netdev_ops are set in probe before netif_napi_add and register_netdev");
        }
        this.netdevOps = ops;
    }

    /** {@code dev->netdev_ops} (open/stop), or null when the driver installed none. */
    public io.netmodel.api.netdev.NetDeviceOps netdevOps() {
        return netdevOps;
    }

    @Override
    public boolean netifRunning() {
        return linkStateStart;
    }

    /** {@code dev->netdev_ops->ndo_busy_poll}, or null. */
    public io.netmodel.api.netdev.NdoBusyPoll ndoBusyPoll() {
        return ndoBusyPoll;
    }

    @Override
    public int numRxQueues() {
        return numRx;
    }

    @Override
    public int numTxQueues() {
        return numTx;
    }

    @Override
    public void setRealNumQueues(int tx, int rx) {
        if (tx < 1 || tx > numTx || rx < 1 || rx > numRx) {
            throw new IllegalArgumentException("real queues " + tx + "/" + rx + " outside 1.." + numTx + "/1.." + numRx);
        }
        this.realNumTx = tx;
        this.realNumRx = rx;
        if (queueKobjectsChanged != null) {
            queueKobjectsChanged.run(); // net_rx_queue_update_kobjects / netdev_queue_update_kobjects
        }
    }

    @Override
    public int realNumRxQueues() {
        return realNumRx;
    }

    @Override
    public int realNumTxQueues() {
        return realNumTx;
    }

    /** {@code netif_is_multiqueue}: more than one tx queue. */
    public boolean isMultiqueue() {
        return numTx > 1;
    }

    /** The rx queues in index order (the receive path reads their RPS maps). */
    public List<RxQueue> rxQueues() {
        return List.copyOf(rx);
    }

    /** RX queue {@code index} ({@code __netif_get_rx_queue}), without copying the list: the receive path's per-poll read. */
    public RxQueue rxQueue(int index) {
        return rx.get(index);
    }

    /** The tx queues in index order. */
    public List<TxQueue> txQueues() {
        return List.copyOf(tx);
    }

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /** {@code netif_running() && netif_carrier_ok()}. */
    public boolean isRunning() {
        return isUp() && carrier;
    }

    public boolean alive() {
        return alive;
    }

    public List<NapiImpl> napis() {
        return napis;
    }

    /** {@code dev->num_napi_configs}: how many indexes {@code netif_napi_add_config} takes. */
    public int numNapiConfigs() {
        return napiConfig.length;
    }

    /** {@code netdev_set_gro_flush_timeout}: the device, every listed NAPI and every config entry. */
    void setGroFlushTimeout(long v) {
        groFlushTimeout = v;
        napis.forEach(n -> n.groFlushTimeout = v);
        for (NapiConfig c : napiConfig) {
            c.groFlushTimeout = v;
        }
    }

    /** {@code netdev_set_defer_hard_irqs}: the device, every listed NAPI and every config entry. */
    void setDeferHardIrqs(int v) {
        napiDeferHardIrqs = v;
        napis.forEach(n -> n.deferHardIrqs = v);
        for (NapiConfig c : napiConfig) {
            c.deferHardIrqs = v;
        }
    }

    @Override
    public java.util.OptionalLong stat(String name) {
        for (int i = 0; i < NetStats.NAMES.length; i++) {
            if (NetStats.NAMES[i].equals(name)) {
                return java.util.OptionalLong.of(stats.get(i));
            }
        }
        return java.util.OptionalLong.empty();
    }

    public NetStats stats() {
        return stats;
    }

    @Override
    public long rxQueuePackets(int queue) {
        return queue >= 0 && queue < rx.size() ? rx.get(queue).packets : 0;
    }

    @Override
    public long rxQueueBytes(int queue) {
        return queue >= 0 && queue < rx.size() ? rx.get(queue).bytes : 0;
    }

    /**
     * The root qdisc's kind ({@code dev->qdisc->ops->id}): {@code noop} until the first
     * {@code dev_activate} attaches the default ({@code attach_default_qdiscs}), which then stays.
     */
    String qdisc = "noop";
    /** {@code net.core.default_qdisc} at the time of an up; set by the registry. */
    java.util.function.Supplier<String> defaultQdisc = () -> "pfifo_fast";

    /**
     * {@code __dev_open}: {@code __LINK_STATE_START}, then the driver's {@code ndo_open}; if it
     * fails, the start bit is cleared again and its errno returned (negative) with {@code IFF_UP}
     * left clear. Then the device is up with its carrier; the first up attaches the default qdisc:
     * {@code noqueue} for an {@code IFF_NO_QUEUE} device (lo), {@code mq} for a multiqueue one,
     * else {@code net.core.default_qdisc}. A driver op that throws is a driver bug: logged, and the
     * up fails with EINVAL.
     */
    int open() {
        if (isUp()) {
            return 0;
        }
        linkStateStart = true;
        if (netdevOps != null) {
            int ret;
            try {
                ret = netdevOps.ndoOpen(this);
            } catch (RuntimeException e) {
                log.accept(name + ": ndo_open threw " + e);
                ret = -io.netmodel.api.vfs.Errno.EINVAL;
            }
            if (ret != 0) {
                linkStateStart = false;
                return -Math.abs(ret);
            }
        }
        if (qdisc.equals("noop")) {
            qdisc = lltx ? "noqueue" : numTx > 1 ? "mq" : defaultQdisc.get();
        }
        flags |= IFF_UP;
        if (carrier) {
            carrierUpCount++;
        }
        return 0;
    }

    /**
     * {@code __dev_close_many}: {@code __LINK_STATE_START} cleared, the driver's {@code ndo_stop},
     * then {@code IFF_UP} cleared. A throwing {@code ndo_stop} is logged; the device goes down anyway.
     */
    void close() {
        if (!isUp()) {
            return;
        }
        linkStateStart = false;
        if (netdevOps != null) {
            try {
                netdevOps.ndoStop(this);
            } catch (RuntimeException e) {
                log.accept(name + ": ndo_stop threw " + e);
            }
        }
        flags &= ~IFF_UP;
        if (carrier) {
            carrierDownCount++;
        }
    }
}
