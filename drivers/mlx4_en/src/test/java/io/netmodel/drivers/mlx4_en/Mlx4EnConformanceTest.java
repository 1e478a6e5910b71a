package io.netmodel.drivers.mlx4_en;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on mlx4_en. */
class Mlx4EnConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new Mlx4EnDriver();
    }

    @Override
    protected String nic() {
        return "mlx4_en";
    }

    @Override
    protected boolean hasQueueStatsIn(String version) {
        return KernelVersion.parse(version).atLeast(KernelVersion.parse("6.11")); // virtio_net 6.10, mlx4_en 6.11
    }
}
