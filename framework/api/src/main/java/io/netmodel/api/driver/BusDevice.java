package io.netmodel.api.driver;

import org.osgi.annotation.versioning.ProviderType;

/** A simulated device on the host's bus, before or after a driver binds it. */
@ProviderType
public interface BusDevice {
    /** {@code pci}. */
    String bus();

    int vendor();

    int device();

    /** The bus address, e.g. {@code 0000:00:03.0}. */
    String busAddress();

    /**
     * The index of this device among devices of its kind, e.g. the N of {@code virtioN}
     * (the virtio bus numbers devices in probe order).
     */
    int unit();

    /** MSI-X table size: vectors the device offers (0: legacy INTx only). */
    int msixVectors();

    /** The permanent MAC address the device reports (EEPROM or virtio config space): 6 bytes. */
    byte[] macAddress();

    /** Queue pairs the device offers (virtio {@code max_queue_pairs}, NIC RSS queues). */
    int maxQueuePairs();

    /**
     * The link speed the device reports once the link is up, in Mb/s ({@code -1}:
     * {@code SPEED_UNKNOWN}), as a driver reads it from the hardware (e.g. the STATUS register in
     * {@code e1000_get_speed_and_duplex}) and passes on with {@code NetDevice.setSpeed}.
     *
     * @since 1.1
     */
    default int linkSpeed() {
        return -1;
    }
}
