/**
 * The generic netlink family {@code netdev} ({@code net/core/netdev-genl.c}) as a service:
 * requests and replies are attribute maps keyed by the spec's attribute names
 * ({@code Documentation/netlink/specs/netdev.yaml}), integers as the kernel puts them on the
 * wire (enums as their values), in wire order. Errors carry the errno and the extended ACK the
 * kernel attaches. A client such as {@code ynl} does the spec's name/enum encoding itself.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.netmodel.api.netlink;
