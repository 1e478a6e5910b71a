/**
 * The driver API: what a driver bundle implements ({@link io.netmodel.api.driver.NetDriver})
 * and what the kernel model gives it at probe time ({@link io.netmodel.api.driver.DeviceContext}).
 *
 * <p>A driver publishes a {@code NetDriver} service (Declarative Services whiteboard). The
 * kernel model's driver core matches it against the devices on the simulated bus using the
 * driver's id table, like {@code pci_register_driver()} with a {@code pci_device_id} table,
 * and calls {@code probe} on the model thread.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.netmodel.api.driver;
