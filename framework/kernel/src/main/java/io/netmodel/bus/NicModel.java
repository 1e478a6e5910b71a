package io.netmodel.bus;

/**
 * Simulated NIC hardware the bus can carry: what the device itself reports (ids, vectors,
 * queues), not what a driver does with it. Ids from kernel-algorithms.md table (b).
 */
public enum NicModel {
    /** virtio-net (modern, virtio 1.0), as QEMU offers it: config + one vector per virtqueue. */
    VIRTIO_NET("virtio_net", 0x1af4, 0x1041, true, 3, 1);

    private final String driverHint;
    private final int vendor;
    private final int device;
    private final boolean virtio;
    private final int msixVectors;
    private final int maxQueuePairs;

    NicModel(String driverHint, int vendor, int device, boolean virtio, int msixVectors, int maxQueuePairs) {
        this.driverHint = driverHint;
        this.vendor = vendor;
        this.device = device;
        this.virtio = virtio;
        this.msixVectors = msixVectors;
        this.maxQueuePairs = maxQueuePairs;
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

    public int msixVectors() {
        return msixVectors;
    }

    public int maxQueuePairs() {
        return maxQueuePairs;
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
