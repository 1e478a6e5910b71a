package io.netmodel.core;

import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.driver.NetDriver;
import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleLoadException;
import io.netmodel.api.host.ModuleRegistry;
import io.netmodel.api.host.ModuleState;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.bus.DriverCore;
import io.netmodel.bus.ModuleParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's module list ({@code kernel/module/main.c}): a driver bundle's {@code NetDriver}
 * appearing is {@code init_module} (parameters parsed, driver registered, devices probed), its
 * going away is {@code delete_module}. Every method takes the model lock.
 */
public final class ModuleTable implements ModuleRegistry {
    private record Pending(long size, Map<String, String> params) {
    }

    private static final class Module {
        final String name;
        final long size;
        final NetDriver driver;
        final Map<String, String> params;
        /** {@code module_refcount}: references taken with try_module_get. */
        int refcnt;

        Module(String name, long size, NetDriver driver, Map<String, String> params) {
            this.name = name;
            this.size = size;
            this.driver = driver;
            this.params = params;
        }
    }

    private final ModelLock lock;
    private final io.netmodel.api.kernel.KernelProfile profile;
    private final DriverCore drivers;
    private final Dmesg dmesg;
    private final ModuleSysfs sysfs;
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, ModuleLoadException> failed = new HashMap<>();
    /** Insertion order; /proc/modules lists the newest first. */
    private final Map<String, Module> loaded = new LinkedHashMap<>();

    public ModuleTable(ModelLock lock, io.netmodel.api.kernel.KernelProfile profile, DriverCore drivers, Dmesg dmesg,
                       ModuleSysfs sysfs) {
        this.lock = lock;
        this.profile = profile;
        this.drivers = drivers;
        this.dmesg = dmesg;
        this.sysfs = sysfs;
    }

    @Override
    public void prepare(String name, long size, Map<String, String> params) {
        lock.call(() -> {
            failed.remove(name);
            pending.put(name, new Pending(size, new LinkedHashMap<>(params)));
            return null;
        });
    }

    /** A driver service appeared: parse its parameters, then register it with the driver core. */
    public void driverAppeared(NetDriver driver) {
        lock.call(() -> {
            String name = driver.name();
            Pending p = pending.remove(name);
            if (p == null) {
                p = new Pending(0, Map.of());
            }
            if (loaded.containsKey(name)) {
                failed.put(name, new ModuleLoadException(Errno.EEXIST, "Module already in kernel"));
                return null;
            }
            List<ModuleParam> declared = driver.parameters(profile); // this release's module_param lines
            Map<String, String> values = new LinkedHashMap<>();
            for (ModuleParam mp : declared) {
                values.put(mp.name(), ModuleParams.initialValue(mp));
            }
            for (Map.Entry<String, String> e : p.params().entrySet()) {
                ModuleParam mp = ModuleParams.find(declared, e.getKey());
                if (mp == null) {
                    dmesg.printk(name + ": unknown parameter '" + e.getKey() + "' ignored");
                    continue;
                }
                try {
                    values.put(mp.name(), value(mp, e.getValue()));
                } catch (VfsException bad) {
                    if (ModuleParams.tooManyElements(mp, e.getValue())) {
                        dmesg.printk(mp.name() + ": can only take " + mp.arrayLength() + " arguments"); // param_array
                    }
                    // parse_args hands a bare "name" over with a NULL value, printed as an empty string
                    dmesg.printk(name + ": `" + (e.getValue() == null ? "" : e.getValue()) + "' invalid for parameter `"
                        + mp.name() + "'");
                    failed.put(name, new ModuleLoadException(bad.errno(), Errno.strerror(bad.errno())));
                    return null;
                }
            }
            Module m = new Module(name, p.size(), driver, values);
            loaded.put(name, m);
            sysfs.add(name, declared, values, () -> info(m)); // mod_sysfs_setup, before init
            drivers.register(driver, values);
            return null;
        });
    }

    /** A driver service went away (bundle stopping): remove it from every device. */
    public void driverGone(NetDriver driver) {
        lock.call(() -> {
            Module m = loaded.get(driver.name());
            if (m != null && m.driver == driver) {
                drivers.unregister(driver);
                loaded.remove(driver.name());
                sysfs.remove(driver.name()); // mod_sysfs_teardown
            }
            return null;
        });
    }

    /**
     * {@code parse_one}: a parameter given without {@code =value} is "true" for a bool
     * ({@code KERNEL_PARAM_OPS_FL_NOARG}) and EINVAL for anything else.
     */
    private static String value(ModuleParam mp, String text) throws VfsException {
        if (text == null) {
            if (mp.type() == ModuleParam.Type.BOOL) {
                return "Y";
            }
            throw new VfsException(Errno.EINVAL);
        }
        return ModuleParams.parse(mp, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public ModuleInfo checkLoaded(String name) throws ModuleLoadException {
        return lock.call(() -> {
            ModuleLoadException why = failed.remove(name);
            if (why != null) {
                throw why;
            }
            Module m = loaded.get(name);
            if (m == null) {
                throw new ModuleLoadException(Errno.ENOENT, "the bundle published no driver named " + name);
            }
            return info(m);
        });
    }

    @Override
    public void forget(String name) {
        lock.call(() -> {
            pending.remove(name);
            failed.remove(name);
            return null;
        });
    }

    /** Whether a module of that name is loaded now. */
    public boolean isLoaded(String name) {
        return lock.call(() -> loaded.containsKey(name));
    }

    /** {@code try_module_get} ({@code kernel/module/main.c}): fails for a module not live. */
    @Override
    public boolean tryModuleGet(String name) {
        return lock.call(() -> {
            Module m = loaded.get(name);
            if (m == null) {
                return false;
            }
            m.refcnt++;
            return true;
        });
    }

    /**
     * {@code module_put}. Unlike Linux, a put after a forced unload is harmless: the model's
     * references are names, not pointers into freed module memory.
     */
    @Override
    public void modulePut(String name) {
        lock.call(() -> {
            Module m = loaded.get(name);
            if (m != null && m.refcnt > 0) {
                m.refcnt--;
            }
            return null;
        });
    }

    @Override
    public List<ModuleInfo> modules() {
        return lock.call(() -> {
            List<ModuleInfo> list = new ArrayList<>();
            for (Module m : loaded.values()) {
                list.add(0, info(m));
            }
            return list;
        });
    }

    @Override
    public List<String> dmesg() {
        return lock.call(dmesg::lines);
    }

    private static ModuleInfo info(Module m) {
        return new ModuleInfo(m.name, m.size, m.refcnt, ModuleState.LIVE, Map.copyOf(m.params));
    }
}
