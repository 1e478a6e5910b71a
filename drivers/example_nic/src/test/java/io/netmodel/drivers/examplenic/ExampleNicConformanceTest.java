package io.netmodel.drivers.examplenic;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on examplenic. */
class ExampleNicConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new ExampleNicDriver();
    }

    @Override
    protected String nic() {
        return "examplenic";
    }
}
