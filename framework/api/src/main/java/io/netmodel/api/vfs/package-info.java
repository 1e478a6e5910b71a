/**
 * The attribute tree as a file system, for the host side (fs-mount, the shell). Nothing in
 * this package knows about networking: paths, modes, bytes and Linux errno values.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package io.netmodel.api.vfs;
