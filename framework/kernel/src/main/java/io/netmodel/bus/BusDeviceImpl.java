package io.netmodel.bus;

import io.netmodel.api.driver.BusDevice;

/** A device on the simulated PCI bus (for virtio, the virtio device behind its PCI function). */
public final class BusDeviceImpl implements BusDevice {
    private final NicModel model;
    private final String busAddress;
    private final int unit;
    private final byte[] mac;
    private final String sysfsPath;
    private final int queuePairs;
    /** {@code dev->numa_node}: no firmware proximity data ({@code _PXM}) for the model's slots. */
    private int numaNode = io.netmodel.cpu.NodeSysfs.NUMA_NO_NODE;

    BusDeviceImpl(NicModel model, int queuePairs, String busAddress, int unit, byte[] mac, String sysfsPath) {
        this.model = model;
        this.queuePairs = queuePairs;
        this.busAddress = busAddress;
        this.unit = unit;
        this.mac = mac;
        this.sysfsPath = sysfsPath;
    }

    @Override
    public String bus() {
        return "pci";
    }

    @Override
    public int vendor() {
        return model.vendor();
    }

    @Override
    public int device() {
        return model.device();
    }

    @Override
    public String busAddress() {
        return busAddress;
    }

    @Override
    public int unit() {
        return unit;
    }

    @Override
    public int msixVectors() {
        return model.msixVectors(queuePairs);
    }

    @Override
    public byte[] macAddress() {
        return mac.clone();
    }

    @Override
    public int maxQueuePairs() {
        return queuePairs;
    }

    @Override
    public int linkSpeed() {
        return model.linkSpeed();
    }

    /** {@code dev_to_node}. */
    int numaNode() {
        return numaNode;
    }

    /** {@code set_dev_node}. */
    void setNumaNode(int node) {
        this.numaNode = node;
    }

    public NicModel model() {
        return model;
    }

    /**
     * The sysfs directory a netdev's {@code device} link points to: the PCI function, or
     * for virtio the {@code virtioN} device under it.
     */
    public String sysfsPath() {
        return sysfsPath;
    }

    /** The legacy INTx line (GSI) of this slot: QEMU's PCI link IRQs 10 and 11 alternate. */
    public int legacyGsi() {
        int slot = Integer.parseInt(busAddress.substring(8, 10), 16);
        return 10 + (slot % 2);
    }

    /** The name a probe failure is logged under ({@code virtio0} or the PCI address). */
    public String kernelName() {
        return model.virtio() ? "virtio" + unit : busAddress;
    }
}
