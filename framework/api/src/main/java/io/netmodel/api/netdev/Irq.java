package io.netmodel.api.netdev;

import org.osgi.annotation.versioning.ProviderType;

/** A requested interrupt line: one row of {@code /proc/interrupts}. */
@ProviderType
public interface Irq {
    /** The Linux IRQ number. */
    int number();

    /** The action name, e.g. {@code virtio0-input.0}. */
    String name();
}
