package io.netmodel.api.host;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's module list, for the launcher that implements modprobe/rmmod on top of the
 * OSGi framework: it announces a load ({@link #prepare}) before starting a driver bundle, so
 * the kernel can validate parameters and record size, then reads back the outcome.
 */
@ProviderType
public interface ModuleRegistry {
    /**
     * Announces that module {@code name} is about to be inserted with these parameters
     * (unvalidated text, as typed). Replaces any earlier announcement for that name.
     */
    void prepare(String name, long size, Map<String, String> params);

    /**
     * The outcome of inserting {@code name}, asked once its bundle has started (Declarative
     * Services activation is synchronous, so the driver has registered and probed by then):
     * the module if it is live, else the reason it is not (a refused parameter, or a bundle
     * that published no driver of that name).
     */
    ModuleInfo checkLoaded(String name) throws ModuleLoadException;

    /** Forgets module {@code name} after its bundle stopped (rmmod). */
    void forget(String name);

    /**
     * {@code try_module_get}: takes a reference on module {@code name} for a user of its
     * devices (a live benchmark), so {@code refcnt} in {@code /proc/modules},
     * {@code /sys/module/<name>/refcnt} and lsmod's "Used by" count it and rmmod refuses to
     * unload it. Each successful call needs one {@link #modulePut}.
     *
     * @return false, taking nothing, when the module is not loaded
     * @since 1.1
     */
    boolean tryModuleGet(String name);

    /**
     * {@code module_put}: drops a reference taken by {@link #tryModuleGet}. A module unloaded
     * meanwhile ({@code rmmod -f}) took its references with it; the call then does nothing.
     *
     * @since 1.1
     */
    void modulePut(String name);

    /** Loaded modules, most recently loaded first (the order of {@code /proc/modules}). */
    List<ModuleInfo> modules();

    /** The kernel log ({@code dmesg}), oldest first. */
    List<String> dmesg();
}
