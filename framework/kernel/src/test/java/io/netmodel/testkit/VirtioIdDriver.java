package io.netmodel.testkit;

import io.netmodel.api.driver.DeviceId;
import io.netmodel.api.driver.NetDriver;
import java.util.List;

/**
 * What the test drivers share: a module name, version 0.1, the virtio-net PCI id the test hosts'
 * NIC has (1af4:1041) (module parameters: {@link NetDriver#parameters()}'s none unless a driver overrides it).
 */
public abstract class VirtioIdDriver implements NetDriver {
    private final String name;

    protected VirtioIdDriver(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return "0.1";
    }

    @Override
    public final List<DeviceId> idTable() {
        return List.of(DeviceId.pci(0x1af4, 0x1041));
    }
}
