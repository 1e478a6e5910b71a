package io.netmodel.api.ethtool;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ethtool interface of the model's kernel, addressed by interface name: what the
 * {@code ETHTOOL_MSG_*} netlink requests (and the ioctls {@code ethtool -i}/{@code -S} still use)
 * reach. Every call takes the model lock once. Errors carry the errno and extack the kernel gives:
 * {@code ENODEV} ("no device matches name") for an unknown name, {@code EOPNOTSUPP} for an op the
 * driver lacks, {@code EINVAL} for values the core or the driver refuses. A set is all-or-nothing:
 * when it fails, nothing changed.
 */
@ProviderType
public interface EthtoolService {

    /** {@code ETHTOOL_GDRVINFO}. */
    Drvinfo getDrvinfo(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_LINKSTATE_GET}'s link ({@code get_link}, or the carrier). */
    boolean getLink(String ifname) throws EthtoolException;

    /**
     * {@code ETHTOOL_MSG_LINKINFO_GET} and {@code ETHTOOL_MSG_LINKMODES_GET}: the driver's
     * {@code get_link_ksettings}; {@code EOPNOTSUPP} when it has none.
     *
     * @since 1.4
     */
    LinkKsettings getLinkKsettings(String ifname) throws EthtoolException;

    /**
     * {@code IFLA_PERM_ADDRESS} of {@code RTM_GETLINK} ({@code ethtool -P}): {@code dev->perm_addr},
     * which {@code register_netdevice} copies from a permanent address; null when it is all zeros
     * (the attribute is left out: {@code lo}, a random address).
     *
     * @since 1.4
     */
    byte[] getPermAddr(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_RINGS_GET}. */
    Ringparam getRingparam(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_RINGS_SET}: the given sizes, the rest unchanged. Returns the new value. */
    Ringparam setRingparam(String ifname, Map<RingSize, Long> values) throws EthtoolException;

    /** {@code ETHTOOL_MSG_CHANNELS_GET}. */
    Channels getChannels(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_CHANNELS_SET}: the given counts, the rest unchanged. Returns the new value. */
    Channels setChannels(String ifname, Map<ChannelParam, Long> values) throws EthtoolException;

    /** {@code ETHTOOL_MSG_COALESCE_GET}: the values (see {@link #supportedCoalesceParams} for which exist). */
    Coalesce getCoalesce(String ifname) throws EthtoolException;

    /** The device's {@code supported_coalesce_params} (parameters {@code -c} reports; others print {@code n/a}). */
    int supportedCoalesceParams(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_COALESCE_SET}: the given parameters, the rest unchanged. Returns the new value. */
    Coalesce setCoalesce(String ifname, Map<CoalesceParam, Long> values) throws EthtoolException;

    /** {@code ETHTOOL_MSG_TSINFO_GET}. */
    TsInfo getTsInfo(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_GSTRINGS(ETH_SS_STATS)} + {@code ETHTOOL_GSTATS}. */
    List<EthtoolStat> getStats(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_MSG_FEATURES_GET}. */
    Features getFeatures(String ifname) throws EthtoolException;

    /**
     * {@code ETHTOOL_MSG_FEATURES_SET}: request features on or off ({@code wanted}); changes to
     * fixed features are ignored, as the kernel does, and the caller compares the result.
     * Returns the features afterwards.
     */
    Features setFeatures(String ifname, Map<NetdevFeature, Boolean> wanted) throws EthtoolException;

    /** {@code ETHTOOL_GRXRINGS}: the RX ring count RSS spreads over. */
    int getRxRings(String ifname) throws EthtoolException;

    /** {@code ETHTOOL_GRSSH}: the indirection table, hash key and function. */
    Rxfh getRxfh(String ifname) throws EthtoolException;

    /**
     * {@code ETHTOOL_SRSSH} with a new indirection table: {@code indir} of the device's
     * {@code indir_size} entries, or empty to reset it to the default
     * ({@code ethtool_rxfh_indir_default} over the RX rings). A table marks the device
     * {@code IFF_RXFH_CONFIGURED}, the default clears it. EINVAL for a wrong size or an entry not
     * below the RX ring count. Returns the table afterwards.
     */
    Rxfh setRxfhIndir(String ifname, int[] indir) throws EthtoolException;

    /**
     * {@code ETHTOOL_SRSSH} with a table and/or a hash key: {@code indir} null keeps the table
     * ({@code ETH_RXFH_INDIR_NO_CHANGE}), empty resets it, else it is the new table as for
     * {@link #setRxfhIndir}; {@code key} null keeps the key, else the new key, of the device's
     * {@code key_size} (EINVAL otherwise). EINVAL when neither is given; a driver that takes no key
     * answers EOPNOTSUPP. Only a table given changes {@code IFF_RXFH_CONFIGURED}. Returns the
     * table and key afterwards.
     */
    Rxfh setRxfh(String ifname, int[] indir, byte[] key) throws EthtoolException;
}
