package io.netmodel.bus;

/**
 * Simulated NIC hardware the bus can carry: what the device itself reports (ids, MSI-X table,
 * queues, link speed), not what a driver does with it. Ids from kernel-algorithms.md table (b).
 * Subsystem ids (which board carries the chip: {@code subsystem_vendor}, {@code subsystem_device},
 * read by irqbalance to classify a device) are rows of the PCI ID repository's {@code pci.ids}
 * (Debian's pci.ids 0.0~2023.04.11) for a board of the modelled kind, named at each constant.
 *
 * <p>The name users type ({@code --nic e1000}) is the module name of the driver that binds the
 * device, because {@code netmodel up} loads that module for it (udev coldplug). For ConnectX-3
 * that is {@code mlx4_en}: in Linux {@code mlx4_core} binds the PCI function and creates the
 * event queues, and {@code mlx4_en} creates the netdev on top of it; the model has one bundle,
 * {@code mlx4_en}, that does both (drivers/README.md).
 */
public enum NicModel {
    /**
     * virtio-net (modern, virtio 1.0), as QEMU offers it: one queue pair unless configured
     * ({@code -device virtio-net-pci,mq=on,vectors=...}); MSI-X table: config + one vector per
     * virtqueue (2 per pair), up to 256 pairs ({@code HostSpec.MAX_QUEUE_PAIRS}). The link speed
     * is unknown unless the host sets one. Subsystem 1af4:1041 as on the reference 6.18 guest
     * (its VMM repeats the device id; QEMU's would be 1af4:1100).
     */
    VIRTIO_NET("virtio_net", 0x1af4, 0x1041, 0x1af4, 0x1041, Msix.VIRTQUEUES, 1, 256, -1),
    /**
     * Intel 82540EM, QEMU's default {@code -device e1000}: one RX and one TX ring, a legacy INTx
     * line only (no MSI or MSI-X capability), 1000 Mb/s. Subsystem 1af4:1100, "QEMU Virtual Machine".
     */
    E1000("e1000", 0x8086, 0x100e, 0x1af4, 0x1100, Msix.NONE, 1, 1, 1000),
    /**
     * Intel I350 (copper): up to 8 RSS queues ({@code IGB_MAX_RX_QUEUES}); MSI-X: one "other"
     * (link) vector plus one per queue, 1000 Mb/s. The device id is {@code E1000_DEV_ID_I350_COPPER}
     * (0x1521, checked in {@code e1000_hw.h}). Subsystem 8086:0001, "Ethernet Server Adapter I350-T4".
     */
    IGB("igb", 0x8086, 0x1521, 0x8086, 0x0001, Msix.QUEUES_PLUS_ONE, 8, 8, 1000),
    /**
     * Intel 82599ES (SFP+): 16 RSS queues by default ({@code IXGBE_MAX_RSS_INDICES}), up to 64
     * ({@code MAX_Q_VECTORS}); MSI-X: one per queue pair plus the "other" vector, 10 Gb/s. The
     * device id is {@code IXGBE_DEV_ID_82599_SFP} (0x10FB, checked in {@code ixgbe_type.h}).
     * Subsystem 8086:000c, "Ethernet Server Adapter X520-2".
     */
    IXGBE("ixgbe", 0x8086, 0x10fb, 0x8086, 0x000c, Msix.QUEUES_PLUS_ONE, 16, 64, 10000),
    /**
     * Mellanox ConnectX-3, one Ethernet port: MSI-X vectors for one asynchronous event queue plus
     * one completion EQ per queue (16 by default, {@code MLX4_EN_DEF_RX_RINGS}), 40 Gb/s. The
     * device id is the "MT27500 Family [ConnectX-3]" row of {@code mlx4_pci_table} (0x1003,
     * checked); real cards often have two ports. Subsystem 15b3:0064, "ConnectX-3 EN 10/40 GbE
     * Single Port QSFP+ Adapter (MCX313A-BCBT)".
     */
    MLX4_EN("mlx4_en", 0x15b3, 0x1003, 0x15b3, 0x0064, Msix.QUEUES_PLUS_ONE, 16, 64, 40000),
    /**
     * Intel Infrastructure Data Path Function, the PF id of the IPU E2000 ({@code IDPF_DEV_ID_PF},
     * 8086:1452 in {@code idpf_devids.h}) as cloud VMs see it: the device's control plane offers
     * 16 queue pairs by default and up to 256 ({@code IDPF_LARGE_MAX_Q}); MSI-X: the mailbox
     * vector plus one per queue pair. The link speed the control plane reports (200 Gb/s) is
     * recalled, unverified; which of 1452 (PF) and 145C (VF) the seed-001 VMs saw is unknown.
     * pci.ids 2023.04 has no row for 1452: subsystem 8086:0000, the chip vendor's with no board id.
     */
    IDPF("idpf", 0x8086, 0x1452, 0x8086, 0x0000, Msix.QUEUES_PLUS_ONE, 16, 256, 200000),
    /**
     * The driver kit's example NIC (drivers/example_nic): fictional PCI id feed:0001, one queue
     * pair, MSI-X RX + TX vectors, 1000 Mb/s, subsystem 0000:0000 (no board).
     */
    EXAMPLENIC("examplenic", 0xfeed, 0x0001, 0x0000, 0x0000, Msix.QUEUES_PLUS_ONE, 1, 1, 1000);

