package io.netmodel.core;

import io.netmodel.api.driver.ModuleParam;
import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.bus.ModuleParams;
import io.netmodel.kobj.KAttr;
import io.netmodel.kobj.KDir;
import io.netmodel.kobj.KTree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /sys/module/<name>/} of a loaded module: {@code mod_sysfs_setup} creates the directory
 * with {@code initstate} and {@code refcnt} ({@code kernel/module/main.c}, modinfo attributes,
 * both 0444) and {@code module_param_sysfs_setup} ({@code kernel/params.c}) the
 * {@code parameters/} group: one file per parameter whose {@code perm} is not 0, with that mode,
 * and no {@code parameters/} directory at all when none is visible. {@code mod_sysfs_teardown}
 * removes it all on unload. Built-in code has no entry here (the model has no built-in modules
 * with parameters). The driver core adds {@code drivers/<bus>:<driver>} as the module's driver
 * registers ({@code module_add_driver}, {@code io.netmodel.bus.PciBus}).
 *
 * <p>The other files of a real module directory ({@code coresize}, {@code holders/},
 * {@code sections/}, {@code taint}, {@code uevent}, ...) are not modelled.
 */
public final class ModuleSysfs {
    private final KDir root;

    public ModuleSysfs(KTree tree) {
        this.root = tree.mkdirs("/sys/module");
    }

    /**
     * Creates {@code /sys/module/<name>/}. {@code values} is the module's live parameter map
     * (the one its driver reads): a parameter write parses first and changes it only on success.
     */
    public void add(String name, List<ModuleParam> params, Map<String, String> values, Supplier<ModuleInfo> info) {
        KDir dir = root.dir(name);
        dir.attr("initstate", 0444, KAttr.Flavor.SYSFS,
            () -> info.get().state().name().toLowerCase(Locale.ROOT) + "\n", null);
        dir.attr("refcnt", 0444, KAttr.Flavor.SYSFS, () -> info.get().refcnt() + "\n", null);
        KDir parameters = null;
        for (ModuleParam p : params) {
            if (p.mode() == 0) {
                continue;
            }
            if (parameters == null) {
                parameters = dir.dir("parameters");
            }
            // add_sysfs_param: no write bit in perm, no store (open for write is then EACCES).
            KAttr.Store store = (p.mode() & 0222) == 0 ? null : (data, caller) -> store(p, values, data, caller);
            parameters.attr(p.name(), p.mode(), KAttr.Flavor.SYSFS, () -> values.get(p.name()) + "\n", store);
        }
    }

    /** {@code mod_sysfs_teardown}: the directory and everything in it vanish. */
    public void remove(String name) {
        root.remove(name);
    }

    /**
     * {@code param_attr_store}: {@code ops->set(buf)} on the written bytes (trailing newline
     * included, which the kstrto* parsers accept); on error nothing changes and the write
     * fails with the parser's errno (EINVAL, or ERANGE for a number that does not fit); on
     * success the whole write is consumed. No capability check beyond the file's mode.
     */
    private static int store(ModuleParam p, Map<String, String> values, byte[] data, Caller caller)
            throws VfsException {
        String value = ModuleParams.parse(p, data);
        values.put(p.name(), value);
        return data.length;
    }
}
