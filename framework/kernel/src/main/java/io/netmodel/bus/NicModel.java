package io.netmodel.bus;

/**
 * Simulated NIC hardware the bus can carry: what the device itself reports (ids, vectors,
 * queues), not what a driver does with it. Ids from kernel-algorithms.md table (b).
 */
public enum NicModel {
    /**
     * virtio-net (modern, virtio 1.0), as QEMU offers it: one queue pair unless configured
     * ({@code -device virtio-net-pci,mq=on,vectors=...}); MSI-X table: config + one vector per
     * virtqueue (2 per pair) + the control queue.
     */
    VIRTIO_NET("virtio_net", 0x1af4, 0x1041, true, 1);

    private final String driverHint;
    private final int vendor;
    private final int device;
    private final boolean virtio;
    private final int defaultQueuePairs;

    NicModel(String driverHint, int vendor, int device, boolean virtio, int defaultQueuePairs) {
        this.driverHint = driverHint;
        this.vendor = vendor;
        this.device = device;
        this.virtio = virtio;
        this.defaultQueuePairs = defaultQueuePairs;
    }

    /** The name users type ({@code --nic virtio_net}): the driver that usually binds it. */
    public String driverHint() {
        return driverHint;
    }

    public int vendor() {
        return vendor;
    }

    public int device() {
        return device;
    }

    public boolean virtio() {
        return virtio;
    }

    /** MSI-X table size of a device with {@code queuePairs} queue pairs. */
    public int msixVectors(int queuePairs) {
        return virtio ? 2 + 2 * queuePairs : 1 + queuePairs;
    }

    /** Queue pairs the device offers when the host description does not say. */
    public int defaultQueuePairs() {
        return defaultQueuePairs;
    }

    /** The NIC model users call {@code name}, or null. */
    public static NicModel byName(String name) {
        for (NicModel m : values()) {
            if (m.driverHint.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
