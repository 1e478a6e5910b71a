/**
 * Links as rtnetlink shows and changes them ({@code RTM_GETLINK}, {@code RTM_NEWLINK}): what
 * {@code ip link} reads and sets. The kernel model publishes {@link io.netmodel.api.rtnl.Rtnl}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.netmodel.api.rtnl;
