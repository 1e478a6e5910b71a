package io.netmodel.api.driver;

/**
 * One entry of a driver's id table ({@code struct pci_device_id}): the bus and the
 * vendor:device pair the driver binds.
 */
public record DeviceId(String bus, int vendor, int device) {
    public static DeviceId pci(int vendor, int device) {
        return new DeviceId("pci", vendor, device);
    }

    public boolean matches(BusDevice dev) {
        return bus.equals(dev.bus()) && vendor == dev.vendor() && device == dev.device();
    }

    @Override
    public String toString() {
        return String.format("%s:%04x:%04x", bus, vendor, device);
    }
}
