package io.netmodel.drivers.e1000;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on e1000. */
class E1000ConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new E1000Driver();
    }

    @Override
    protected String nic() {
        return "e1000";
    }
}
