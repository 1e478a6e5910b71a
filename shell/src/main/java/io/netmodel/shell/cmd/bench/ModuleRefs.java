package io.netmodel.shell.cmd.bench;

import io.netmodel.api.host.ModuleInfo;
import io.netmodel.api.host.ModuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * References a {@code --live} benchmark holds on the running model's driver modules, like a
 * socket's {@code try_module_get} on its device's owner: lsmod's "Used by" and
 * {@code /proc/modules}' refcnt count the run, and rmmod refuses the module until the run ends
 * ({@code rmmod -f} aside). The daemon's benchmark runs on the model's NICs, every one of them
 * bound by a loaded module, so the run holds each loaded module once.
 */
final class ModuleRefs implements AutoCloseable {
    private final ModuleRegistry registry;
    private final List<String> names;

    private ModuleRefs(ModuleRegistry registry, List<String> names) {
        this.registry = registry;
        this.names = names;
    }

    /** {@code try_module_get} on every loaded module; a module gone meanwhile is skipped. */
    static ModuleRefs holdAll(ModuleRegistry registry) {
        List<String> names = new ArrayList<>();
        for (ModuleInfo m : registry.modules()) {
            if (registry.tryModuleGet(m.name())) {
                names.add(m.name());
            }
        }
        return new ModuleRefs(registry, names);
    }

    /** {@code module_put} for each reference taken, once. */
    @Override
    public void close() {
        for (String name : names) {
            registry.modulePut(name);
        }
        names.clear();
    }
}
