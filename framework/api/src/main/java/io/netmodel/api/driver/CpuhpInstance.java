package io.netmodel.api.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One bound device's CPU hotplug callbacks: what a driver adds with
 * {@code cpuhp_state_add_instance_nocalls} on its multi-instance hotplug states (virtio_net's
 * {@code virtnet_cpu_notif_add}), through {@link DeviceContext#cpuhpAddInstance}. Each runs on the
 * model thread when a CPU goes down or comes up ({@code cpuN/online}); what it throws is logged
 * and the hotplug goes on.
 *
 * @since 1.6
 */
@ConsumerType
public interface CpuhpInstance {
    /** {@code cpu} came online (a {@code CPUHP_AP_ONLINE_DYN} startup, virtio_net's {@code virtnet_cpu_online}). */
    default void online(int cpu) {
    }

    /** {@code cpu} is going down (that state's teardown, virtio_net's {@code virtnet_cpu_down_prep}). */
    default void downPrep(int cpu) {
    }

    /** {@code cpu} is dead: a driver's own {@code _DEAD} state, run on a live CPU ({@code virtnet_cpu_dead}). */
    default void dead(int cpu) {
    }
}
