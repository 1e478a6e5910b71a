package io.netmodel.api.ethtool;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's {@code struct ethtool_ops} ({@code include/linux/ethtool.h}). Every op is a default
 * method that fails with {@code EOPNOTSUPP}, the way a NULL op makes the ethtool core answer
 * {@code -EOPNOTSUPP}; a driver overrides what its {@code *_ethtool.c} implements (netdevsim's
 * partial {@code ethtool_ops}). Install with {@code NetDevice.setEthtoolOps} before
 * {@code registerNetdev}.
 *
 * <p>The core validates a request before calling a set op, as {@code net/ethtool/*.c} does:
 * unknown device, missing op, a coalescing parameter not in {@link #supportedCoalesceParams()},
 * ring sizes above the maxima {@link #getRingparam()} reports, channel counts above the maxima or
 * leaving no RX or TX channel. The set op receives the complete new value (the current one with
 * the request applied) and does the driver's own checks and rounding; it throws to refuse (nothing
 * changes then) or applies the value so that the next get reports it. The core holds the model lock
 * around every call (like {@code rtnl_lock}).
 */
@ConsumerType
public interface EthtoolOps {

    /** {@code get_drvinfo}: fill the strings with {@link Drvinfo#of}; the core fills the counts. */
    default Drvinfo getDrvinfo() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_regs_len} (a positive length makes {@code supports-register-dump: yes}). */
    default int getRegsLen() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_eeprom_len} (a positive length makes {@code supports-eeprom-access: yes}). */
    default int getEepromLen() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_strings(ETH_SS_TEST)}: the self-test names ({@code supports-test}). */
    default List<String> getStringsTest() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_strings(ETH_SS_PRIV_FLAGS)}: the private flag names ({@code supports-priv-flags}). */
    default List<String> getStringsPrivFlags() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_link}; {@code ethtool_op_get_link} (the carrier) when not overridden. */
    default boolean getLink() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_ringparam} ({@code ethtool -g}). */
    default Ringparam getRingparam() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code set_ringparam} ({@code ethtool -G}): the core has checked the maxima. */
    default void setRingparam(Ringparam ring) throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_channels} ({@code ethtool -l}). */
    default Channels getChannels() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code set_channels} ({@code ethtool -L}): the core has checked the maxima and that some RX
     * and some TX channel remains. The driver updates its real queue counts
     * ({@code netif_set_real_num_rx_queues}/{@code _tx_queues}) as part of applying.
     */
    default void setChannels(Channels channels) throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code supported_coalesce_params}: the {@link CoalesceParam#bit()} flags this driver
     * accepts. Only these are reported by {@code -c} and may be set by {@code -C}.
     */
    default int supportedCoalesceParams() {
        return 0;
    }

    /** {@code get_coalesce} ({@code ethtool -c}). */
    default Coalesce getCoalesce() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code set_coalesce} ({@code ethtool -C}): only supported parameters differ from the current value. */
    default void setCoalesce(Coalesce coalesce) throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code get_link_ksettings} ({@code ethtool DEVNAME}): without it ethtool shows only whether
     * the link is detected, as for {@code lo}.
     *
     * @since 1.4
     */
    default LinkKsettings getLinkKsettings() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_ts_info} ({@code ethtool -T}); the core answers {@link TsInfo#softwareOnly()} when absent. */
    default TsInfo getTsInfo() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_sset_count(ETH_SS_STATS)} and {@code get_strings(ETH_SS_STATS)} ({@code ethtool -S}). */
    default List<String> getStringsStats() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_ethtool_stats}: one value per {@link #getStringsStats()} string, same order. */
    default long[] getEthtoolStats() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code get_rxnfc(ETHTOOL_GRXRINGS)}: the number of RX rings RSS may use (the driver's
     * {@code num_rx_queues} or queue pairs in use). ethtool {@code -x}/{@code -X} ask it first.
     */
    default int getRxRings() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /** {@code get_rxfh_indir_size}: entries of the RSS indirection table; 0 (the default) for none. */
    default int getRxfhIndirSize() {
        return 0;
    }

    /** {@code get_rxfh_key_size}: bytes of the RSS hash key; 0 (the default) for none. */
    default int getRxfhKeySize() {
        return 0;
    }

    /**
     * {@code get_rxfh}: the table ({@link #getRxfhIndirSize()} entries), the key
     * ({@link #getRxfhKeySize()} bytes) and the hash function.
     */
    default Rxfh getRxfh() throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code set_rxfh} with a new indirection table (hash key and function unchanged): the core has
     * checked the size and that every entry is below {@link #getRxRings()}; for
     * {@code ethtool -X default} it passes the default table ({@link Rxfh#defaultTable}). The
     * driver does its own checks (throws, nothing changes) or stores the table.
     */
    default void setRxfh(int[] indir) throws EthtoolException {
        throw EthtoolException.eopnotsupp();
    }

    /**
     * {@code set_rxfh} with a new table ({@code indir}, or null to keep it) and/or a new hash key
     * ({@code key} of {@link #getRxfhKeySize()} bytes, or null to keep it); the core has checked
     * the sizes and that one of them is given. The default is a driver that takes no key
     * (EOPNOTSUPP, as {@code igb_set_rxfh} answers one) and passes a table to {@link #setRxfh(int[])}.
     */
    default void setRxfh(int[] indir, byte[] key) throws EthtoolException {
        if (key != null) {
            throw EthtoolException.eopnotsupp();
        }
        if (indir != null) {
            setRxfh(indir);
        }
    }

    /**
     * The header fields the device's RSS engine hashes for packets of {@code flowType}
     * ({@code Rxfh.UDP_V4_FLOW}: {@code Rxfh.RXH_*} bits), as the hardware is programmed now:
     * what {@code ETHTOOL_GRXFH} reports where the driver answers it ({@code ixgbe_get_rss_hash_opts},
     * {@code igb_get_rss_hash_opts}), the driver's fixed choice otherwise ({@code mlx4_en}'s
     * {@code udp_rss}). Not an ethtool op of its own; 0 (the default) when the driver does not say,
     * which the kernel model takes as the IP addresses only.
     */
    default int rssHashFields(int flowType) {
        return 0;
    }

    /**
     * The key the device's RSS engine hashes with, as the hardware is programmed now (the key
     * registers the driver wrote, e.g. from {@code netdev_rss_key_fill}); empty when the device
     * has no RSS key. Not an ethtool op of its own: by default what {@link #getRxfh()} reports,
     * which a driver that does not report its key (igb through 6.19: no
     * {@code get_rxfh_key_size}) overrides.
     *
     * @throws EthtoolException EOPNOTSUPP from {@link #getRxfh()} on a device without RSS
     */
    default byte[] rssHashKey() throws EthtoolException {
        return getRxfh().key();
    }
}
