package io.netmodel.api.driver;

import io.netmodel.api.kernel.KernelProfile;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network driver ({@code struct pci_driver}), published as an OSGi service by a driver
 * bundle. The kernel model's driver core binds it to every unbound device its
 * {@link #idTable()} matches, calling {@link #probe} on the model thread; when the service
 * goes away (rmmod) it calls {@link #remove} for each bound device.
 *
 * <p>Resources acquired through the {@link DeviceContext} (netdevs, NAPIs, IRQs) are
 * device-managed, like {@code devm_*}: the core releases whatever is left, in reverse order,
 * after {@code remove} returns or when {@code probe} throws. A driver needs {@code remove}
 * only for work of its own.
 *
 * <p>Abstract methods come before default ones: bnd's baseline judges an abstract method
 * declared below a default method as a minor change (ApiTypeRolesTest).
 */
@ConsumerType
public interface NetDriver {
    /** The module name, as {@code lsmod} and {@code modprobe} spell it ({@code virtio_net}). */
    String name();

    /** {@code MODULE_VERSION} / the driver version {@code ethtool -i} shows. */
    String version();

    /** The devices this driver binds ({@code MODULE_DEVICE_TABLE}). */
    List<DeviceId> idTable();

    /**
     * Binds one device: allocate and register netdevs, add NAPIs, request IRQs. Throwing
     * fails the bind (logged like {@code e1000 0000:00:03.0: probe with driver e1000 failed with error -22}); the
     * core unwinds what was acquired and the model keeps running.
     */
    void probe(DeviceContext ctx) throws DriverException;

    /** Module parameters this driver accepts; none by default. */
    default List<ModuleParam> parameters() {
        return List.of();
    }

    /**
     * The module parameters as the running release declares them, for a driver whose
     * {@code module_param} lines changed over time (a mode that became 0444, a parameter that came
     * or went): what {@code init_module} parses and {@code /sys/module/<name>/parameters/} shows.
     * {@link #parameters()} unless overridden; ask the profile, never the version number.
     *
     * @since 1.3
     */
    default List<ModuleParam> parameters(KernelProfile kernel) {
        return parameters();
    }

    /** Unbinds one device before the core releases its managed resources. */
    default void remove(DeviceContext ctx) {
    }

    /**
     * {@code MODULE_VERSION} in the running release, as {@code modinfo} prints it (empty: none).
     * {@link #version()} unless overridden: a driver whose module version went while ethtool
     * kept one (virtio_net), or that dropped both in some release (Intel's, 5.9), says so here.
     *
     * @since 1.5
     */
    default String moduleVersion(KernelProfile kernel) {
        return version();
    }

    /**
     * {@code MODULE_DESCRIPTION}, as {@code modinfo} prints it; empty when the module has none.
     *
     * @since 1.5
     */
    default String description() {
        return "";
    }

    /**
     * The {@code MODULE_AUTHOR} lines, in {@code modinfo}'s order; none by default.
     *
     * @since 1.5
     */
    default List<String> authors() {
        return List.of();
    }

    /**
     * {@code MODULE_LICENSE} ({@code "GPL"}, {@code "GPL v2"}, {@code "Dual BSD/GPL"}, ...); empty
     * when the module declares none.
     *
     * @since 1.5
     */
    default String license() {
        return "";
    }
}
