package io.netmodel.bus;

import io.netmodel.kobj.Attr;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import io.netmodel.api.kernel.KernelProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's PCI bus: devices at fixed slots under {@code /sys/devices/pci0000:00/}, with
 * their {@code vendor}/{@code device} files. Devices stay when drivers come and go.
 */
public final class PciBus {
    private static final String ROOT = "/sys/devices/pci0000:00";
    private static final int FIRST_SLOT = 3;
    private static final List<Attr<BusDeviceImpl>> PCI_ATTRS = List.of(
        Attr.ro("vendor", d -> String.format("0x%04x", d.vendor()) + "\n"),
        Attr.ro("device", d -> String.format("0x%04x", d.device()) + "\n"));

    private final List<BusDeviceImpl> devices = new ArrayList<>();
    private final KTree tree;
    private final KernelProfile profile;
    private int virtioUnits;

    public PciBus(KTree tree, KernelProfile profile) {
        this.tree = tree;
        this.profile = profile;
    }

    /**
     * Plugs a NIC into the next free slot ({@code 0000:00:03.0}, ...; more than 29 NICs continue
     * on further buses {@code 0000:01:00.0}, ... as behind PCIe bridges).
     */
    public BusDeviceImpl plug(NicModel model, int queuePairs) {
        int index = devices.size();
        int bus = index < 29 ? 0 : 1 + (index - 29) / 32;
        int slot = index < 29 ? FIRST_SLOT + index : (index - 29) % 32;
        String address = String.format("0000:%02x:%02x.0", bus, slot);
        KDir pciDir = tree.mkdirs(ROOT + "/" + address);
        int unit = model.virtio() ? virtioUnits++ : devices.size();
        String path = model.virtio() ? pciDir.dir("virtio" + unit).path() : pciDir.path();
        // QEMU's default MAC is 52:54:00:12:34:56; later NICs count up from there.
        byte[] mac = {0x52, 0x54, 0x00, 0x12, (byte) (0x34 + ((0x56 + index) >> 8)), (byte) (0x56 + index)};
        BusDeviceImpl dev = new BusDeviceImpl(model, queuePairs, address, unit, mac, path);
        Attr.populate(pciDir, dev, PCI_ATTRS, profile, KAttr.Flavor.SYSFS);
        devices.add(dev);
        return dev;
    }

    public List<BusDeviceImpl> devices() {
        return List.copyOf(devices);
    }
}
