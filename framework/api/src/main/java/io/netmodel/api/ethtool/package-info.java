/**
 * ethtool: the driver's {@code struct ethtool_ops} ({@link io.netmodel.api.ethtool.EthtoolOps}),
 * the values it exchanges (kernel structure and field names: {@code struct ethtool_ringparam},
 * {@code ethtool_channels}, {@code ethtool_coalesce}, {@code ethtool_drvinfo},
 * {@code kernel_ethtool_ts_info}), the netdev feature bits ethtool {@code -k} shows, and the
 * shell-facing {@link io.netmodel.api.ethtool.EthtoolService} (the ethtool netlink family,
 * addressed by interface name). Errors are Linux errno values ({@link io.netmodel.api.vfs.Errno})
 * carried by {@link io.netmodel.api.ethtool.EthtoolException}, with the extack message when the
 * kernel sets one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.netmodel.api.ethtool;
