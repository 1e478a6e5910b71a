package io.netmodel.drivers.idpf;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.drivers.testkit.DriverConformanceTest;

/** The driver kit's conformance suite on idpf (6.7+ only: the release tests before it are skipped). */
class IdpfConformanceTest extends DriverConformanceTest {
    @Override
    protected NetDriver driver() {
        return new IdpfDriver();
    }

    @Override
    protected String nic() {
        return "idpf";
    }

    @Override
    protected boolean existsIn(String version) {
        return KernelVersion.parse(version).atLeast(IdpfHistory.DRIVER.since());
    }
}
