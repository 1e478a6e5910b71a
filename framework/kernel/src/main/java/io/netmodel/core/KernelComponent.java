package io.netmodel.core;

import io.netmodel.api.bench.BenchService;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.host.ModuleRegistry;
import io.netmodel.api.kernel.KernelProfile;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.VirtualFs;
import io.netmodel.kernel.Profile;
import io.netmodel.rx.BenchServiceImpl;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The kernel model in the framework: builds the {@link Kernel} from framework properties
 * ({@code netmodel.kernel}, {@code netmodel.cpus}, {@code netmodel.nics}, {@code netmodel.smt}), publishes its
 * services ({@link VirtualFs}, {@link KernelProfile}, {@link ModuleRegistry}), and tracks
 * {@link NetDriver} services as a whiteboard: a driver bundle starting is {@code insmod}, stopping
 * is {@code rmmod}. The reference is multiple and dynamic, so drivers come and go without the
 * kernel restarting.
 */
@Component(immediate = true, service = {})
public final class KernelComponent {
    private final List<NetDriver> early = new ArrayList<>();
    /** Drivers loaded now, for benchmarks that build hosts of their own. */
    private final List<NetDriver> loaded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Kernel kernel;
    private io.netmodel.rx.LiveTraffic traffic;

    @Activate
    void activate(BundleContext context) {
        String version = context.getProperty("netmodel.kernel");
        Profile profile = new Profile(version == null ? Profile.NEWEST : KernelVersion.parse(version));
        String cpus = context.getProperty("netmodel.cpus");
        String nics = context.getProperty("netmodel.nics");
        String queues = context.getProperty("netmodel.queues");
        HostSpec defaults = HostSpec.defaultHost();
        List<HostSpec.Nic> nicList = nics == null ? defaults.nics()
            : HostSpec.parseNics(nics, queues == null ? 0 : Integer.parseInt(queues));
        String smt = context.getProperty("netmodel.smt");
        HostSpec host = new HostSpec(cpus == null ? defaults.cpus() : Integer.parseInt(cpus), nicList,
            smt == null ? defaults.smt() : io.netmodel.cpu.SmtControl.State.parse(smt));
        List<NetDriver> pending;
        synchronized (this) {
            kernel = new Kernel(profile, host);
            pending = new ArrayList<>(early);
            early.clear();
        }
        for (NetDriver d : pending) {
            kernel.modules().driverAppeared(d);
        }
        registrations.add(context.registerService(VirtualFs.class, kernel.fs(), null));
        registrations.add(context.registerService(KernelProfile.class, profile, null));
        registrations.add(context.registerService(ModuleRegistry.class, kernel.modules(), null));
        registrations.add(context.registerService(io.netmodel.api.rtnl.Rtnl.class, kernel.rtnl(), null));
        registrations.add(context.registerService(io.netmodel.api.trace.TraceService.class, kernel.trace(), null));
        registrations.add(context.registerService(io.netmodel.api.ethtool.EthtoolService.class, kernel.ethtool(), null));
        registrations.add(context.registerService(io.netmodel.api.sched.TaskService.class, kernel.taskService(), null));
        registrations.add(context.registerService(io.netmodel.api.netlink.NetdevFamily.class, kernel.netdevFamily(), null));
        traffic = new io.netmodel.rx.LiveTraffic(kernel);
        registrations.add(context.registerService(io.netmodel.api.traffic.TrafficService.class, traffic, null));
        registrations.add(context.registerService(BenchService.class,
            new BenchServiceImpl(profile, host, () -> List.copyOf(loaded), this::kernel), null));
    }

    /** The running kernel, or null once deactivated. */
    private synchronized Kernel kernel() {
        return kernel;
    }

    @Deactivate
    void deactivate() {
        if (traffic != null) {
            traffic.stop();
        }
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
        registrations.clear();
        synchronized (this) {
            kernel = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(NetDriver driver) {
        loaded.add(driver);
        Kernel k;
        synchronized (this) {
            k = kernel;
            if (k == null) {
                early.add(driver); // SCR binds before activate
                return;
            }
        }
        k.modules().driverAppeared(driver);
    }

    void unbindDriver(NetDriver driver) {
        loaded.remove(driver);
        Kernel k;
        synchronized (this) {
            k = kernel;
            if (k == null) {
                early.remove(driver);
                return;
            }
        }
        k.modules().driverGone(driver);
    }
}
