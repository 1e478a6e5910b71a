package io.netmodel.shell.cmd.bench.fakebundle;

import io.netmodel.api.bench.BenchService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A test bundle standing in for the kernel bundle's benchmarks: registers {@link BundleBench}. */
public final class Activator implements BundleActivator {
    private ServiceRegistration<BenchService> registration;

    @Override
    public void start(BundleContext context) {
        registration = context.registerService(BenchService.class, new BundleBench(), null);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }
}
