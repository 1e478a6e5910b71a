package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on virtio_net. */
class VirtioNetConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new VirtioNetDriver();
    }

    @Override
    protected String nic() {
        return "virtio_net";
    }
}
