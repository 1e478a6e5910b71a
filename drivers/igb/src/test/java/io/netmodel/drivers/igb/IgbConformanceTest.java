package io.netmodel.drivers.igb;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on igb. */
class IgbConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new IgbDriver();
    }

    @Override
    protected String nic() {
        return "igb";
    }
}
