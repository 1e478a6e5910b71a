package io.netmodel.drivers.ixgbe;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on ixgbe. */
class IxgbeConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new IxgbeDriver();
    }

    @Override
    protected String nic() {
        return "ixgbe";
    }
}