    /** How the MSI-X table size follows from the queue count. */
    private enum Msix {
        /** No MSI-X capability: legacy INTx only. */
        NONE,
        /** One vector per queue (pair, or completion EQ) plus one for link/other/async events. */
        QUEUES_PLUS_ONE,
        /** virtio: config + one per virtqueue, two virtqueues per pair. */
        VIRTQUEUES
    }

    private final String name;
    private final int vendor;
    private final int device;
    private final int subsystemVendor;
    private final int subsystemDevice;
    private final Msix msix;
    private final int defaultQueuePairs;
    private final int maxQueuePairs;
    private final int linkSpeed;

    NicModel(String name, int vendor, int device, int subsystemVendor, int subsystemDevice, Msix msix,
             int defaultQueuePairs, int maxQueuePairs, int linkSpeed) {
        this.name = name;
        this.vendor = vendor;
        this.device = device;
        this.subsystemVendor = subsystemVendor;
        this.subsystemDevice = subsystemDevice;
        this.msix = msix;
        this.defaultQueuePairs = defaultQueuePairs;
        this.maxQueuePairs = maxQueuePairs;
        this.linkSpeed = linkSpeed;
    }

    /** The name users type ({@code --nic igb}): the module of the driver that binds it. */
    public String driverHint() {
        return name;
    }

    public int vendor() {
        return vendor;
    }

    public int device() {
        return device;
    }

    /** {@code PCI_SUBSYSTEM_VENDOR_ID} of the board. */
    public int subsystemVendor() {
        return subsystemVendor;
    }

    /** {@code PCI_SUBSYSTEM_ID} of the board. */
    public int subsystemDevice() {
        return subsystemDevice;
    }

    /** A virtio device (named {@code virtioN} on the virtio bus, below its PCI function). */
    public boolean virtio() {
        return msix == Msix.VIRTQUEUES;
    }

    /** MSI-X table size of a device with {@code queuePairs} queue pairs (0: INTx only). */
    public int msixVectors(int queuePairs) {
        switch (msix) {
            case NONE:
                return 0;
            case VIRTQUEUES:
                return 2 + 2 * queuePairs;
            case QUEUES_PLUS_ONE:
            default:
                return 1 + queuePairs;
        }
    }

    /** Queue pairs the device offers when the host description does not say. */
    public int defaultQueuePairs() {
        return defaultQueuePairs;
    }

    /** The most queue pairs this hardware can have ({@code --queues} is capped here). */
    public int maxQueuePairs() {
        return maxQueuePairs;
    }

    /** The link speed the PHY reports, in Mb/s ({@code -1}: unknown, as virtio without a speed). */
    public int linkSpeed() {
        return linkSpeed;
    }

    /** The NIC model users call {@code name}, or null. */
    public static NicModel byName(String name) {
        for (NicModel m : values()) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The NIC model with PCI ids {@code vendor:device}, or null. */
    public static NicModel byId(int vendor, int device) {
        for (NicModel m : values()) {
            if (m.vendor == vendor && m.device == device) {
                return m;
            }
        }
        return null;
    }
}
