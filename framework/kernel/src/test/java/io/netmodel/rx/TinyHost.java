package io.netmodel.rx;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;

/**
 * One simulated host for receive-path tests: the default host booted at a release, with
 * {@link TinyDriver} bound to its NIC, on a fresh simulator (seed 1), with the default costs.
 */
record TinyHost(Kernel kernel, Simulator sim, SimHost host) {
    static TinyHost boot(String release) {
        Kernel k = new Kernel(new Profile(KernelVersion.parse(release)), HostSpec.defaultHost());
        k.modules().driverAppeared(TinyDriver.plain());
        Simulator sim = new Simulator(1);
        return new TinyHost(k, sim, new SimHost("h", k, sim, RxCosts.load(RxCosts.DEFAULT_PROFILE)));
    }
}
