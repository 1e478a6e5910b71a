package io.netmodel.api.netdev;

import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.ethtool.NetdevFeature;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A {@code struct net_device}. Allocated by {@code DeviceContext.allocEtherdev}, configured by
 * the driver, then made visible with {@code registerNetdev}.
 */
@ProviderType
public interface NetDevice {
    /** {@code dev->name}; {@code eth%d} until registration picks the number. */
    String name();

    /** {@code dev->ifindex}; 0 until registered. */
    int ifindex();

    int mtu();

    /** {@code dev->min_mtu} / {@code dev->max_mtu}, checked by {@code dev_set_mtu}. */
    void setMtuRange(int minMtu, int maxMtu);

    /** {@code dev->dev_addr}: six bytes. */
    void setMacAddress(byte[] address);

    /** Link speed in Mb/s ({@code -1} = {@code SPEED_UNKNOWN}). */
    void setSpeed(int mbps);

    /**
     * Whether the driver's {@code net_device_ops} has {@code ndo_get_phys_port_name}: the
     * {@code phys_port_name} sysfs file is only visible then ({@code netdev_phys_is_visible} in
     * {@code net/core/net-sysfs.c}). The model's implementation answers EOPNOTSUPP when read, as
     * {@code virtnet_get_phys_port_name} does for a virtio device without failover (standby).
     * Call before {@code registerNetdev}; default false.
     *
     * @since 1.1
     */
    void setPhysPortNameSupported(boolean supported);

    /**
     * The driver's attribute group in every {@code queues/rx-N/} ({@code dev->sysfs_rx_queue_group},
     * which {@code rx_queue_add_kobject} in {@code net/core/net-sysfs.c} adds beside
     * {@code rps_cpus}): a directory {@code group} of read-only (0444) files, each showing what
     * its function returns for the queue index (the whole text, newline included). Call before
     * {@code registerNetdev}; by default there is none.
     *
     * @since 1.3
     */
    void setSysfsRxQueueGroup(String group, java.util.Map<String, java.util.function.IntFunction<String>> files);

    /**
     * Installs {@code ndo_busy_poll} (only meaningful on releases that have the hook, before
     * {@code Behaviour.NDO_BUSY_POLL_REMOVED}); null removes it.
     */
    void setNdoBusyPoll(NdoBusyPoll op);

    /**
     * {@code dev->netdev_ops}: the driver's {@code ndo_open}/{@code ndo_stop}. Call before adding
     * NAPIs and before {@code registerNetdev}, as a probe sets {@code netdev->netdev_ops} first:
     * NAPIs of a device with ops start disabled until the driver's {@code napi_enable}
     * ({@link IllegalStateException} once the device has NAPIs or is registered).
     *
     * @since 1.3
     */
    void setNetdevOps(NetDeviceOps ops);

    /**
     * {@code netif_running(dev)}: the device is open ({@code __LINK_STATE_START}), already during
     * {@code ndo_open} and no longer during {@code ndo_stop}. Drivers rebuilding their queues
     * ({@code ethtool -L}) close and reopen only a running device.
     *
     * @since 1.3
     */
    boolean netifRunning();

    /** Receive queues allocated ({@code dev->num_rx_queues}). */
    int numRxQueues();

    /** Transmit queues allocated ({@code dev->num_tx_queues}). */
    int numTxQueues();

    /**
     * {@code netif_set_real_num_tx_queues} / {@code _rx_queues}: how many of the allocated
     * queues are in use (what {@code queues/} lists); all of them unless the driver says.
     */
    void setRealNumQueues(int tx, int rx);

    int realNumRxQueues();

    int realNumTxQueues();

    /**
     * {@code dev->ethtool_ops}: the driver's ethtool callbacks; ops it does not override answer
     * EOPNOTSUPP. Call before {@code registerNetdev}; without it every driver op is missing.
     *
     * @since 1.2
     */
    void setEthtoolOps(EthtoolOps ops);

    /**
     * {@code netif_is_rxfh_configured}: the user set the RSS indirection table
     * ({@code ethtool -X} with a table; {@code -X default} clears it). A driver that keeps a
     * configured table across a queue-count change asks this before re-spreading its default.
     */
    boolean rxfhConfigured();

    /**
     * The driver moderates RX interrupts with the kernel's DIM library when
     * {@code adaptive-rx} is on ({@code net_dim()} fed from its NAPI poll, as idpf's
     * {@code idpf_net_dim} and virtio_net's {@code virtnet_rx_dim_update} do); null (the
     * default): its adaptive moderation, if any, is not DIM. Call before {@code registerNetdev}.
     *
     * @since 1.4
     */
    void setRxDim(RxDim dim);

    /**
     * {@code dev->hw_features} (what the user may toggle with {@code ethtool -K}) and
     * {@code dev->features} (what is on), as a driver's probe sets them. At registration the core
     * adds the software features as {@code register_netdevice} does ({@code NETIF_F_SOFT_FEATURES}:
     * GSO and GRO, on and changeable; {@code NETIF_F_SOFT_FEATURES_OFF}: GRO fraglist and UDP GRO
     * forwarding, changeable and off; {@code NOCACHE_COPY} changeable; {@code TSO_MANGLEID} with TSO).
     * Default: no hardware features.
     *
     * @since 1.2
     */
    void setFeatures(Set<NetdevFeature> hwFeatures, Set<NetdevFeature> features);

    /**
     * A counter of {@code dev->stats} by its {@code statistics/} file name ({@code rx_packets},
     * {@code rx_missed_errors}, ...), as the receive path has counted it; empty for a name the
     * core does not keep. What a driver's {@code ethtool -S} reports for its entries of the same
     * name (e1000's and igb's netdev entries and good-packet counters).
     *
     * @since 1.2
     */
    java.util.OptionalLong stat(String name);

    /**
     * Packets the receive path took off RX queue {@code queue}'s ring (what the driver's clean
     * loop adds to {@code rx_ring->stats.packets}), 0 for a queue that never received: the value
     * of a driver's per-queue {@code ethtool -S} entry ({@code rx_queue_N_packets}, {@code rxN_packets}).
     *
     * @since 1.5
     */
    default long rxQueuePackets(int queue) {
        return 0;
    }

    /** Bytes of the frames that reached RX queue {@code queue}'s ring ({@code rx_ring->stats.bytes}). @since 1.5 */
    default long rxQueueBytes(int queue) {
        return 0;
    }

    /**
     * {@code dev->stat_ops}: the driver's queue statistics for netlink {@code qstats-get}
     * ({@link NetdevStatOps}); null (the default) for a driver without them, whose device a
     * {@code qstats-get} dump skips and an {@code ifindex} filter refuses with EOPNOTSUPP. Call
     * before {@code registerNetdev}.
     *
     * @since 1.6
     */
    void setStatOps(NetdevStatOps ops);
}
