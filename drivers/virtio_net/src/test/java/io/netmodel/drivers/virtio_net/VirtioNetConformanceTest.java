package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelVersion;
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

    @Override
    protected boolean hasQueueStatsIn(String version) {
        return KernelVersion.parse(version).atLeast(KernelVersion.parse("6.10")); // virtio_net 6.10, mlx4_en 6.11
    }
}
